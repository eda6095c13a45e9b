/**
 * A manager's summary from the per-manager counts (line-summary.ts) equals a plain GROUP BY
 * over ComplianceStatus joined through the reporting line (walked by managerId), for every
 * manager, after random completions, manager moves, new joiners, leavers, transfers, time
 * passing, sweeps and folds, and after many completions at once under one top manager
 * (with a reorganisation and folds racing them). Seeded, so a failure names its seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { complete } from '../../../helpers/lms-fixture.ts';
import { SYSTEM_ACTOR } from '../../../../src/features/people/actor.ts';
import { createPerson } from '../../../../src/features/people/create-person.ts';
import { updatePerson } from '../../../../src/features/assignments/update-person.ts';
import { complianceReport, sweepComplianceStatuses } from '../../../../src/features/compliance/index.ts';
import { foldComplianceLineCounts } from '../../../../src/features/compliance/fold-line-counts.ts';
import { refreshComplianceStatus } from '../../../../src/features/compliance/refresh-compliance-status.ts';
import { AppError } from '../../../../src/shared/app-error.ts';
import type { Deps } from '../../../../src/deps.ts';
import type { FixedClock } from '../../../../src/shared/clock.ts';
import { seededRandom } from '../../../../src/shared/seeded-random.ts';

const START = new Date('2027-03-01T09:00:00Z');
const DAY = 86_400_000;
type Counts = Record<string, number>;

describe('per-manager compliance counts', () => {
  let t: TestDb;
  let deps: Deps & { clock: FixedClock };
  let courses: string[];
  let departments: string[];
  const people: string[] = [];
  const left = new Set<string>();

  beforeAll(async () => {
    t = await createTestDb({ maxConnections: 12 });
    deps = testDeps(t.db, START);
    const prisma = t.db.prisma;
    departments = (
      await Promise.all(['Ops', 'Sales'].map((name) => prisma.department.create({ data: { name } })))
    ).map((d) => d.id);
    courses = [];
    for (const [i, validityMonths] of [12, 12, 36, null, 6].entries())
      courses.push(
        (
          await prisma.course.create({
            data: { code: `C-${i}`, title: `Course ${i}`, kind: 'elearning', validityMonths },
          })
        ).id,
      );
    const requirement = (code: string, data: Record<string, unknown>, courseIds: string[]) =>
      prisma.complianceRequirement.create({
        data: { code, name: code, ...data, courses: { create: courseIds.map((courseId) => ({ courseId })) } },
      });
    await requirement('ALL-ANY', { mode: 'any_of', graceDays: 14 }, [courses[0]!, courses[3]!]);
    await requirement('ALL-BOTH', { mode: 'all_of', graceDays: 0, dueWithinDays: 20 }, [
      courses[1]!,
      courses[2]!,
    ]);
    await requirement('OPS', { departmentId: departments[0], graceDays: 30 }, [courses[4]!]);
    await requirement('DRIVERS', { jobRole: 'Driver', dueWithinDays: 10 }, [courses[2]!]);
    await refreshComplianceStatus(prisma, START, { kind: 'everyone' });
    const rnd = seededRandom(17);
    for (let i = 0; i < 30; i += 1) await join(rnd, i);
  }, 120_000);
  afterAll(async () => t?.drop());

  async function join(rnd: () => number, i: number): Promise<void> {
    const active = people.filter((id) => !left.has(id));
    const managerId = active.length && rnd() < 0.9 ? pick(rnd, active) : undefined;
    const created = await createPerson(deps, SYSTEM_ACTOR, {
      email: `p${i}-${people.length}@lines.example`,
      name: `Person ${i}`,
      departmentId: pick(rnd, departments),
      jobRole: rnd() < 0.3 ? 'Driver' : 'Clerk',
      // Some joined long ago, some start in the coming weeks.
      hireDate: new Date(Math.floor(deps.clock.now().getTime() / DAY + Math.floor(rnd() * 430 - 400)) * DAY),
      managerId,
      roles: ['employee'],
    });
    people.push(created.person.id);
  }

  const pick = <T>(rnd: () => number, from: T[]): T => from[Math.floor(rnd() * from.length)]!;

  async function completeRandomly(rnd: () => number, personId = pick(rnd, people)): Promise<void> {
    await complete(t.db.prisma, deps.clock, {
      personId,
      courseId: pick(rnd, courses),
      source: 'manual',
      completedAt: new Date(deps.clock.now().getTime() - Math.floor(rnd() * 500 * DAY)),
      reason: 'random',
    });
  }

  /** The fast answer: complianceReport's summary "now" for the manager's line. */
  async function fast(managerId: string): Promise<Counts> {
    const report = await complianceReport(deps, SYSTEM_ACTOR, {
      scope: { kind: 'manager_line', managerId },
      detail: 'summary',
    });
    const counts: Counts = {};
    for (const s of report.summary)
      for (const status of ['compliant', 'expiring', 'due', 'overdue'] as const)
        if (s[status]) counts[`${s.requirementCode}:${status}`] = s[status];
    return counts;
  }

  /** The slow, plain answer: walk the line by managerId, group the stored rows, status at now. */
  async function plain(managerId: string): Promise<Counts> {
    const now = deps.clock.now();
    const rows = await t.db.prisma.$queryRaw<{ key: string; n: number }[]>`
      WITH RECURSIVE line(id) AS (
        SELECT id FROM "Person" WHERE "managerId" = ${managerId}::uuid
        UNION SELECT p.id FROM "Person" p JOIN line ON p."managerId" = line.id)
      SELECT r.code || ':' || CASE
               WHEN cs.met AND (cs."expiresAt" IS NULL OR cs."expiresAt" > ${now}::timestamptz + interval '60 days') THEN 'compliant'
               WHEN cs.met AND cs."expiresAt" > ${now}::timestamptz THEN 'expiring'
               WHEN cs."deadlineAt" >= ${now}::timestamptz THEN 'due'
               ELSE 'overdue' END AS key,
             count(*)::int AS n
      FROM line
      JOIN "ComplianceStatus" cs ON cs."personId" = line.id
      JOIN "ComplianceRequirement" r ON r.id = cs."requirementId"
      WHERE cs."applicableFrom" <= ${now}::timestamptz AND r.active
      GROUP BY 1`;
    return Object.fromEntries(rows.map((r) => [r.key, r.n]));
  }

  async function expectEveryManagerAgrees(step: string): Promise<void> {
    for (const managerId of people)
      expect({ step, managerId, counts: await fast(managerId) }).toEqual({
        step,
        managerId,
        counts: await plain(managerId),
      });
  }

  async function move(rnd: () => number): Promise<void> {
    const personId = pick(rnd, people);
    const managerId = rnd() < 0.15 ? null : pick(rnd, people);
    if (managerId === personId) return;
    try {
      await updatePerson(deps, SYSTEM_ACTOR, { personId, changes: { managerId } });
    } catch (error) {
      // A move that would make a loop is refused; the random walk simply tries something else.
      if (!(error instanceof AppError && error.code === 'VALIDATION')) throw error;
    }
  }

  it.each([1, 2, 3])(
    'agrees with the plain GROUP BY for every manager through random changes (seed %i)',
    async (seed) => {
      const rnd = seededRandom(seed);
      await expectEveryManagerAgrees('start');
      for (let step = 0; step < 40; step += 1) {
        const roll = rnd();
        let what: string;
        if (roll < 0.35) {
          what = 'completion';
          await completeRandomly(rnd);
        } else if (roll < 0.55) {
          what = 'manager move';
          await move(rnd);
        } else if (roll < 0.63) {
          what = 'new joiner';
          await join(rnd, 1000 * seed + step);
        } else if (roll < 0.7) {
          what = 'leaver or return';
          const personId = pick(rnd, people);
          const status = rnd() < 0.7 ? 'inactive' : 'active';
          await updatePerson(deps, SYSTEM_ACTOR, { personId, changes: { status } });
          if (status === 'inactive') left.add(personId);
          else left.delete(personId);
        } else if (roll < 0.78) {
          what = 'transfer';
          await updatePerson(deps, SYSTEM_ACTOR, {
            personId: pick(rnd, people),
            changes: { departmentId: pick(rnd, departments), jobRole: rnd() < 0.5 ? 'Driver' : 'Clerk' },
          });
        } else if (roll < 0.88) {
          what = 'time passes';
          deps.clock.advance(Math.floor(rnd() * 90 * DAY));
        } else if (roll < 0.94) {
          what = 'nightly sweep';
          await sweepComplianceStatuses(deps, { batch: 3 });
        } else {
          what = 'fold';
          await foldComplianceLineCounts(deps, { batch: 1 + Math.floor(rnd() * 40) });
        }
        if (step % 4 === 3) await expectEveryManagerAgrees(`seed ${seed}, step ${step} (${what})`);
      }
      await foldComplianceLineCounts(deps);
      await expectEveryManagerAgrees(`seed ${seed}, folded`);
      expect(await t.db.prisma.complianceLineDelta.count()).toBe(0);
    },
    300_000,
  );

  it('many completions at once under one top manager, racing a reorganisation and folds, all count', async () => {
    const top = await createPerson(deps, SYSTEM_ACTOR, {
      email: 'top@lines.example',
      name: 'Top',
      hireDate: new Date('2020-01-01'),
      roles: ['employee'],
    });
    const below: string[] = [];
    for (let i = 0; i < 24; i += 1) {
      const created = await createPerson(deps, SYSTEM_ACTOR, {
        email: `race${i}@lines.example`,
        name: `Race ${i}`,
        departmentId: departments[i % 2],
        hireDate: new Date('2021-01-01'),
        managerId: i < 4 ? top.person.id : below[i % 4],
        roles: ['employee'],
      });
      below.push(created.person.id);
      people.push(created.person.id);
    }
    people.push(top.person.id);
    await foldComplianceLineCounts(deps);
    const before = await fast(top.person.id);
    const rnd = seededRandom(99);
    await Promise.all([
      // Every person completes every course, several at once for the same person too.
      ...below.flatMap((personId) =>
        courses.map((courseId) =>
          complete(t.db.prisma, deps.clock, {
            personId,
            courseId,
            source: 'manual',
            completedAt: new Date(deps.clock.now().getTime() - DAY),
            reason: 'race',
          }),
        ),
      ),
      // A sub-team moves to another manager inside the line, and back, meanwhile.
      updatePerson(deps, SYSTEM_ACTOR, { personId: below[5]!, changes: { managerId: below[1]! } }),
      ...Array.from({ length: 5 }, () =>
        foldComplianceLineCounts(deps, { batch: 1 + Math.floor(rnd() * 20) }),
      ),
    ]);
    const after = await fast(top.person.id);
    expect(after).toEqual(await plain(top.person.id));
    // Everyone completed every course a day ago (the shortest validity is 6 months): all compliant.
    expect(Object.keys(after).every((key) => key.endsWith(':compliant'))).toBe(true);
    expect(after).not.toEqual(before);
    await foldComplianceLineCounts(deps);
    await expectEveryManagerAgrees('after the race, folded');
  }, 300_000);
});
