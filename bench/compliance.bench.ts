/**
 * Compliance reports on `seed --size 100000` data, PostgreSQL. Summaries "now" come from the
 * maintained ComplianceStatus rows (features/compliance/maintained-summary.ts), a manager's
 * from the per-manager counts kept beside them (line-summary.ts; also printed against the
 * range scan of the line's rows it replaces, now and a day after the last sweep); rows with
 * evidence and "as of" answers from the computed SQL (compliance-sql.ts). The baseline is
 * the query an expert would write on the raw tables with the indexes they have (Completion
 * (personId, courseId, completedAt), Person(managerId)): one GROUP BY with 'infinity' for
 * "never expires", a recursive walk for a manager's line. Both run in the same process on
 * the same data; the bench fails if they disagree on any count (per requirement × status),
 * and prints each plan's EXPLAIN (ANALYZE, BUFFERS) summary lines. Last, what keeping the
 * per-manager counts costs a completion's write (count triggers on vs off, same run).
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
import { maintainedSummarySql, scannedSummarySql } from '../src/features/compliance/maintained-summary.ts';
import { foldComplianceLineCounts } from '../src/features/compliance/fold-line-counts.ts';
import { recordCompletion } from '../src/features/completions/record-completion.ts';
import { inTransaction } from '../src/db/transaction.ts';
import type { ComplianceScope } from '../src/features/compliance/compliance-sql.ts';
import { freshBenchDb } from './lib/bench-db.ts';
import { percentile, printComparison, timed } from './lib/report.ts';
import os from 'node:os';

const RUNS = 3;
type Counts = Record<string, number>;

export default async function run(): Promise<void> {
  const size = Number(envValue('BENCH_SIZE') ?? 100_000);
  const now = new Date('2026-11-28T09:00:00Z');
  const bench = await freshBenchDb('rollcall_bench_compliance');
  try {
    const seeded = await timed(() => seedSize(bench.db, new FixedClock(now), size));
    console.log(
      `seeded ${seeded.result.people} people, ${seeded.result.completions} completions, ${seeded.result.requirements} requirements, ${seeded.result.complianceStatuses} maintained statuses in ${(seeded.ms / 1000).toFixed(1)} s`,
    );
    const deps: Deps = {
      config: loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: bench.url }),
      db: bench.db,
      clock: new FixedClock(now),
      log: createLogger('silent'),
    };
    // The seed's statuses reached the per-manager counts as deltas; the job folds a backlog
    // like this over its next runs (readers stay exact meanwhile). Fold it all before timing.
    const folded = await timed(() => foldComplianceLineCounts(deps, { maxBatches: 1_000 }));
    await bench.db.sql.exec('ANALYZE "ComplianceLineCount"; ANALYZE "ComplianceLineDelta"');
    console.log(
      `folded the seed's ${folded.result.deltas} per-manager count deltas in ${(folded.ms / 1000).toFixed(1)} s (${folded.result.batches} batches, the job's work after a bulk load); load ${loadAverage()}`,
    );
    // A second-level manager (fan-out 8 tree): person 10 has about 1/64 of the organisation.
    const managerId = (
      await bench.db.sql.query<{ id: string }>(
        `SELECT id::text AS id FROM "Person" WHERE email = 'person10@size.example'`,
      )
    )[0]!.id;
    const manager = await loadActor(bench.db.prisma, managerId);

    // ── Summaries: the organisation, the top of the tree, a top-level manager ──
    const topId = await personId(bench.db, 'person1@size.example');
    const topLevelId = await personId(bench.db, 'person2@size.example');
    const summaries: [string, ComplianceScope, string | null][] = [
      ['organisation-wide summary', { kind: 'everyone' }, null],
      [
        "top-level manager's summary (person2, the largest branch below the top: 37 % of the statuses)",
        { kind: 'manager_line', managerId: topLevelId },
        topLevelId,
      ],
      [
        "the top of the tree's summary (person1, everyone)",
        { kind: 'manager_line', managerId: topId },
        topId,
      ],
    ];
    for (const [what, scope, lineOf] of summaries) {
      const useCase = await median(async () => {
        const report = await complianceReport(deps, SYSTEM_ACTOR, { scope, detail: 'summary' });
        return countsOf(
          report.summary.flatMap((s) =>
            (['compliant', 'expiring', 'due', 'overdue'] as const).map(
              (status) => [`${s.requirementCode}:${status}`, s[status]] as [string, number],
            ),
          ),
        );
      });
      const baseline = await median(async () => baselineCounts(bench.db, now, lineOf));
      assertSame(what, useCase.result, baseline.result);
      console.log(
        `${what}: ${Object.values(useCase.result).reduce((a, b) => a + b, 0)} person×requirement statuses, every count equal`,
      );
      printComparison(
        `Compliance, ${what} (${size.toLocaleString('en-GB')} people, median of ${RUNS}${lineOf ? ', target < 50 ms' : ', target < 2 s'}; load ${loadAverage()})`,
        {
          label: lineOf
            ? 'complianceReport summary (per-manager counts)'
            : 'complianceReport summary (maintained rows)',
          value: useCase.ms,
          unit: 'ms',
        },
        { label: 'expert SQL on the raw tables', value: baseline.ms, unit: 'ms' },
        false,
      );
      if (lineOf) {
        // The step before the per-manager counts: every stored row of the line, scanned.
        const scanned = scannedSummarySql(scope, now);
        const scan = await median(() => bench.db.sql.query(scanned.text, scanned.values as unknown[]));
        printComparison(
          `Compliance, ${what}: per-manager counts vs scanning the line's maintained rows (median of ${RUNS})`,
          { label: 'complianceReport summary (per-manager counts)', value: useCase.ms, unit: 'ms' },
          { label: "the line's maintained rows, range-scanned", value: scan.ms, unit: 'ms' },
          false,
        );
        await printPlan('scan of maintained rows', bench.db, scanned.text, scanned.values as unknown[]);
      }
      const maintained = maintainedSummarySql(scope, now);
      await printPlan('use case', bench.db, maintained.text, maintained.values as unknown[]);
      await printPlan(
        'baseline',
        bench.db,
        `SELECT code, status, count(*)::int AS n FROM (${baselineSql(lineOf !== null)}) x GROUP BY code, status`,
        lineOf ? [now, lineOf] : [now],
      );
    }

    // ── A day later, before the nightly sweep: rows whose status moved with time are corrected ──
    const nextDay = new Date(now.getTime() + 86_400_000);
    const nextDayDeps: Deps = { ...deps, clock: new FixedClock(nextDay) };
    const topLevelScope: ComplianceScope = { kind: 'manager_line', managerId: topLevelId };
    const moved = (
      await bench.db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "ComplianceStatus" WHERE "nextChangeAt" <= $1`,
        [nextDay],
      )
    )[0]!.n;
    const dayLater = await median(async () =>
      countsOf(
        (
          await complianceReport(nextDayDeps, SYSTEM_ACTOR, { scope: topLevelScope, detail: 'summary' })
        ).summary.flatMap((s) =>
          (['compliant', 'expiring', 'due', 'overdue'] as const).map(
            (status) => [`${s.requirementCode}:${status}`, s[status]] as [string, number],
          ),
        ),
      ),
    );
    const dayLaterScanSql = scannedSummarySql(topLevelScope, nextDay);
    const dayLaterScan = await median(async () =>
      countsOf(
        (
          await bench.db.sql.query<Record<string, number>>(
            dayLaterScanSql.text,
            dayLaterScanSql.values as unknown[],
          )
        ).flatMap((s) =>
          (['compliant', 'expiring', 'due', 'overdue'] as const).map(
            (status) => [`${s.requirementCode}:${status}`, Number(s[status])] as [string, number],
          ),
        ),
      ),
    );
    assertSame('top-level manager a day later', dayLater.result, dayLaterScan.result);
    printComparison(
      `Compliance, top-level manager's summary a day after the last sweep (${moved} statuses organisation-wide moved with time, corrected at read; target < 50 ms; load ${loadAverage()})`,
      { label: 'complianceReport summary (per-manager counts)', value: dayLater.ms, unit: 'ms' },
      { label: "the line's maintained rows, range-scanned", value: dayLaterScan.ms, unit: 'ms' },
      false,
    );
    const dayLaterSql = maintainedSummarySql(topLevelScope, nextDay);
    await printPlan('use case, a day later', bench.db, dayLaterSql.text, dayLaterSql.values as unknown[]);

    // ── One manager's whole line, rows with evidence ──
    const lineUseCase = await median(async () => {
      const report = await complianceReport(deps, manager, {
        scope: { kind: 'manager_line', managerId },
        asOf: now,
        detail: 'rows',
      });
      return {
        counts: countsOf(
          report.rows!.map((r) => [`${r.requirementCode}:${r.status}`, 1] as [string, number]),
        ),
        rows: report.rows!.length,
      };
    });
    const lineBaseline = await median(async () => {
      const rows = await baselineRows(bench.db, now, managerId);
      return {
        counts: countsOf(rows.map((r) => [`${r.code}:${r.status}`, 1] as [string, number])),
        rows: rows.length,
      };
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
        counts: countsOf(
          report.rows!.map((r) => [`${r.requirementCode}:${r.status}`, 1] as [string, number]),
        ),
        rows: report.rows!.length,
      };
    });
    const teamBaseline = await median(async () => {
      const rows = await baselineRows(bench.db, now, teamLeadId);
      return {
        counts: countsOf(rows.map((r) => [`${r.code}:${r.status}`, 1] as [string, number])),
        rows: rows.length,
      };
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

    await completionWrites(bench.db, now, topLevelId);
  } finally {
    await bench.drop();
  }
}

const COUNT_TRIGGERS = ['insert', 'update', 'delete'].map((op) => `rollcall_compliance_line_${op}`);

/**
 * What keeping the per-manager counts costs a completion: recordCompletion (completion,
 * assignment, status refresh, audit, one transaction) for people deep in the top-level
 * manager's line, with the count triggers on, against the same write with them off, in
 * alternating rounds so load drifts hit both. One writer (latency) and 16 at once under the
 * same top manager (throughput: a hot counter row would serialise these).
 */
