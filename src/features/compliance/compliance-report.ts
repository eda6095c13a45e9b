/**
 * Compliance report for a scope: counts per requirement and status, and, unless only the
 * summary is asked for, the rows behind them and a CSV export. Still one SQL statement per
 * call: with rows the counts are tallied from them, without rows SQL groups them, so an
 * organisation-wide summary never ships millions of rows to Node.
 */
import { Prisma } from '../../generated/prisma/client.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../people/actor.ts';
import { complianceStatusesCte, type ComplianceScope, type ComplianceStatusValue } from './compliance-sql.ts';
import { maintainedSummary } from './maintained-summary.ts';
import { assertCanSeeScope, complianceStatus, type ComplianceRow } from './compliance-status.ts';

export interface RequirementSummary {
  requirementCode: string;
  requirementName: string;
  compliant: number;
  expiring: number;
  due: number;
  overdue: number;
  /** People the requirement applies to. */
  total: number;
}

export interface ComplianceReportInput {
  scope: ComplianceScope;
  asOf?: Date;
  requirementCodes?: string[];
  /** 'summary': counts only; 'rows': counts + rows; 'csv': counts + rows + CSV text. */
  detail?: 'summary' | 'rows' | 'csv';
  /** Row cap for 'rows' and 'csv' (see complianceStatus). */
  maxRows?: number;
}

export interface ComplianceReport {
  asOf: Date;
  scope: ComplianceScope;
  summary: RequirementSummary[];
  totals: Record<Exclude<ComplianceStatusValue, 'not_applicable'>, number> & { total: number };
  rows?: ComplianceRow[];
  /** More rows existed than were returned (summary and totals still count them all). */
  truncated?: boolean;
  csv?: string;
}

export async function complianceReport(
  deps: Deps,
  actor: Actor,
  input: ComplianceReportInput,
): Promise<ComplianceReport> {
  const detail = input.detail ?? 'rows';
  const asOf = input.asOf ?? deps.clock.now();
  if (Number.isNaN(asOf.getTime())) throw new AppError('VALIDATION', 'The "as of" date is not a valid date.');
  if (detail === 'summary') {
    await assertCanSeeScope(deps.db.prisma, actor, input.scope);
    // Now: the maintained rows (kept by every write and the nightly sweep). A past date:
    // recomputed from the completions, which carry their own dates.
    const summary =
      input.asOf === undefined
        ? await maintainedSummary(deps.db.prisma, input.scope, asOf, input.requirementCodes)
        : await summaryQuery(deps, input.scope, asOf, input.requirementCodes);
    return { asOf, scope: input.scope, summary, totals: totalsOf(summary) };
  }
  const { rows, truncated } = await complianceStatus(deps, actor, {
    ...input,
    asOf,
    includeNotApplicable: false,
    maxRows: input.maxRows,
  });
  // Tallied from the rows (same statement); only a truncated answer needs the counting query.
  const summary = truncated
    ? await summaryQuery(deps, input.scope, asOf, input.requirementCodes)
    : tally(rows);
  return {
    asOf,
    scope: input.scope,
    summary,
    totals: totalsOf(summary),
    rows,
    truncated,
    csv: detail === 'csv' ? complianceCsv(rows) : undefined,
  };
}

async function summaryQuery(
  deps: Deps,
  scope: ComplianceScope,
  asOf: Date,
  codes?: string[],
): Promise<RequirementSummary[]> {
  const rows = await deps.db.prisma.$queryRaw<RequirementSummary[]>(Prisma.sql`
    ${complianceStatusesCte({ scope, asOf, requirementCodes: codes, withEvidence: false })}
    SELECT r.code AS "requirementCode", r.name AS "requirementName",
           count(*) FILTER (WHERE s.status = 'compliant')::int AS compliant,
           count(*) FILTER (WHERE s.status = 'expiring')::int AS expiring,
           count(*) FILTER (WHERE s.status = 'due')::int AS due,
           count(*) FILTER (WHERE s.status = 'overdue')::int AS overdue,
           count(*)::int AS total
    FROM statuses s JOIN "ComplianceRequirement" r ON r.id = s.req_id
    GROUP BY r.code, r.name
    ORDER BY r.code`);
  return rows;
}

function tally(rows: ComplianceRow[]): RequirementSummary[] {
  const byCode = new Map<string, RequirementSummary>();
  for (const row of rows) {
    if (row.status === 'not_applicable') continue;
    let s = byCode.get(row.requirementCode);
    if (!s) {
      s = {
        requirementCode: row.requirementCode,
        requirementName: row.requirementName,
        compliant: 0,
        expiring: 0,
        due: 0,
        overdue: 0,
        total: 0,
      };
      byCode.set(row.requirementCode, s);
    }
    s[row.status] += 1;
    s.total += 1;
  }
  return [...byCode.values()].sort((a, b) => a.requirementCode.localeCompare(b.requirementCode));
}

function totalsOf(summary: RequirementSummary[]): ComplianceReport['totals'] {
  const totals = { compliant: 0, expiring: 0, due: 0, overdue: 0, total: 0 };
  for (const s of summary) {
    totals.compliant += s.compliant;
    totals.expiring += s.expiring;
    totals.due += s.due;
    totals.overdue += s.overdue;
    totals.total += s.total;
  }
  return totals;
}

const CSV_HEADER = [
  'person',
  'email',
  'department',
  'requirement',
  'requirement_name',
  'status',
  'expires_at',
  'due_at',
  'evidence',
];

/** RFC 4180 CSV; a leading =,+,-,@ is prefixed with ' so spreadsheets do not run it as a formula. */
export function complianceCsv(rows: ComplianceRow[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const r of rows) {
    const evidence = r.evidence
      .map((e) =>
        e.completionId
          ? `${e.courseCode} ${e.source} ${isoDate(e.completedAt)}${e.expiresAt ? `→${isoDate(e.expiresAt)}` : ''}`
          : `${e.courseCode} missing`,
      )
      .join('; ');
    lines.push(
      [
        r.personName,
        r.email,
        r.department ?? '',
        r.requirementCode,
        r.requirementName,
        r.status,
        isoDate(r.expiresAt),
        isoDate(r.dueAt),
        evidence,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

const isoDate = (d: Date | null): string => (d ? d.toISOString().slice(0, 10) : '');

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
