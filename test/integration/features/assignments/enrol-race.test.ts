/** Two self-enrolments at once (a double tap) give one enrolment, and both callers an answer. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, onPostgres, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { loadActor } from '../../../../src/features/people/actor.ts';
import { enrolSelf } from '../../../../src/features/catalogue/enrol-self.ts';
import { assignCourse } from '../../../../src/features/assignments/assign-course.ts';
import { buildOrg, type Org } from '../../../helpers/lms-fixture.ts';

describe.runIf(onPostgres())('assignment races (PostgreSQL)', () => {
  let t: TestDb;
  let org: Org;
  beforeAll(async () => {
    t = await createTestDb({ maxConnections: 10 });
    org = await buildOrg(t.db.prisma);
  });
  afterAll(async () => t?.drop());

  it('one wins, the other is told it is already enrolled', async () => {
    const deps = testDeps(t.db);
    const actor = await loadActor(t.db.prisma, org.people.sam.id);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => enrolSelf(deps, actor, { courseId: org.courses.gdpr.id })),
    );
    expect(results.filter((r) => r.kind === 'enrolled')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'already_enrolled')).toHaveLength(5);
    expect(
      await t.db.prisma.enrollment.count({
        where: { personId: org.people.sam.id, courseId: org.courses.gdpr.id },
      }),
    ).toBe(1);
  });

  it('a manager and an admin assigning the same course at once give one assignment', async () => {
    const deps = testDeps(t.db);
    const maya = await loadActor(t.db.prisma, org.people.maya.id);
    const avery = await loadActor(t.db.prisma, org.people.avery.id);
    const input = { courseId: org.courses.excel.id, personIds: [org.people.priya.id] };
    const results = await Promise.all(
      [maya, avery, maya, avery].map((actor) => assignCourse(deps, actor, input)),
    );
    expect(results.flatMap((r) => r.assigned)).toHaveLength(1);
    expect(results.flatMap((r) => r.alreadyAssigned)).toHaveLength(3);
    expect(
      await t.db.prisma.enrollment.count({
        where: { personId: org.people.priya.id, courseId: org.courses.excel.id },
      }),
    ).toBe(1);
  });
});
