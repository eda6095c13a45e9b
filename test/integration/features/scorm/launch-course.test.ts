/** launchCourse's rules, as the chat layer will meet them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchCourse } from '../../../../src/features/scorm/launch-course.ts';
import { importPackage } from '../../../../src/features/content/import-package.ts';
import { loadActor, SYSTEM_ACTOR, type Actor } from '../../../../src/features/people/actor.ts';
import { buildPackage } from '../../../helpers/scorm-zips.ts';
import { createPerson, startScormApp, type ScormTestApp } from '../../../helpers/scorm-app.ts';

let app: ScormTestApp;
let learner: Actor;

beforeAll(async () => {
  app = await startScormApp();
  learner = await loadActor(
    app.deps.db.prisma,
    (await createPerson(app, 'sam.brooks@acme.example', 'Sam Brooks')).id,
  );
});
afterAll(async () => {
  await app?.close();
});

async function courseWithPackage(code: string, data: { active?: boolean; selfEnrol?: boolean } = {}) {
  const course = await app.deps.db.prisma.course.create({
    data: { code, title: code, kind: 'elearning', ...data },
  });
  const zip = await buildPackage({
    version: '2004',
    title: code,
    scos: [{ identifier: 's', title: 'S', href: 'index.html' }],
  });
  await importPackage(app.deps, SYSTEM_ACTOR, { zip, courseId: course.id });
  return course;
}

describe('launchCourse', () => {
  it('starts attempt 1 with a link to the player, and resumes it next time', async () => {
    const course = await courseWithPackage('L-1');
    const first = await launchCourse(app.deps, learner, { courseId: course.id });
    expect(first).toMatchObject({ resumed: false, attemptNumber: 1, courseTitle: 'L-1' });
    expect(first.url.startsWith(`${app.baseUrl}/scorm/launch/`)).toBe(true);
    expect(first.expiresAt.getTime()).toBeGreaterThan(app.deps.clock.now().getTime());
    const again = await launchCourse(app.deps, learner, { courseId: course.id });
    expect(again).toMatchObject({ resumed: true, attemptId: first.attemptId, attemptNumber: 1 });
    const audit = await app.deps.db.prisma.auditEvent.count({
      where: { action: 'attempt.started', entityId: first.attemptId },
    });
    expect(audit).toBe(1);
  });

  it('gives clear refusals', async () => {
    const noContent = await app.deps.db.prisma.course.create({
      data: { code: 'L-EMPTY', title: 'Empty', kind: 'elearning' },
    });
    await expect(launchCourse(app.deps, learner, { courseId: noContent.id })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      userMessage: 'Empty has no online content to launch.',
    });
    const retired = await courseWithPackage('L-OLD', { active: false });
    await expect(launchCourse(app.deps, learner, { courseId: retired.id })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    const assigned = await courseWithPackage('L-ASSIGNED', { selfEnrol: false });
    await expect(launchCourse(app.deps, learner, { courseId: assigned.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await app.deps.db.prisma.enrollment.create({
      data: { personId: learner.personId, courseId: assigned.id, source: 'admin' },
    });
    await expect(launchCourse(app.deps, learner, { courseId: assigned.id })).resolves.toMatchObject({
      resumed: false,
    });
    await expect(
      launchCourse(app.deps, learner, { courseId: '00000000-0000-0000-0000-000000000001' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(launchCourse(app.deps, SYSTEM_ACTOR, { courseId: assigned.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('two launches at once open one attempt', async () => {
    const course = await courseWithPackage('L-RACE');
    const [a, b] = await Promise.all([
      launchCourse(app.deps, learner, { courseId: course.id }),
      launchCourse(app.deps, learner, { courseId: course.id }),
    ]);
    expect(a.attemptId).toBe(b.attemptId);
    expect(
      await app.deps.db.prisma.attempt.count({ where: { personId: learner.personId, courseId: course.id } }),
    ).toBe(1);
  });
});
