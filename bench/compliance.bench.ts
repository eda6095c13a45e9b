/**
 * Compliance reports on `seed --size 100000` data, PostgreSQL: the use case (one SQL
 * statement with evidence, see src/features/compliance/compliance-sql.ts) against one
 * hand-written SQL query computing the same statuses a different way (GROUP BY with
 * 'infinity' for "never expires" instead of DISTINCT ON + json evidence). Both run in the
 * same process on the same data; the bench fails if they disagree on any count.
 *
 *   npm run bench compliance          (BENCH_SIZE=20000 for a quicker run)
 */
import { envValue, loadConfig } from '../src/config.ts';
import type { Deps } from '../src/deps.ts';
import type { Db } from '../src/db/open-db.ts';
import { seedSize } from '../src/seed/size-seed.ts';
import { FixedClock } from '../src/shared/clock.ts';
import { createLogger } from '../src/shared/logger.ts';
import { loadActor, SYSTEM_ACTOR } from '../src/features/people/actor.ts';
import { complianceReport } from '../src/features/compliance/compliance-report.ts';
import { freshBenchDb } from './lib/bench-db.ts';
import { printComparison, timed } from './lib/report.ts';

const RUNS = 3;
type Counts = Record<string, number>;

export default async function run(): Promise<void> {
  const size = Number(envValue('BENCH_SIZE') ?? 100_000);
  const now = new Date('2026-11-28T09:00:00Z');
  const bench = await freshBenchDb('rollcall_bench_compliance');
  try {
    const seeded = await timed(() => seedSize(bench.db, new FixedClock(now), size));
    console.log(
      `seeded ${seeded.result.people} people, ${seeded.result.completions} completions, ${seeded.result.requirements} requirements in ${(seeded.ms / 1000).toFixed(1)} s`,
    );
    const deps: Deps = {
      config: loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: bench.url }),
      db: bench.db,
      clock: new FixedClock(now),
      log: createLogger('silent'),
    };
    // A second-level manager (fan-out 8 tree): person 10 has about 1/64 of the organisation.
    const managerId = (
      await bench.db.sql.query<{ id: string }>(
        `SELECT id::text AS id FROM "Person" WHERE email = 'person10@size.example'`,
      )
    )[0]!.id;
    const manager = await loadActor(bench.db.prisma, managerId);

    // ── Organisation-wide summary ──
    const orgUseCase = await median(async () => {
      const report = await complianceReport(deps, SYSTEM_ACTOR, {
        scope: { kind: 'everyone' },
        asOf: now,
        detail: 'summary',
      });
      return countsOf(
        report.summary.flatMap(
          (s) =>
            [
              ['compliant', s.compliant],
              ['expiring', s.expiring],
              ['due', s.due],
              ['overdue', s.overdue],
            ] as [string, number][],
        ),
      );
    });
    const orgBaseline = await median(async () => baselineCounts(bench.db, now, null));
    assertSame('organisation-wide', orgUseCase.result, orgBaseline.result);
    console.log(`organisation-wide statuses: ${JSON.stringify(orgUseCase.result)}`);
    printComparison(
      `Compliance, organisation-wide summary (${size.toLocaleString('en-GB')} people, median of ${RUNS})`,
      { label: 'complianceReport use case (summary)', value: orgUseCase.ms, unit: 'ms' },
      { label: 'hand-written SQL (GROUP BY)', value: orgBaseline.ms, unit: 'ms' },
      false,
    );

    // ── One manager's whole line, rows with evidence ──
    const lineUseCase = await median(async () => {
      const report = await complianceReport(deps, manager, {
        scope: { kind: 'manager_line', managerId },
        asOf: now,
        detail: 'rows',
      });
      return {
        counts: countsOf(report.rows!.map((r) => [r.status, 1] as [string, number])),
        rows: report.rows!.length,
      };
    });
    const lineBaseline = await median(async () => {
      const rows = await baselineRows(bench.db, now, managerId);
      return { counts: countsOf(rows.map((r) => [r.status, 1] as [string, number])), rows: rows.length };
    });
    assertSame('manager line', lineUseCase.result.counts, lineBaseline.result.counts);
    if (lineUseCase.result.rows !== lineBaseline.result.rows)
      throw new Error('compliance bench: row counts differ for the manager line');
    console.log(
      `manager line: ${lineUseCase.result.rows} person×requirement rows, statuses ${JSON.stringify(lineUseCase.result.counts)}`,
    );
    printComparison(
      `Compliance, one manager's line with evidence rows (median of ${RUNS})`,
      { label: 'complianceReport use case (rows + evidence)', value: lineUseCase.ms, unit: 'ms' },
      { label: 'hand-written SQL (same rows, no evidence)', value: lineBaseline.ms, unit: 'ms' },
      false,
    );

    // ── A first-line manager (eight direct reports, no deeper line): the everyday chat ask ──
    const teamLeadEmail = `person${Math.max(2, Math.floor(size / 8.5))}@size.example`;
    const teamLeadId = (
      await bench.db.sql.query<{ id: string }>(`SELECT id::text AS id FROM "Person" WHERE email = $1`, [
        teamLeadEmail,
      ])
    )[0]!.id;
    const teamLead = await loadActor(bench.db.prisma, teamLeadId);
    const teamUseCase = await median(async () => {
      const report = await complianceReport(deps, teamLead, {
        scope: { kind: 'manager_line', managerId: teamLeadId },
        asOf: now,
        detail: 'rows',
      });
      return {
        counts: countsOf(report.rows!.map((r) => [r.status, 1] as [string, number])),
        rows: report.rows!.length,
      };
    });
    const teamBaseline = await median(async () => {
      const rows = await baselineRows(bench.db, now, teamLeadId);
      return { counts: countsOf(rows.map((r) => [r.status, 1] as [string, number])), rows: rows.length };
    });
    assertSame('first-line team', teamUseCase.result.counts, teamBaseline.result.counts);
    console.log(
      `first-line team (${teamLeadEmail}): ${teamUseCase.result.rows} rows, statuses ${JSON.stringify(teamUseCase.result.counts)}`,
    );
    printComparison(
      `Compliance, a first-line manager's team with evidence rows (median of ${RUNS})`,
      { label: 'complianceReport use case (rows + evidence)', value: teamUseCase.ms, unit: 'ms' },
      { label: 'hand-written SQL (same rows, no evidence)', value: teamBaseline.ms, unit: 'ms' },
      false,
    );
  } finally {
    await bench.drop();
  }
}

