/**
 * What a SCO commits is checked on the server against the SCORM data model, over real HTTP:
 * sizes, vocabularies, ranges, NUL characters. A refused commit stores nothing and answers
 * 400 with the SCORM error code the runtime reports; nothing produces a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchCourse } from '../../../src/features/scorm/launch-course.ts';
import { loadActor, type Actor } from '../../../src/features/people/actor.ts';
import { buildPackage } from '../../helpers/scorm-zips.ts';
import { createPerson, startScormApp, uploadPackage, type ScormTestApp } from '../../helpers/scorm-app.ts';

let app: ScormTestApp;
let learner: Actor;
const courses: Record<'1.2' | '2004', { courseId: string; scoId: string }> = {} as never;

beforeAll(async () => {
  app = await startScormApp(new Date('2026-11-28T09:00:00Z'));
  learner = await loadActor(app.deps.db.prisma, (await createPerson(app, 'dm@acme.example', 'DM')).id);
  for (const version of ['1.2', '2004'] as const) {
    const course = await app.deps.db.prisma.course.create({
      data: { code: `DM-${version}`, title: `DM ${version}`, kind: 'elearning' },
    });
    const zip = await buildPackage({
      version,
      title: 'DM',
      scos: [{ identifier: 's', title: 'S', href: 'index.html' }],
    });
    const { body } = await uploadPackage(app, zip, { courseId: course.id });
    courses[version] = { courseId: course.id, scoId: body.scos[0].id };
  }
});
afterAll(async () => {
  await app?.close();
});

async function commitAs(version: '1.2' | '2004', cmi: unknown) {
  const { courseId, scoId } = courses[version];
  const launch = await launchCourse(app.deps, learner, { courseId });
  const token = launch.url.split('/scorm/launch/')[1]!;
  await fetch(launch.url);
  const before = await stored();
  const res = await fetch(`${app.baseUrl}/scorm/commit/${token}/${scoId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cmi }),
  });
  return {
    before,
    status: res.status,
    body: (await res.json()) as { errorCode: number; error?: { message: string } },
  };
}

const stored = () => app.deps.db.prisma.scoState.findMany({ select: { suspendData: true, cmi: true } });

describe('SCORM data model on the server', () => {
  it.each([
    ['1.2', /suspend_data is limited to 4096/, { suspend_data: 'x'.repeat(4097) }],
    ['1.2', /lesson_status must be one of/, { core: { lesson_status: 'bogus' } }],
    ['1.2', /score.raw must be between 0 and 100/, { core: { score: { raw: -1e308 } } }],
    ['1.2', /score.raw must be a number/, { core: { score: { raw: 'abc' } } }],
    ['1.2', /NUL/, { core: { lesson_location: 'a\u0000b' } }],
    ['2004', /suspend_data is limited to 64000/, { suspend_data: 'x'.repeat(64001) }],
    ['2004', /completion_status must be one of/, { completion_status: 'done' }],
    ['2004', /score.scaled must be between -1 and 1/, { score: { scaled: 2 } }],
    ['2004', /progress_measure must be between 0 and 1/, { progress_measure: -0.5 }],
  ] as const)('SCORM %s refuses: %s', async (version, message, cmi) => {
    const { before, status, body } = await commitAs(version, cmi);
    expect(status).toBe(400);
    expect([405, 407]).toContain(body.errorCode);
    expect(body.error?.message).toMatch(message);
    expect(await stored()).toEqual(before);
  });

  it('accepts values at the limits', async () => {
    expect(
      (await commitAs('1.2', { suspend_data: 'x'.repeat(4096), core: { lesson_status: 'incomplete' } }))
        .status,
    ).toBe(200);
    expect(
      (await commitAs('2004', { suspend_data: 'x'.repeat(64000), completion_status: 'incomplete' })).status,
    ).toBe(200);
  });
});
