/**
 * Completion settings per course over the admin API: a score threshold with its grading
 * decides completion instead of the SCOs' statuses, maximum attempts refuse one more, and
 * bad settings get a clear 400 that changes nothing.
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

const put = async (courseId: string, body: unknown, token = ADMIN_TOKEN) => {
  const response = await fetch(`${app.baseUrl}/api/courses/${courseId}/completion`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

async function commit(url: string, scoId: string, cmi: unknown, terminate: boolean) {
  const html = await (await fetch(url)).text();
  const boot = JSON.parse(
    /<script id="rollcall-boot" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!,
  );
  const token = new URL(url).pathname.split('/').pop()!;
  const response = await fetch(
    `${app.baseUrl}/scorm/commit/${token}/${scoId}${terminate ? '?terminate=true' : ''}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cmi, commitSequence: boot.sequenceBase + 1 }),
    },
  );
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  app = await startScormApp(new Date('2026-11-28T09:00:00Z'));
  learner = await loadActor(
    app.deps.db.prisma,
    (await createPerson(app, 'omar.h@acme.example', 'Omar H')).id,
  );
});
afterAll(async () => {
  await app?.close();
});

describe('completion settings per course', () => {
  it('a score threshold with highest grading completes the course though a SCO is incomplete; max attempts refuse one more', async () => {
    const zip = await buildPackage({
      version: '1.2',
      title: 'Threshold',
      scos: [
        { identifier: 'a', title: 'A', href: 'a/index.html' },
        { identifier: 'b', title: 'B', href: 'b/index.html' },
      ],
    });
    const upload = await uploadPackage(app, zip);
    expect(upload.status).toBe(201);
    const courseId = upload.body.courseId as string;
    const [a] = upload.body.scos as { id: string }[];

    expect((await put(courseId, { rule: 'score' })).status).toBe(400);
    expect((await put(courseId, { grading: 'median' })).body.error.message).toMatch(/grading/);
    expect((await put(courseId, { rule: 'score' }, 'wrong-token-wrong-token')).status).toBe(401);
    expect(
      (await app.deps.db.prisma.course.findUniqueOrThrow({ where: { id: courseId } })).scormCompletion,
    ).toBeNull();
    const set = await put(courseId, { rule: 'score', minPercent: 70, grading: 'highest', maxAttempts: 1 });
    expect(set).toMatchObject({
      status: 200,
      body: { settings: { rule: 'score', minPercent: 70, maxAttempts: 1 } },
    });

    const launch = await launchCourse(app.deps, learner, { courseId });
    const url = `${launch.url}?sco=${a!.id}`;
    await commit(url, a!.id, { core: { lesson_status: 'incomplete', score: { raw: '75' }, exit: '' } }, true);
    const completion = await app.deps.db.prisma.completion.findUnique({
      where: { attemptId: launch.attemptId },
    });
    expect(Number(completion?.percent)).toBe(75);
    const attempt = await app.deps.db.prisma.attempt.findUniqueOrThrow({ where: { id: launch.attemptId } });
    expect(attempt.finishedAt).not.toBeNull();
    await expect(launchCourse(app.deps, learner, { courseId })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringMatching(/all 1 attempt/),
    });
  });
});

describe('SCORM 1.2 prerequisites', () => {
  it('a part opens once the parts its prerequisites name are completed', async () => {
    const zip = await buildPackage({
      version: '1.2',
      title: 'Prerequisites',
      scos: [
        { identifier: 'm1', title: 'Module one', href: 'm1/index.html' },
        {
          identifier: 'm2',
          title: 'Module two',
          href: 'm2/index.html',
          itemXml: '<adlcp:prerequisites type="aicc_script">m1</adlcp:prerequisites>',
        },
      ],
    });
    const upload = await uploadPackage(app, zip);
    expect(upload.status).toBe(201);
    const [m1, m2] = upload.body.scos as { id: string }[];
    const launch = await launchCourse(app.deps, learner, { courseId: upload.body.courseId });
    const refused = await fetch(`${launch.url}?sco=${m2!.id}`);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('opens once you have completed &#34;Module one&#34;');
    await commit(
      `${launch.url}?sco=${m1!.id}`,
      m1!.id,
      { core: { lesson_status: 'completed', exit: '' } },
      true,
    );
    expect((await fetch(`${launch.url}?sco=${m2!.id}`)).status).toBe(200);
  });
});
