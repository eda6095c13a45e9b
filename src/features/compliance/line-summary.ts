/**
 * A manager's summary "now" from the per-manager counts instead of their whole line: the
 * folded ComplianceLineCount rows (~100 per manager), plus the deltas appended since the
 * last fold (a minute's worth), plus a correction for the rows whose stored status has
 * since moved with time alone (nextChangeAt passed, the nightly sweep not yet run; found
 * through the nextChangeAt index). The result equals maintainedSummary's range scan of the
 * line, which reads every row: 1.3 M for a top-level manager of 100,000 people.
 *
 * Exact because the counts mirror ComplianceStatus row for row: triggers on that table
 * (migration compliance_line_counts) append the deltas in the transaction of each change,
 * whoever makes it. Assumes the clock moves forward: a row stored at a later instant than
 * `now` counts with the status it was stored with.
 */
import { Prisma } from '../../generated/prisma/client.ts';
import { statusAtSql } from './compliance-sql.ts';

export function lineSummarySql(managerId: string, now: Date, codes?: string[]): Prisma.Sql {
  const statusNow = statusAtSql(
    Prisma.sql`cs.met`,
    Prisma.sql`cs."expiresAt"`,
    Prisma.sql`cs."deadlineAt"`,
    now,
  );
  const key = Prisma.sql`(SELECT m."lineKey" FROM "Person" m WHERE m.id = ${managerId}::uuid)`;
  // Below the manager = their key in the row's path, the same keys the counts are kept by.
  // Deliberately not the line index's range: ANDed with the nextChangeAt index, the planner
  // would read the whole line's index (half a million entries) to find a few hundred rows.
  const belowManager = Prisma.sql`position((SELECT '/' || to_hex(m."lineKey") || '/' FROM "Person" m WHERE m.id = ${managerId}::uuid)
        IN cs."managerPath") > 0 AND cs."personId" <> ${managerId}::uuid`;
  return Prisma.sql`
    WITH moved AS (
      SELECT cs."requirementId", cs.status AS stored,
             CASE WHEN cs."applicableFrom" > ${now}::timestamptz THEN 'not_applicable' ELSE ${statusNow} END AS current
      FROM "ComplianceStatus" cs
      WHERE cs."nextChangeAt" <= ${now}::timestamptz AND ${belowManager}
    ),
    counted AS (
      SELECT c."requirementId", c.status, c.count AS n FROM "ComplianceLineCount" c WHERE c."managerKey" = ${key}
      UNION ALL
      SELECT d."requirementId", d.status, d.delta FROM "ComplianceLineDelta" d WHERE d."managerKey" = ${key}
      UNION ALL
      SELECT "requirementId", stored, -1 FROM moved
      UNION ALL
      SELECT "requirementId", current, 1 FROM moved
    ),
    counts AS (
      SELECT "requirementId",
             coalesce(sum(n) FILTER (WHERE status = 'compliant'), 0)::int AS compliant,
             coalesce(sum(n) FILTER (WHERE status = 'expiring'), 0)::int AS expiring,
             coalesce(sum(n) FILTER (WHERE status = 'due'), 0)::int AS due,
             coalesce(sum(n) FILTER (WHERE status = 'overdue'), 0)::int AS overdue,
             coalesce(sum(n) FILTER (WHERE status <> 'not_applicable'), 0)::int AS total
      FROM counted
      GROUP BY "requirementId"
    )
    SELECT r.code AS "requirementCode", r.name AS "requirementName", c.compliant, c.expiring, c.due, c.overdue, c.total
    FROM counts c JOIN "ComplianceRequirement" r ON r.id = c."requirementId"
    WHERE c.total > 0 AND r.active ${codes?.length ? Prisma.sql`AND r.code IN (${Prisma.join(codes)})` : Prisma.empty}
    ORDER BY r.code`;
}
