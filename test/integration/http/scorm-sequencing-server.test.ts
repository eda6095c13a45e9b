/**
 * The server enforces SCORM 2004 navigation with the same engine the player runs: a part the
 * engine refuses (a backward choice under forwardOnly, a hiddenFromChoice item, any choice
 * where choice is off, an activity past its attempt limit) is refused when its address is
 * opened directly, with no session opened for it; a part the flow delivered opens.
 */
import * as scorm2004 from 'scorm-again/scorm2004';
import type Scorm2004ApiClass from 'scorm-again/scorm2004';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityNode } from '../../../src/features/content/sequencing-tree.ts';
import { loadActor, type Actor } from '../../../src/features/people/actor.ts';
import { launchCourse } from '../../../src/features/scorm/launch-course.ts';
import { createPerson, startScormApp, uploadPackage, type ScormTestApp } from '../../helpers/scorm-app.ts';
import { buildPackage, type TestSco } from '../../helpers/scorm-zips.ts';

// The ESM build exports the class by name; its type declarations describe a default export.
const { Scorm2004API } = scorm2004 as unknown as { Scorm2004API: typeof Scorm2004ApiClass };

let app: ScormTestApp;
let learner: Actor;

beforeAll(async () => {
  app = await startScormApp(new Date('2026-11-28T09:00:00Z'));
  learner = await loadActor(
    app.deps.db.prisma,
    (await createPerson(app, 'sam.seq@acme.example', 'Sam Seq')).id,
  );
});
afterAll(async () => {
  await app?.close();
});

const pre = (action: string) =>
  `<imsss:sequencing><imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="always"/></imsss:ruleConditions><imsss:ruleAction action="${action}"/></imsss:preConditionRule></imsss:sequencingRules></imsss:sequencing>`;
const limit = (n: number) =>
  `<imsss:sequencing><imsss:limitConditions attemptLimit="${n}"/></imsss:sequencing>`;
const controlMode = (attrs: string) => `<imsss:sequencing><imsss:controlMode ${attrs}/></imsss:sequencing>`;

let courseNo = 0;
/** Uploads the package to a new course and launches it: the launch link, the SCO ids and the activity tree. */
async function launched(scos: TestSco[], organizationXml?: string) {
  const title = `Sequenced ${++courseNo}`;
  const zip = await buildPackage({ version: '2004', title, scos, organizationXml });
  const upload = await uploadPackage(app, zip);
  expect(upload.status, JSON.stringify(upload.body)).toBe(201);
  expect(upload.body.warnings).toEqual([]);
  const launch = await launchCourse(app.deps, learner, { courseId: upload.body.courseId });
  const pkg = await app.deps.db.prisma.contentPackage.findUniqueOrThrow({
    where: { id: upload.body.packageId },
    select: { manifest: true },
  });
  const tree = (pkg.manifest as { sequencing: { activityTree: ActivityNode } }).sequencing.activityTree;
  const ids = Object.fromEntries(
    (upload.body.scos as { id: string; identifier: string }[]).map((s) => [s.identifier, s.id]),
  );
  return { launch, ids, tree, token: launch.url.split('/scorm/launch/')[1]! };
}

/** What the player does in the browser: run the engine, then post its state. */
async function walk(tree: ActivityNode, token: string, requests: [string, string?][]) {
  const api = new Scorm2004API({ logLevel: 5, sequencing: { activityTree: tree as never } } as never);
  for (const [request, target] of requests) expect(api.processNavigationRequest(request, target)).toBe(true);
  const response = await fetch(`${app.baseUrl}/scorm/sequencing/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ state: api.serializeSequencingState() }),
  });
  expect(response.status).toBe(200);
}

async function open(url: string, scoId: string) {
  const response = await fetch(`${url}?sco=${scoId}`);
  const html = await response.text();
  return { status: response.status, refused: /<body data-refused="([^"]+)"/.exec(html)?.[1] ?? null, html };
}

const sessionsOf = async (attemptId: string) =>
  (await app.deps.db.prisma.scoState.findMany({ where: { attemptId }, include: { sco: true } })).map(
    (s) => s.sco.identifier,
  );

describe('SCORM 2004 navigation enforced by the server', () => {
  it('refuses a backward choice under forwardOnly and a hiddenFromChoice item; opens a forward choice', async () => {
    const { launch, ids, tree, token } = await launched(
      [
        { identifier: 'a', title: 'Part A', href: 'a.html' },
        { identifier: 'b', title: 'Part B', href: 'b.html' },
        { identifier: 'c', title: 'Part C', href: 'c.html' },
        { identifier: 'h', title: 'Part H', href: 'h.html', itemXml: pre('hiddenFromChoice') },
      ],
      controlMode('choice="true" flow="true" forwardOnly="true"'),
    );
    await walk(tree, token, [['start'], ['continue']]);
    expect(await open(launch.url, ids.b!)).toMatchObject({ status: 200, refused: null });

    const back = await open(launch.url, ids.a!);
    expect(back).toMatchObject({ status: 409, refused: 'a' });
    expect(back.html).toContain('Part A');
    expect(back.html).toContain('not available now');
    const hidden = await open(launch.url, ids.h!);
    expect(hidden).toMatchObject({ status: 409, refused: 'h' });
    expect(await sessionsOf(launch.attemptId)).not.toContain('h');
    expect((await open(launch.url, ids.c!)).status).toBe(200);
  });

  it('refuses every choice where choice is off, yet opens what the flow delivered', async () => {
    const { launch, ids, tree, token } = await launched(
      [
        { identifier: 'a', title: 'Part A', href: 'a.html' },
        { identifier: 'b', title: 'Part B', href: 'b.html' },
        { identifier: 'c', title: 'Part C', href: 'c.html' },
      ],
      controlMode('choice="false" flow="true"'),
    );
    expect(await open(launch.url, ids.c!)).toMatchObject({ status: 409, refused: 'c' });
    await walk(tree, token, [['start'], ['continue']]);
    expect((await open(launch.url, ids.b!)).status).toBe(200);
    expect(await open(launch.url, ids.c!)).toMatchObject({ status: 409, refused: 'c' });
    expect(await sessionsOf(launch.attemptId)).not.toContain('c');
  });

  it('refuses an activity whose attempt limit is used up, and a disabled one', async () => {
    const { launch, ids, tree, token } = await launched([
      { identifier: 'a', title: 'Part A', href: 'a.html' },
      { identifier: 'b', title: 'Part B', href: 'b.html', itemXml: limit(1) },
      { identifier: 'c', title: 'Part C', href: 'c.html' },
      { identifier: 'd', title: 'Part D', href: 'd.html', itemXml: pre('disabled') },
    ]);
    expect(await open(launch.url, ids.d!)).toMatchObject({ status: 409, refused: 'd' });
    // A jump to b by choice (allowed once), then on to c: b's one attempt is used.
    await walk(tree, token, [['start'], ['choice', 'b'], ['continue']]);
    expect(await open(launch.url, ids.b!)).toMatchObject({ status: 409, refused: 'b' });
    expect((await open(launch.url, ids.a!)).status).toBe(200);
  });
});