async function median<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const runs: { ms: number; result: T }[] = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await timed(work));
  runs.sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(RUNS / 2)]!;
}

function countsOf(pairs: [string, number][]): Counts {
  const counts: Counts = { compliant: 0, expiring: 0, due: 0, overdue: 0 };
  for (const [status, n] of pairs) counts[status] = (counts[status] ?? 0) + n;
  return counts;
}

function assertSame(what: string, a: Counts, b: Counts): void {
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    throw new Error(
      `compliance bench: use case and hand-written SQL disagree for ${what}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`,
    );
  }
}

/** The baseline's statuses as rows (person, requirement, status), ordered like the use case. */
async function baselineRows(
  db: Db,
  asOf: Date,
  managerId: string,
): Promise<{ person: string; code: string; status: string }[]> {
  return db.sql.query(baselineSql(true), [asOf, managerId]);
}

/**
 * The baseline: the same rules written independently, as one query with plain GROUP BYs.
 * 'infinity' stands for "never expires", so min/max do the all_of/any_of roll-up directly.
 */
async function baselineCounts(db: Db, asOf: Date, managerId: string | null): Promise<Counts> {
  const rows = await db.sql.query<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM (${baselineSql(managerId !== null)}) x GROUP BY status`,
    managerId ? [asOf, managerId] : [asOf],
  );
  return countsOf(rows.map((r) => [r.status, Number(r.n)]));
}

function baselineSql(forManager: boolean): string {
  const scope = forManager
    ? `WITH RECURSIVE line(id) AS (SELECT id FROM "Person" WHERE "managerId" = $2::uuid UNION SELECT p.id FROM "Person" p JOIN line ON p."managerId" = line.id),
       people AS (SELECT p.* FROM "Person" p JOIN line ON line.id = p.id WHERE p.status = 'active'),`
    : `WITH people AS (SELECT p.* FROM "Person" p WHERE p.status = 'active'),`;
  return `${scope}
     applicable AS (
       SELECT p.id AS pid, r.id AS rid, r.mode, r."graceDays", r."dueWithinDays", r."validityMonths",
              coalesce(p."hireDate"::timestamp AT TIME ZONE 'UTC', p."createdAt") AS joined
       FROM people p JOIN "ComplianceRequirement" r ON r.active
        AND (r."departmentId" IS NULL OR r."departmentId" = p."departmentId")
        AND (r."jobRole" IS NULL OR r."jobRole" = p."jobRole")
        AND (r."locationId" IS NULL OR r."locationId" = p."locationId")
       WHERE coalesce(p."hireDate"::timestamp AT TIME ZONE 'UTC', p."createdAt") <= $1
     ),
     per_course AS (
       SELECT a.pid, a.rid, rc."courseId",
              count(c.id) > 0 AS has,
              max(CASE WHEN a."validityMonths" IS NOT NULL THEN c."completedAt" + a."validityMonths" * interval '1 month'
                       ELSE coalesce(c."expiresAt", 'infinity') END) AS exp
       FROM applicable a
       JOIN "ComplianceRequirementCourse" rc ON rc."requirementId" = a.rid
       LEFT JOIN "Completion" c ON c."personId" = a.pid AND c."courseId" = rc."courseId" AND c."completedAt" <= $1
       GROUP BY a.pid, a.rid, rc."courseId"
     ),
     per_req AS (
       SELECT a.pid, a.rid, a.joined, a."graceDays", a."dueWithinDays",
              CASE WHEN a.mode = 'all_of' THEN bool_and(pc.has) ELSE bool_or(pc.has) END AS met,
              CASE WHEN a.mode = 'all_of' THEN min(pc.exp) ELSE max(pc.exp) END AS exp
       FROM applicable a JOIN per_course pc ON pc.pid = a.pid AND pc.rid = a.rid
       GROUP BY a.pid, a.rid, a.mode, a.joined, a."graceDays", a."dueWithinDays"
     )
     SELECT CASE
              WHEN met AND exp > $1::timestamptz + interval '60 days' THEN 'compliant'
              WHEN met AND exp > $1::timestamptz THEN 'expiring'
              WHEN met AND exp + per_req."graceDays" * interval '1 day' >= $1 THEN 'due'
              WHEN NOT met AND joined + per_req."dueWithinDays" * interval '1 day' >= $1 THEN 'due'
              ELSE 'overdue'
            END AS status, p.name AS person, r.code
     FROM per_req JOIN "Person" p ON p.id = per_req.pid JOIN "ComplianceRequirement" r ON r.id = per_req.rid
     ORDER BY p.name, p.id, r.code`;
}