async function completionWrites(db: Db, now: Date, topLevelId: string): Promise<void> {
  const people = (
    await db.sql.query<{ id: string }>(
      `SELECT p.id::text AS id FROM "Person" p
       WHERE p."managerPath" ~>=~ (SELECT "managerPath" FROM "Person" WHERE id = $1::uuid)
         AND p."managerPath" ~<~ ((SELECT "managerPath" FROM "Person" WHERE id = $1::uuid) || '~')
         AND p.id <> $1::uuid
       ORDER BY md5(p.id::text) LIMIT 2000`,
      [topLevelId],
    )
  ).map((r) => r.id);
  const courses = (
    await db.sql.query<{ id: string }>(
      `SELECT DISTINCT "courseId"::text AS id FROM "ComplianceRequirementCourse" ORDER BY 1`,
    )
  ).map((r) => r.id);
  const depth = (
    await db.sql.query<{ d: number }>(
      `SELECT avg(array_length(string_to_array(trim(BOTH '/' FROM "managerPath"), '/'), 1) - 1)::float AS d
       FROM "Person" WHERE id = ANY($1::uuid[])`,
      [people],
    )
  )[0]!.d;
  const clock = new FixedClock(now);
  let next = 0;
  const write = async (): Promise<number> => {
    const i = next++;
    const started = performance.now();
    await inTransaction(db.prisma, (tx) =>
      recordCompletion(tx, clock, {
        personId: people[i % people.length]!,
        courseId: courses[i % courses.length]!,
        source: 'manual',
        completedAt: new Date(now.getTime() - (1 + (i % 300)) * 86_400_000),
        reason: 'bench',
      }),
    );
    return performance.now() - started;
  };
  const setTriggers = (on: boolean) =>
    db.sql.exec(
      COUNT_TRIGGERS.map(
        (name) => `ALTER TABLE "ComplianceStatus" ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${name};`,
      ).join('\n'),
    );
  const sequential: Record<'on' | 'off', number[]> = { on: [], off: [] };
  const perSecond: Record<'on' | 'off', number[]> = { on: [], off: [] };
  for (let round = 0; round < 4; round += 1) {
    for (const mode of round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
      await setTriggers(mode === 'on');
      for (let i = 0; i < 50; i += 1) sequential[mode].push(await write());
      const burst = await timed(() =>
        Promise.all(
          Array.from({ length: 16 }, async () => {
            for (let i = 0; i < 15; i += 1) await write();
          }),
        ),
      );
      perSecond[mode].push((16 * 15 * 1000) / burst.ms);
    }
  }
  await setTriggers(true);
  const p = (mode: 'on' | 'off', q: number) =>
    percentile(
      [...sequential[mode]].sort((a, b) => a - b),
      q,
    );
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `completion writes for people ${depth.toFixed(1)} managers deep on average: one writer p50 ${p('on', 50).toFixed(1)} / p99 ${p('on', 99).toFixed(1)} ms with the counts, ${p('off', 50).toFixed(1)} / ${p('off', 99).toFixed(1)} ms without (${sequential.on.length} each)`,
  );
  printComparison(
    `Completion write, one writer, p50 with vs without the per-manager counts (load ${loadAverage()})`,
    { label: 'recordCompletion, count triggers on', value: p('on', 50), unit: 'ms' },
    { label: 'recordCompletion, count triggers off', value: p('off', 50), unit: 'ms' },
    false,
  );
  printComparison(
    `Completion writes/s, 16 writers under one top manager, with vs without the per-manager counts (median of 4 bursts; load ${loadAverage()})`,
    { label: 'recordCompletion, count triggers on', value: mid(perSecond.on), unit: '/s' },
    { label: 'recordCompletion, count triggers off', value: mid(perSecond.off), unit: '/s' },
    true,
  );
}

