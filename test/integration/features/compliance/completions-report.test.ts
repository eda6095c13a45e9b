/** "Completions last quarter": whose completions each asker sees, counted per course. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../../src/deps.ts';
import { completionsReport } from '../../../../src/features/compliance/index.ts';
import type { Actor } from '../../../../src/features/people/index.ts';
import { expectAppError } from '../../../helpers/expect-app-error.ts';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { makeCourse, makeDepartment, makePerson } from '../../../helpers/tms-fixtures.ts';

let t: TestDb;
let deps: Deps;
let admin: Actor;
let manager: Actor;
let learner: Actor;
let departmentId: string;
const period = { from: new Date('2026-10-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };

beforeAll(async () => {
  t = await createTestDb();
  deps = testDeps(t.db, new Date('2026-11-28T09:00:00Z'));
  departmentId = (await makeDepartment(t.db)).id;
  admin = await makePerson(t.db, { roles: ['employee', 'admin'] });
  const boss = await makePerson(t.db);
  learner = await makePerson(t.db, { managerId: boss.personId, departmentId });
  const outsider = await makePerson(t.db);
  manager = { ...boss, isManager: true };
  const gdpr = await makeCourse(t.db, { title: 'GDPR Basics', kind: 'elearning' });
  const fire = await makeCourse(t.db, { title: 'Fire Safety' });
  const complete = (personId: string, courseId: string, at: string) =>
    t.db.prisma.completion.create({
      data: { personId, courseId, source: 'manual', reason: 'paper', completedAt: new Date(at) },
    });
  await complete(learner.personId, gdpr.id, '2026-11-02T10:00:00Z');
  await complete(learner.personId, fire.id, '2026-11-03T10:00:00Z');
  await complete(outsider.personId, gdpr.id, '2026-11-04T10:00:00Z');
  await complete(outsider.personId, fire.id, '2026-06-01T10:00:00Z'); // before the period
});
afterAll(async () => t?.drop());

const counts = async (actor: Actor, input = {}) =>
  (await completionsReport(deps, actor, { ...period, ...input })).map(
    (r) => `${r.courseTitle}:${r.completions}`,
  );

describe('completionsReport', () => {
  it('counts the organisation for an admin, most completed first, inside the period only', async () => {
    expect(await counts(admin)).toEqual(['GDPR Basics:2', 'Fire Safety:1']);
  });

  it("counts only a manager's reporting line, and a department narrows it", async () => {
    expect(await counts(manager)).toEqual(['Fire Safety:1', 'GDPR Basics:1']);
    expect(await counts(admin, { departmentId })).toEqual(['Fire Safety:1', 'GDPR Basics:1']);
  });

  it('refuses someone who is neither, and a period that ends before it starts', async () => {
    await expectAppError(completionsReport(deps, learner, period), 'FORBIDDEN', /managers and admins/);
    await expectAppError(completionsReport(deps, admin, { from: period.to, to: period.from }), 'VALIDATION');
  });
});
