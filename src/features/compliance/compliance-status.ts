/**
 * Compliance status per person and requirement, with the evidence behind each answer, for
 * one person, a manager's whole reporting line, a department or everyone, now or "as of" a
 * past date for auditors. One SQL statement per call (see compliance-sql.ts).
 */
import { Prisma } from '../../generated/prisma/client.ts';
import type { Deps } from '../../deps.ts';
import type { DbClient } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { isAdmin, type Actor } from '../people/actor.ts';
import { assertCanActFor } from '../people/authorize.ts';
import { complianceStatusesCte, type ComplianceScope, type ComplianceStatusValue } from './compliance-sql.ts';

export type { ComplianceScope, ComplianceStatusValue } from './compliance-sql.ts';
export { COMPLIANCE_STATUSES, EXPIRING_WITHIN_DAYS } from './compliance-sql.ts';

export interface ComplianceEvidence {
  courseId: string;
  courseCode: string;
  courseTitle: string;
  /** Null when the person has no completion of this course counting at asOf. */
  completionId: string | null;
  completedAt: Date | null;
  expiresAt: Date | null;
  source: string | null;
}

export interface ComplianceRow {
  personId: string;
  personName: string;
  email: string;
  department: string | null;
  managerId: string | null;
  requirementId: string;
  requirementCode: string;
  requirementName: string;
  mode: 'all_of' | 'any_of';
  status: ComplianceStatusValue;
  /** When the requirement's evidence expires (null = never, or never met). */
  expiresAt: Date | null;
  /** Deadline for due/overdue rows: lapse + grace, or hire date + dueWithinDays. */
  dueAt: Date | null;
  evidence: ComplianceEvidence[];
}

export interface ComplianceStatusInput {
  scope: ComplianceScope;
  /** Point in time for auditors; default now. */
  asOf?: Date;
  requirementCodes?: string[];
  /** Default: true for one person (so "not applicable" is visible), false otherwise. */
  includeNotApplicable?: boolean;
  /** Only rows with these statuses, e.g. ['expiring'] for "who expires in the next 60 days?". */
  statuses?: ComplianceStatusValue[];
  /**
   * At most this many rows (default 100,000) so an organisation-wide request cannot exhaust
   * memory; `truncated` says when more existed. Use complianceReport's summary for totals.
   */
  maxRows?: number;
}

export interface ComplianceStatusResult {
  asOf: Date;
  scope: ComplianceScope;
  rows: ComplianceRow[];
  /** True when more rows matched than maxRows; rows holds the first maxRows. */
  truncated: boolean;
}

export const DEFAULT_MAX_ROWS = 100_000;

/**
 * Employees see only themselves; managers their whole line (or a sub-manager's line inside
 * it) and nobody else; admins everything. Department and organisation scopes are admin-only.
 */
export async function assertCanSeeScope(db: DbClient, actor: Actor, scope: ComplianceScope): Promise<void> {
  switch (scope.kind) {
    case 'person':
      return assertCanActFor(db, actor, scope.personId);
    case 'people':
      for (const personId of scope.personIds) await assertCanActFor(db, actor, personId);
      return;
    case 'manager_line':
      return assertCanActFor(db, actor, scope.managerId);
    case 'department':
    case 'everyone':
      if (!isAdmin(actor))
        throw new AppError(
          'FORBIDDEN',
          'Only an admin can see compliance for a whole department or the organisation.',
        );
  }
}

export async function complianceStatus(
  deps: Deps,
  actor: Actor,
  input: ComplianceStatusInput,
): Promise<ComplianceStatusResult> {
  const asOf = input.asOf ?? deps.clock.now();
  if (Number.isNaN(asOf.getTime())) throw new AppError('VALIDATION', 'The "as of" date is not a valid date.');
  const db = deps.db.prisma;
  const maxRows = input.maxRows ?? DEFAULT_MAX_ROWS;
  if (!Number.isInteger(maxRows) || maxRows < 1)
    throw new AppError('VALIDATION', 'maxRows must be a positive whole number.');
  await assertCanSeeScope(db, actor, input.scope);
  // Through the raw driver rather than Prisma's $queryRaw: for tens of thousands of rows it
  // took about half the time on a 66,000-row manager line (100k seed); still one statement.
  const query = Prisma.sql`
    ${complianceStatusesCte({
      scope: input.scope,
      asOf,
      requirementCodes: input.requirementCodes,
      includeNotApplicable: input.includeNotApplicable ?? input.scope.kind === 'person',
    })}
    SELECT s.person_id::text AS "personId", p.name AS "personName", p.email, d.name AS department,
           p."managerId"::text AS "managerId", s.req_id::text AS "requirementId", r.code AS "requirementCode",
           r.name AS "requirementName", r.mode::text AS mode, s.status, s.expires_at AS "expiresAt",
           s.due_at AS "dueAt", s.found, s.courses
    FROM statuses s
    JOIN "Person" p ON p.id = s.person_id
    LEFT JOIN "Department" d ON d.id = p."departmentId"
    JOIN "ComplianceRequirement" r ON r.id = s.req_id
    ${input.statuses?.length ? Prisma.sql`WHERE s.status IN (${Prisma.join(input.statuses)})` : Prisma.empty}
    ORDER BY p.name, p.id, r.code
    LIMIT ${maxRows + 1}`;
  const rows = await deps.db.sql.query<RawRow>(query.text, query.values as unknown[]);
  const truncated = rows.length > maxRows;
  // Requirements have few courses; parse each requirement's list once, not once per row.
  const coursesByReq = new Map<string, CourseRef[]>();
  const coursesOf = (row: RawRow) => {
    let list = coursesByReq.get(row.requirementId);
    if (!list) coursesByReq.set(row.requirementId, (list = parseJson<CourseRef[]>(row.courses)));
    return list;
  };
  return {
    asOf,
    scope: input.scope,
    rows: rows.slice(0, maxRows).map((row) => toRow(row, coursesOf(row))),
    truncated,
  };
}

interface RawRow extends Omit<ComplianceRow, 'evidence' | 'expiresAt' | 'dueAt'> {
  expiresAt: Date | string | null;
  dueAt: Date | string | null;
  /** Completions counted (json), null when none. */
  found: unknown;
  /** The requirement's courses (json). */
  courses: unknown;
}

interface CourseRef {
  courseId: string;
  courseCode: string;
  courseTitle: string;
}

const toDate = (v: Date | string | null | undefined): Date | null =>
  v == null ? null : v instanceof Date ? v : new Date(v);

const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** One evidence entry per required course, in course-code order; missing ones with nulls. */
function toRow(raw: RawRow, courses: CourseRef[]): ComplianceRow {
  const { found: rawFound, courses: _courses, ...rest } = raw;
  const found = parseJson<Record<string, string | null>[] | null>(rawFound) ?? [];
  const byCourse = new Map(found.map((f) => [f.courseId, f]));
  return {
    ...rest,
    expiresAt: toDate(raw.expiresAt),
    dueAt: toDate(raw.dueAt),
    evidence: courses.map((c) => {
      const f = byCourse.get(c.courseId);
      return {
        ...c,
        completionId: f?.completionId ?? null,
        completedAt: toDate(f?.completedAt),
        expiresAt: toDate(f?.expiresAt),
        source: f?.source ?? null,
      };
    }),
  };
}
