/**
 * The compliance status of every (person, requirement) pair in a scope, as ONE set-based
 * SQL statement: the scope's people, the requirements whose audience they match, the best
 * completion per required course as of a point in time, and the status rolled up from them.
 * No per-person queries, so a report over 100,000 people is one round trip.
 *
 * Rules (also in the README of this folder's use cases):
 * - Only completions with completedAt <= asOf count; expiry is evaluated at asOf.
 * - A course's expiry is the requirement's validityMonths from the completion date when the
 *   requirement sets one, otherwise the completion's own expiresAt (null = never expires).
 *   Per course the completion with the latest expiry wins.
 * - all_of: satisfied while every course has an unexpired completion; expires at the
 *   earliest course expiry. any_of: one course suffices; expires at the latest.
 * - compliant: satisfied beyond asOf + 60 days; expiring: satisfied but expires within 60
 *   days; due: not satisfied and the deadline has not passed; overdue: past the deadline.
 *   The deadline is expiry + graceDays when the requirement was once met and lapsed, and
 *   hire date (or record creation) + dueWithinDays when it never was (new joiners).
 * - not_applicable: outside the audience, or not yet hired at asOf.
 */
import { Prisma } from '../../generated/prisma/client.ts';
import { managerLineFilter } from '../people/reporting-line.ts';

export { managerLineFilter };

export const EXPIRING_WITHIN_DAYS = 60;

export const COMPLIANCE_STATUSES = ['compliant', 'expiring', 'due', 'overdue', 'not_applicable'] as const;
export type ComplianceStatusValue = (typeof COMPLIANCE_STATUSES)[number];

export type ComplianceScope =
  | { kind: 'person'; personId: string }
  /** A named set of people (reminders, owedBy for several people at once). */
  | { kind: 'people'; personIds: string[] }
  /** Everyone below the manager at any depth (not the manager themself). */
  | { kind: 'manager_line'; managerId: string }
  | { kind: 'department'; departmentId: string }
  | { kind: 'everyone' };

export interface ComplianceSqlOptions {
  scope: ComplianceScope;
  asOf: Date;
  /** Restrict to these requirement codes; empty/undefined = every active requirement. */
  requirementCodes?: string[];
  /** Keep rows for requirements outside the person's audience (status not_applicable). */
  includeNotApplicable?: boolean;
  /** Build the per-course evidence json (rows); summaries skip it. Default true. */
  withEvidence?: boolean;
}

function scopeSql(scope: ComplianceScope): { cte: Prisma.Sql; filter: Prisma.Sql } {
  switch (scope.kind) {
    case 'person':
      return { cte: Prisma.empty, filter: Prisma.sql`p.id = ${scope.personId}::uuid` };
    case 'people':
      return {
        cte: Prisma.empty,
        filter: scope.personIds.length
          ? Prisma.sql`p.id IN (${Prisma.join(scope.personIds.map((id) => Prisma.sql`${id}::uuid`))})`
          : Prisma.sql`FALSE`,
      };
    case 'department':
      return { cte: Prisma.empty, filter: Prisma.sql`p."departmentId" = ${scope.departmentId}::uuid` };
    case 'everyone':
      return { cte: Prisma.empty, filter: Prisma.sql`TRUE` };
    case 'manager_line':
      return { cte: Prisma.empty, filter: managerLineFilter(Prisma.sql`p`, scope.managerId) };
  }
}

/**
 * The status at instant `asOf` of a requirement whose evidence is `met`, expires at
 * `expiresAt` (null = never) and turns overdue after `deadlineAt` (expiry + grace, or
 * joining + dueWithinDays). The ONE statement of these rules: the CTE below and the reads
 * of the maintained ComplianceStatus table both use it.
 */
export function statusAtSql(
  met: Prisma.Sql,
  expiresAt: Prisma.Sql,
  deadlineAt: Prisma.Sql,
  asOf: Date,
): Prisma.Sql {
  return Prisma.sql`CASE
      WHEN ${met} AND (${expiresAt} IS NULL OR ${expiresAt} > ${asOf}::timestamptz + make_interval(days => ${EXPIRING_WITHIN_DAYS}::int)) THEN 'compliant'
      WHEN ${met} AND ${expiresAt} > ${asOf}::timestamptz THEN 'expiring'
      WHEN ${deadlineAt} >= ${asOf}::timestamptz THEN 'due'
      ELSE 'overdue'
    END`;
}

