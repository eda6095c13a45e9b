/**
 * Applies assignment rules set-based: one INSERT … SELECT assigns every matching person who
 * has neither an active assignment of the course nor a completion of it that is still valid,
 * writes the audit events and the "you have been assigned" outbox rows in the same statement,
 * and reports per rule how many people matched and how many were newly assigned.
 *
 * Run it for everyone (nightly, or when a rule is created) or for a few people (a new joiner,
 * a transfer). Safe to repeat and to run concurrently: the partial unique index on active
 * enrollments makes a second insert for the same (person, course) a no-op.
 */
import { Prisma } from '../../generated/prisma/client.ts';
import type { DbClient } from '../../db/transaction.ts';

export interface RuleOutcome {
  ruleId: string;
  ruleName: string;
  courseId: string;
  /** People in the rule's audience right now (assigned before or not). */
  matched: number;
  /** Newly assigned by this run. */
  assigned: number;
  enrollments: { enrollmentId: string; personId: string; dueAt: Date }[];
}

export interface EvaluateRulesInput {
  now: Date;
  /** Only these people (new joiner, transfer); default everyone active. */
  personIds?: string[];
  /** Only these rules; default every active rule. */
  ruleIds?: string[];
  /** Audit actor; null = the system. */
  actorId?: string | null;
}

export async function evaluateAssignmentRules(
  db: DbClient,
  input: EvaluateRulesInput,
): Promise<RuleOutcome[]> {
  const people = input.personIds ? Prisma.sql`AND p.id IN (${joinUuids(input.personIds)})` : Prisma.empty;
  const rules = input.ruleIds ? Prisma.sql`AND r.id IN (${joinUuids(input.ruleIds)})` : Prisma.empty;
  if ((input.personIds && input.personIds.length === 0) || (input.ruleIds && input.ruleIds.length === 0))
    return [];
  const now = input.now;
  const actorId = input.actorId ?? null;
  const rows = await db.$queryRaw<(Omit<RuleOutcome, 'enrollments'> & { enrollments: unknown })[]>(Prisma.sql`
    WITH matches AS (
      SELECT r.id AS rule_id, r."courseId" AS course_id, p.id AS person_id,
             ${now}::timestamptz + make_interval(days => r."dueInDays") AS due_at
      FROM "AssignmentRule" r
      JOIN "Person" p ON p.status = 'active'
        AND (r."departmentId" IS NULL OR r."departmentId" = p."departmentId")
        AND (r."jobRole" IS NULL OR r."jobRole" = p."jobRole")
        AND (r."locationId" IS NULL OR r."locationId" = p."locationId")
        AND (r."hiredWithinDays" IS NULL
             OR (p."hireDate" IS NOT NULL AND p."hireDate" >= (${now}::timestamptz - make_interval(days => r."hiredWithinDays"))::date))
      WHERE r.active ${rules} ${people}
    ),
    todo AS (
      -- Two rules for one course and person: the earliest due date wins.
      SELECT DISTINCT ON (m.person_id, m.course_id) m.*
      FROM matches m
      WHERE NOT EXISTS (SELECT 1 FROM "Enrollment" e WHERE e."personId" = m.person_id AND e."courseId" = m.course_id AND e.status = 'active')
        AND NOT EXISTS (SELECT 1 FROM "Completion" c WHERE c."personId" = m.person_id AND c."courseId" = m.course_id
                          AND c."completedAt" <= ${now}::timestamptz AND (c."expiresAt" IS NULL OR c."expiresAt" > ${now}::timestamptz))
      ORDER BY m.person_id, m.course_id, m.due_at, m.rule_id
    ),
    ins AS (
      INSERT INTO "Enrollment" (id, "personId", "courseId", source, "ruleId", "dueAt", status, "createdAt")
      SELECT gen_random_uuid(), person_id, course_id, 'rule', rule_id, due_at, 'active', ${now}::timestamptz FROM todo
      ON CONFLICT ("personId", "courseId") WHERE status = 'active' DO NOTHING
      RETURNING id, "personId", "courseId", "ruleId", "dueAt"
    ),
    audit AS (
      INSERT INTO "AuditEvent" ("actorId", action, "entityType", "entityId", after, at)
      SELECT ${actorId}::uuid, 'enrollment.assigned_by_rule', 'Enrollment', ins.id::text,
             json_build_object('personId', ins."personId", 'courseId', ins."courseId", 'ruleId', ins."ruleId", 'dueAt', ins."dueAt"), ${now}::timestamptz
      FROM ins
      RETURNING 1
    ),
    notify AS (
      INSERT INTO "Notification" (id, kind, "recipientId", payload, "dueAt", "dedupeKey")
      SELECT gen_random_uuid(), 'enrollment.assigned', ins."personId",
             json_build_object('enrollmentId', ins.id, 'courseId', ins."courseId", 'courseTitle', c.title, 'dueAt', ins."dueAt"), ${now}::timestamptz,
             'assigned:' || ins.id
      FROM ins JOIN "Course" c ON c.id = ins."courseId"
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING 1
    )
    SELECT r.id::text AS "ruleId", r.name AS "ruleName", r."courseId"::text AS "courseId",
           (SELECT count(*) FROM matches m WHERE m.rule_id = r.id)::int AS matched,
           (SELECT count(*) FROM ins WHERE ins."ruleId" = r.id)::int AS assigned,
           (SELECT coalesce(json_agg(json_build_object('enrollmentId', ins.id, 'personId', ins."personId", 'dueAt', ins."dueAt")), '[]'::json)
              FROM ins WHERE ins."ruleId" = r.id) AS enrollments
    FROM "AssignmentRule" r
    WHERE r.active ${rules}
    ORDER BY r.name`);
  return rows.map((row) => {
    const list = (typeof row.enrollments === 'string' ? JSON.parse(row.enrollments) : row.enrollments) as {
      enrollmentId: string;
      personId: string;
      dueAt: string;
    }[];
    return {
      ...row,
      enrollments: list.map((e) => ({
        enrollmentId: e.enrollmentId,
        personId: e.personId,
        dueAt: new Date(e.dueAt),
      })),
    };
  });
  // (audit and notify run to completion although unread: PostgreSQL always executes
  // data-modifying CTEs exactly once.)
}

function joinUuids(ids: string[]): Prisma.Sql {
  return Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`));
}
