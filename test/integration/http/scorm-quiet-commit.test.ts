/**
 * The one-statement commit path over HTTP: an autocommit that changes nothing the attempt's
 * result is made of is written (place, suspend data, last activity) without a roll-up, while
 * a changed score, a changed completion setting, a stale number or another person's link
 * still gets the full path's answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchCourse } from '../../../src/features/scorm/launch-course.ts';
import { loadActor, type Actor } from '../../../src/features/people/actor.ts';
import { buildPackage } from '../../helpers/scorm-zips.ts';
import {
  ADMIN_TOKEN,
  createPerson,
  startScormApp,
  uploadPackage,
  type ScormTestApp,
} from '../../helpers/scorm-app.ts';

let app: ScormTestApp;
let learner: Actor;

beforeAll(async () => {
  app = await startScormApp(new Date('2026-11-28T09:00:00Z'));
  learner = await loadActor(
    app.deps.db.prisma,
    (await createPerson(app, 'qa.learner@acme.example', 'Quinn A')).id,
  );
});
afterAll(async () => {
  await app?.close();
});

async function open(actor: Actor, courseId: string) {
  const launch = await launchCourse(app.deps, actor, { courseId });
  const html = await (await fetch(launch.url)).text();
  const boot = JSON.parse(
    /<script id="rollcall-boot" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!,
  );
  return { token: new URL(launch.url).pathname.split('/').pop()!, base: boot.sequenceBase as number };
}

const cmi = (page: string, raw: string) => ({
  core: { lesson_status: 'incomplete', lesson_location: page, exit: 'suspend', score: { raw } },
  suspend_data: `at ${page}`,
});

async function post(token: string, scoId: string, body: unknown) {
  const response = await fetch(`${app.baseUrl}/scorm/commit/${token}/${scoId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

describe('one-statement SCORM commits', () => {
  it('writes an unchanged-result autocommit, rolls up a changed score or setting, and keeps every refusal', async () => {
    const zip = await buildPackage({
      version: '1.2',
      title: 'Quiet commits',
      scos: [{ identifier: 'only', title: 'Only', href: 'index.html' }],
    });
    const upload = await uploadPackage(app, zip);
    const courseId = upload.body.courseId as string;
    const scoId = (upload.body.scos as { id: string }[])[0]!.id;
    const { token, base } = await open(learner, courseId);
    const prisma = app.deps.db.prisma;
    const state = () =>
      prisma.scoState.findFirstOrThrow({ where: { scoId, attempt: { personId: learner.personId } } });
    const attempt = () =>
      prisma.attempt.findFirstOrThrow({ where: { courseId, personId: learner.personId } });

    // First commit: full path, rolls up and records what it read.
    expect((await post(token, scoId, { cmi: cmi('p1', '40'), commitSequence: base + 1 })).body).toMatchObject(
      {
        result: true,
        applied: true,
      },
    );
    const key = (await state()).rollupKey;
    expect(key).toMatch(/"incomplete"/);
    expect(Number((await attempt()).scoreRaw)).toBe(40);

    // Same result, new place: written, attempt untouched except its last activity.
    app.deps.clock.advance(60_000);
    const before = await attempt();
    expect((await post(token, scoId, { cmi: cmi('p2', '40'), commitSequence: base + 2 })).body.applied).toBe(
      true,
    );
    expect(await state()).toMatchObject({
      location: 'p2',
      suspendData: 'at p2',
      commitSeq: base + 2,
      rollupKey: key,
    });
    expect(await attempt()).toMatchObject({ status: before.status, lastActivityAt: app.deps.clock.now() });

    // A stale number is still ignored (nothing overwritten).
    expect(
      (await post(token, scoId, { cmi: cmi('old', '40'), commitSequence: base + 1 })).body,
    ).toMatchObject({
      result: true,
      applied: false,
    });
    expect((await state()).location).toBe('p2');

    // A new score changes the result: rolled up.
    expect((await post(token, scoId, { cmi: cmi('p3', '75'), commitSequence: base + 3 })).body.applied).toBe(
      true,
    );
    expect(Number((await attempt()).scoreRaw)).toBe(75);
    const keyAfterScore = (await state()).rollupKey;
    expect(keyAfterScore).not.toBe(key);

    // A changed completion setting makes the next unchanged commit roll up again under it.
    const put = await fetch(`${app.baseUrl}/api/courses/${courseId}/completion`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ rule: 'score', minPercent: 70, grading: 'highest' }),
    });
    expect(put.status).toBe(200);
    expect((await post(token, scoId, { cmi: cmi('p4', '75'), commitSequence: base + 4 })).body.applied).toBe(
      true,
    );
    expect((await attempt()).status).toBe('passed');
    expect((await state()).rollupKey).not.toBe(keyAfterScore);

    // A learner who has left is refused, even for a commit that would change nothing.
    await prisma.person.update({ where: { id: learner.personId }, data: { status: 'inactive' } });
    const refused = await post(token, scoId, { cmi: cmi('p5', '75'), commitSequence: base + 5 });
    expect(refused).toMatchObject({ status: 403, body: { result: false, error: { code: 'FORBIDDEN' } } });
    expect((await state()).location).toBe('p4');
  });
});
