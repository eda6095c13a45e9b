/**
 * Counts per requirement and status for a scope, now, read from the maintained
 * ComplianceStatus rows instead of recomputing from completions: a manager's line from the
 * per-manager counts kept beside those rows (line-summary.ts), a department through its
 * index, everyone by scanning the table. The status at
 * `now` follows from each row's dates through statusAtSql, the same rules the computed
 * path uses, so the answer is exact between nightly sweeps too.
 */
import { Prisma } from '../../generated/prisma/client.ts';
import type { DbClient } from '../../db/transaction.ts';
import { managerLineFilter, statusAtSql, type ComplianceScope } from './compliance-sql.ts';
import { lineSummarySql } from './line-summary.ts';

export interface SummaryRow {
  requirementCode: string;
  requirementName: string;
  compliant: number;
  expiring: number;
  due: number;
  overdue: number;
  total: number;
}

function scopeFilter(scope: ComplianceScope): Prisma.Sql {
  const cs = Prisma.sql`cs`;
  switch (scope.kind) {
    case 'person':
      return Prisma.sql`cs."personId" = ${scope.personId}::uuid`;
    case 'people':
      return scope.personIds.length
        ? Prisma.sql`cs."personId" IN (${Prisma.join(scope.personIds.map((id) => Prisma.sql`${id}::uuid`))})`
        : Prisma.sql`FALSE`;
    case 'department':
      return Prisma.sql`cs."departmentId" = ${scope.departmentId}::uuid`;
    case 'everyone':
      return Prisma.sql`TRUE`;
    case 'manager_line':
      return managerLineFilter(cs, scope.managerId, 'personId');
  }
}

export async function maintainedSummary(
  db: DbClient,
  scope: ComplianceScope,
  now: Date,
  codes?: string[],
): Promise<SummaryRow[]> {
  return db.$queryRaw<SummaryRow[]>(maintainedSummarySql(scope, now, codes));
}

/**
 * The statement maintainedSummary runs (the bench EXPLAINs it). A manager's line is read
 * from the per-manager counts (line-summary.ts); other scopes scan their rows.
 */
export function maintainedSummarySql(scope: ComplianceScope, now: Date, codes?: string[]): Prisma.Sql {
  if (scope.kind === 'manager_line') return lineSummarySql(scope.managerId, now, codes);
  return scannedSummarySql(scope, now, codes);
}

/** Counts from every stored row of the scope: one range scan of its index. */
export function scannedSummarySql(scope: ComplianceScope, now: Date, codes?: string[]): Prisma.Sql {
  const status = statusAtSql(
    Prisma.sql`cs.met`,
    Prisma.sql`cs."expiresAt"`,
    Prisma.sql`cs."deadlineAt"`,
    now,
  );
  return Prisma.sql`
    WITH counts AS (
      SELECT cs."requirementId",
             count(*) FILTER (WHERE st = 'compliant')::int AS compliant,
             count(*) FILTER (WHERE st = 'expiring')::int AS expiring,
             count(*) FILTER (WHERE st = 'due')::int AS due,
             count(*) FILTER (WHERE st = 'overdue')::int AS overdue,
             count(*)::int AS total
      FROM (SELECT cs."requirementId", ${status} AS st
            FROM "ComplianceStatus" cs
            WHERE cs."applicableFrom" <= ${now}::timestamptz AND ${scopeFilter(scope)}) cs
      GROUP BY cs."requirementId"
    )
    SELECT r.code AS "requirementCode", r.name AS "requirementName", c.compliant, c.expiring, c.due, c.overdue, c.total
    FROM counts c JOIN "ComplianceRequirement" r ON r.id = c."requirementId"
    WHERE r.active ${codes?.length ? Prisma.sql`AND r.code IN (${Prisma.join(codes)})` : Prisma.empty}
    ORDER BY r.code`;
}