/**
 * When a status computed at `asOf` would next change with time alone (null = never): the
 * nightly sweep rewrites the stored status of rows past this instant.
 */
export function nextChangeSql(
  met: Prisma.Sql,
  expiresAt: Prisma.Sql,
  deadlineAt: Prisma.Sql,
  applicableFrom: Prisma.Sql,
  asOf: Date,
): Prisma.Sql {
  const soon = Prisma.sql`make_interval(days => ${EXPIRING_WITHIN_DAYS}::int)`;
  return Prisma.sql`CASE
      WHEN ${applicableFrom} > ${asOf}::timestamptz THEN ${applicableFrom}
      WHEN ${met} AND ${expiresAt} IS NULL THEN NULL
      WHEN ${met} AND ${expiresAt} > ${asOf}::timestamptz + ${soon} THEN ${expiresAt} - ${soon}
      WHEN ${met} AND ${expiresAt} > ${asOf}::timestamptz THEN ${expiresAt}
      WHEN ${deadlineAt} >= ${asOf}::timestamptz THEN ${deadlineAt}
      ELSE NULL
    END`;
}

/**
 * `WITH … statuses AS (…)`: callers append their own final SELECT over `statuses`
 * (rows with evidence, or counts). Columns of statuses: person_id, req_id, applicable,
 * in_audience, joined_at, met, deadline_at, evidence_completion_id,
 * status, expires_at, due_at, found (json array of the completions counted, null when none
 * or when evidence is off), courses (json array of the requirement's courses).
 *
 * Shape, for speed at 100,000 people: completions are reduced per (person, requirement)
 * first (only people who have any), then hash-joined to the person × requirement set, so
 * the big set is never sorted or grouped. `people` and `reqs` are inlined (NOT
 * MATERIALIZED) so the planner sees real table statistics.
 */
