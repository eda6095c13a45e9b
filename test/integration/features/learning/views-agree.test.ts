/**
 * "What does this person owe, and in what state" has the same answer in every view: for
 * every person in the demo, my learning and the compliance status (which team compliance,
 * reports and reminders read) agree — nothing compliance counts as met is listed as
 * overdue, and everything listed as overdue that a requirement covers is owed there too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { seedDemo } from '../../../../src/seed/demo-seed.ts';
import { myProgress } from '../../../../src/features/learning/my-progress.ts';
import { complianceStatus } from '../../../../src/features/compliance/index.ts';
import { SYSTEM_ACTOR } from '../../../../src/features/people/actor.ts';

let t: TestDb;
let deps: ReturnType<typeof testDeps>;

beforeAll(async () => {
  t = await createTestDb();
  deps = testDeps(t.db, new Date('2026-11-30T09:00:00Z'));
  await seedDemo(t.db, deps.clock);
});
afterAll(async () => t?.drop());

describe('my learning and compliance agree for every demo person', () => {
  it('nothing met is overdue; everything overdue that a requirement covers is owed', async () => {
    const people = await t.db.prisma.person.findMany({
      where: { status: 'active' },
      select: { id: true, name: true },
    });
    const disagreements: string[] = [];
    for (const person of people) {
      const mine = await myProgress(deps, SYSTEM_ACTOR, { personId: person.id });
      const { rows } = await complianceStatus(deps, SYSTEM_ACTOR, {
        scope: { kind: 'person', personId: person.id },
        includeNotApplicable: false,
      });
      const overdue = new Set(mine.overdue.map((o) => o.courseCode));
      for (const row of rows) {
        const courses = row.evidence.map((e) => e.courseCode);
        if (row.status === 'compliant' || row.status === 'expiring') {
          for (const e of row.evidence)
            if (e.completionId && overdue.has(e.courseCode))
              disagreements.push(
                `${person.name}: ${e.courseCode} met for ${row.requirementCode} but overdue in my learning`,
              );
        }
        for (const code of courses)
          if (overdue.has(code) && !['overdue', 'due'].includes(row.status) && row.mode === 'all_of')
            disagreements.push(
              `${person.name}: ${code} overdue in my learning but ${row.status} for ${row.requirementCode}`,
            );
      }
    }
    expect(disagreements).toEqual([]);
    expect(people.length).toBeGreaterThan(50);
  });
});
