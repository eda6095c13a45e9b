/**
 * HR changes to a person (department, job role, location, manager, hire date, status),
 * by an admin or the HR sync. Assignment rules are re-evaluated for that person in the same
 * transaction: a transfer to a new department assigns that department's courses, and rule
 * assignments whose audience the person has left are withdrawn (kept, with the reason, as
 * history). Completions, certificates and manual/manager assignments are never touched.
 */
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { isInReportingLine } from '../people/reporting-line.ts';
import { assignByRules, type AssignedCourse } from './assign-by-rules.ts';
import { refreshComplianceStatus } from '../compliance/refresh-compliance-status.ts';

export interface PersonChanges {
  departmentId?: string | null;
  jobRole?: string | null;
  locationId?: string | null;
  managerId?: string | null;
  hireDate?: Date | null;
  status?: 'active' | 'inactive';
}

export interface UpdatePersonResult {
  kind: 'updated';
  personId: string;
  /** Courses newly assigned because the person now matches a rule. */
  assigned: AssignedCourse[];
  /** Rule assignments withdrawn because the person left the rule's audience. */
  withdrawn: { enrollmentId: string; courseId: string; courseTitle: string }[];
}

export async function updatePerson(
  deps: Deps,
  actor: Actor,
  input: { personId: string; changes: PersonChanges },
): Promise<UpdatePersonResult> {
  assertAdmin(actor, 'change HR details');
  const { changes } = input;
  const now = deps.clock.now();
  const actorId = actorIdOf(actor);
  if (changes.managerId === input.personId)
    throw new AppError('VALIDATION', 'Nobody can be their own manager.');
  if (changes.hireDate && Number.isNaN(changes.hireDate.getTime()))
    throw new AppError('VALIDATION', 'The hire date is not a valid date.');
  return inTransaction(deps.db.prisma, async (tx) => {
    const before = await tx.person.findUnique({ where: { id: input.personId } });
    if (!before) throw new AppError('NOT_FOUND', 'That person does not exist.');
    if (changes.managerId && (await isInReportingLine(tx, input.personId, changes.managerId))) {
      throw new AppError('VALIDATION', 'That manager reports to this person; the reporting line would loop.');
    }
    const after = await tx.person.update({
      where: { id: input.personId },
      data: changes satisfies Prisma.PersonUncheckedUpdateInput,
    });
    await recordAudit(tx, {
      actorId,
      action: 'person.updated',
      entityType: 'Person',
      entityId: before.id,
      before: pick(before, changes),
      after: pick(after, changes),
    });

    // Rule assignments the person no longer qualifies for; still-active, not yet done.
    const stale = await tx.$queryRaw<{ id: string; courseId: string; title: string }[]>`
      SELECT e.id::text AS id, e."courseId"::text AS "courseId", c.title
      FROM "Enrollment" e
      JOIN "AssignmentRule" r ON r.id = e."ruleId"
      JOIN "Course" c ON c.id = e."courseId"
      JOIN "Person" p ON p.id = e."personId"
      WHERE e."personId" = ${input.personId}::uuid AND e.status = 'active' AND e.source = 'rule'
        AND NOT (p.status = 'active' AND r.active
             AND (r."departmentId" IS NULL OR r."departmentId" = p."departmentId")
             AND (r."jobRole" IS NULL OR r."jobRole" = p."jobRole")
             AND (r."locationId" IS NULL OR r."locationId" = p."locationId"))`;
    // hiredWithinDays is not a reason to withdraw: the new-joiner window closing does not
    // mean the course stops being needed.
    for (const e of stale) {
      await tx.enrollment.update({
        where: { id: e.id },
        data: {
          status: 'withdrawn',
          withdrawnAt: now,
          withdrawReason: "No longer in the assignment rule's audience (HR change).",
        },
      });
      await recordAudit(tx, {
        actorId,
        action: 'enrollment.withdrawn',
        entityType: 'Enrollment',
        entityId: e.id,
        after: { reason: 'rule audience left', personId: input.personId },
      });
    }
    // Audience, joining date, status or line moved: the maintained compliance rows follow
    // in this transaction (the managerPath trigger already moved the line below them).
    await refreshComplianceStatus(tx, now, { kind: 'people', personIds: [input.personId] });
    return {
      kind: 'updated',
      personId: input.personId,
      assigned: await assignByRules(tx, { now, personId: input.personId, actorId }),
      withdrawn: stale.map((e) => ({ enrollmentId: e.id, courseId: e.courseId, courseTitle: e.title })),
    };
  });
}

function pick(row: Record<string, unknown>, changes: PersonChanges): Record<string, unknown> {
  return Object.fromEntries(Object.keys(changes).map((k) => [k, row[k]]));
}