const loadAverage = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function median<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const runs: { ms: number; result: T }[] = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await timed(work));
  runs.sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(RUNS / 2)]!;
}

/** Counts keyed "REQ-CODE:status", zeros dropped, keys sorted, so two answers compare exactly. */
function countsOf(pairs: [string, number][]): Counts {
  const counts: Counts = {};
  for (const [key, n] of pairs) if (n) counts[key] = (counts[key] ?? 0) + n;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

async function personId(db: Db, email: string): Promise<string> {
  const rows = await db.sql.query<{ id: string }>(`SELECT id::text AS id FROM "Person" WHERE email = $1`, [
    email,
  ]);
  return rows[0]!.id;
}

/** The summary lines of EXPLAIN (ANALYZE, BUFFERS): the top node's buffers, planning and execution time. */
async function printPlan(label: string, db: Db, text: string, values: unknown[]): Promise<void> {
  const rows = await db.sql.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
  const lines = rows.map((r) => Object.values(r)[0]!);
  const buffers = lines.find((l) => l.trim().startsWith('Buffers:'))?.trim();
  const summary = lines.filter((l) => /^(Planning|Execution) Time/.test(l.trim())).map((l) => l.trim());
  console.log(`  plan, ${label}: ${[buffers, ...summary].filter(Boolean).join(' · ')}`);
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
  const rows = await db.sql.query<{ code: string; status: string; n: number }>(
    `SELECT code, status, count(*)::int AS n FROM (${baselineSql(managerId !== null)}) x GROUP BY code, status`,
    managerId ? [asOf, managerId] : [asOf],
  );
  return countsOf(rows.map((r) => [`${r.code}:${r.status}`, Number(r.n)]));
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