export function complianceStatusesCte(options: ComplianceSqlOptions): Prisma.Sql {
  const { cte, filter } = scopeSql(options.scope);
  const asOf = options.asOf;
  const codes = options.requirementCodes?.length
    ? Prisma.sql`AND r.code IN (${Prisma.join(options.requirementCodes)})`
    : Prisma.empty;
  const includeNa = options.includeNotApplicable ? Prisma.sql`TRUE` : Prisma.sql`FALSE`;
  const found =
    options.withEvidence === false
      ? Prisma.sql`NULL::json AS found`
      : Prisma.sql`json_agg(json_build_object(
               'courseId', b.course_id, 'completionId', b.completion_id, 'completedAt', b.completed_at,
               'expiresAt', b.expires_at, 'source', b.source)) AS found`;
  return Prisma.sql`
    WITH RECURSIVE ${cte}
    people AS NOT MATERIALIZED (
      SELECT p.id, p."departmentId", p."jobRole", p."locationId",
             coalesce(p."hireDate"::timestamp AT TIME ZONE 'UTC', p."createdAt") AS joined_at
      FROM "Person" p
      WHERE p.status = 'active' AND ${filter}
    ),
    reqs AS NOT MATERIALIZED (
      SELECT r.id, r.mode, r."validityMonths", r."graceDays", r."dueWithinDays", r."departmentId", r."jobRole", r."locationId"
      FROM "ComplianceRequirement" r
      WHERE r.active ${codes}
    ),
    req_info AS (
      SELECT rc."requirementId" AS req_id, count(*)::int AS course_count,
             json_agg(json_build_object('courseId', co.id, 'courseCode', co.code, 'courseTitle', co.title) ORDER BY co.code) AS courses
      FROM "ComplianceRequirementCourse" rc
      JOIN "Course" co ON co.id = rc."courseId"
      WHERE rc."requirementId" IN (SELECT id FROM reqs)
      GROUP BY rc."requirementId"
    ),
    best AS (
      SELECT DISTINCT ON (c."personId", rc."requirementId", rc."courseId")
             c."personId" AS person_id, rc."requirementId" AS req_id, rc."courseId" AS course_id, c.id AS completion_id,
             c."completedAt" AS completed_at, c.source,
             CASE WHEN r."validityMonths" IS NOT NULL THEN c."completedAt" + make_interval(months => r."validityMonths")
                  ELSE c."expiresAt" END AS expires_at
      FROM "Completion" c
      JOIN "ComplianceRequirementCourse" rc ON rc."courseId" = c."courseId"
      JOIN reqs r ON r.id = rc."requirementId"
      WHERE c."completedAt" <= ${asOf}::timestamptz AND c."personId" IN (SELECT id FROM people)
      ORDER BY c."personId", rc."requirementId", rc."courseId", expires_at DESC NULLS FIRST, completed_at DESC
    ),
    per_req AS (
      SELECT b.person_id, b.req_id, count(*)::int AS done_courses,
             min(b.expires_at) AS min_exp, max(b.expires_at) AS max_exp,
             bool_or(b.expires_at IS NULL) AS any_never_expires,
             (array_agg(b.completion_id ORDER BY b.expires_at ASC NULLS LAST))[1] AS soonest_completion,
             (array_agg(b.completion_id ORDER BY b.expires_at DESC NULLS FIRST))[1] AS latest_completion,
             ${found}
      FROM best b
      GROUP BY b.person_id, b.req_id
    ),
    rolled AS (
      SELECT pe.id AS person_id, r.id AS req_id, pe.joined_at, r."graceDays", r."dueWithinDays", ri.courses, pr.found,
             CASE WHEN r.mode = 'all_of' THEN pr.soonest_completion ELSE pr.latest_completion END AS evidence_completion_id,
             ((r."departmentId" IS NULL OR r."departmentId" = pe."departmentId")
              AND (r."jobRole" IS NULL OR r."jobRole" = pe."jobRole")
              AND (r."locationId" IS NULL OR r."locationId" = pe."locationId")) AS in_audience,
             ((r."departmentId" IS NULL OR r."departmentId" = pe."departmentId")
              AND (r."jobRole" IS NULL OR r."jobRole" = pe."jobRole")
              AND (r."locationId" IS NULL OR r."locationId" = pe."locationId")
              AND pe.joined_at <= ${asOf}::timestamptz) AS applicable,
             CASE WHEN r.mode = 'all_of' THEN coalesce(pr.done_courses, 0) = ri.course_count
                  ELSE coalesce(pr.done_courses, 0) > 0 END AS ever_met,
             CASE WHEN r.mode = 'all_of' THEN pr.min_exp
                  WHEN pr.any_never_expires THEN NULL ELSE pr.max_exp END AS req_expires_at
      FROM people pe
      CROSS JOIN reqs r
      JOIN req_info ri ON ri.req_id = r.id
      LEFT JOIN per_req pr ON pr.person_id = pe.id AND pr.req_id = r.id
    ),
    deadlines AS (
      SELECT rolled.*,
             CASE WHEN ever_met THEN req_expires_at + make_interval(days => "graceDays")
                  ELSE joined_at + make_interval(days => "dueWithinDays") END AS deadline_at
      FROM rolled
    ),
    statuses AS (
      SELECT person_id, req_id, applicable, in_audience, joined_at, found, courses, evidence_completion_id,
             ever_met AS met, deadline_at,
             CASE WHEN ever_met THEN req_expires_at END AS expires_at,
             CASE
               WHEN NOT applicable THEN NULL
               WHEN ever_met AND (req_expires_at IS NULL OR req_expires_at > ${asOf}::timestamptz) THEN NULL
               ELSE deadline_at
             END AS due_at,
             CASE
               WHEN NOT applicable THEN 'not_applicable'
               ELSE ${statusAtSql(Prisma.sql`ever_met`, Prisma.sql`req_expires_at`, Prisma.sql`deadline_at`, asOf)}
             END AS status
      FROM deadlines
      WHERE applicable OR ${includeNa}
    )`;
}
