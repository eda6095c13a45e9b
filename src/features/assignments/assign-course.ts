/**
 * An admin assigns a course to anyone; a manager to people in their reporting line. Each
 * person gets one active assignment per course (partial unique index); someone already
 * assigned keeps theirs and is reported as such, nothing is overwritten.
 */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { enqueueNotification } from '../notifications/enqueue-notification.ts';
import { actorIdOf, isAdmin, type Actor } from '../people/actor.ts';
import { reportingLineIds } from '../people/reporting-line.ts';

export interface AssignCourseInput {
  courseId: string;
  personIds: string[];
  /** Due date; must not be in the past. Null = no deadline. */
  dueAt?: Date | null;
}

export interface AssignCourseResult {
  kind: 'assigned';
  assigned: { personId: string; enrollmentId: string }[];
  alreadyAssigned: { personId: string; enrollmentId: string; dueAt: Date | null }[];
}

const MAX_PEOPLE = 5000;

export async function assignCourse(
  deps: Deps,
  actor: Actor,
  input: AssignCourseInput,
): Promise<AssignCourseResult> {
  const personIds = [...new Set(input.personIds)];
  if (personIds.length === 0) throw new AppError('VALIDATION', 'Say who to assign the course to.');
  if (personIds.length > MAX_PEOPLE)
    throw new AppError(
      'VALIDATION',
      `Assign at most ${MAX_PEOPLE} people at once; use an assignment rule for more.`,
    );
  const now = deps.clock.now();
  if (input.dueAt && (Number.isNaN(input.dueAt.getTime()) || input.dueAt <= now)) {
    throw new AppError('VALIDATION', 'The due date must be a valid date in the future.');
  }
  const db = deps.db.prisma;
  if (!isAdmin(actor)) {
    // One recursive query for the whole line, not one per person.
    const line = new Set(actor.isManager ? await reportingLineIds(db, actor.personId) : []);
    const outside = personIds.filter((id) => !line.has(id));
    if (outside.length > 0)
      throw new AppError('FORBIDDEN', 'You can only assign courses to people in your reporting line.');
  }
  try {
    return await assignOnce(deps, actor, input, personIds, now);
  } catch (error) {
    // Someone assigned the same person at the same moment: the partial unique index let one
    // win; a second pass reports that one as already assigned.
    if ((error as { code?: string }).code === 'P2002') return assignOnce(deps, actor, input, personIds, now);
    throw error;
  }
}

function assignOnce(
  deps: Deps,
  actor: Actor,
  input: AssignCourseInput,
  personIds: string[],
  now: Date,
): Promise<AssignCourseResult> {
  return inTransaction(deps.db.prisma, async (tx) => {
    const course = await tx.course.findUnique({
      where: { id: input.courseId },
      select: { id: true, title: true, active: true },
    });
    if (!course?.active) throw new AppError('NOT_FOUND', 'That course is not in the catalogue.');
    const people = await tx.person.findMany({
      where: { id: { in: personIds }, status: 'active' },
      select: { id: true },
    });
    if (people.length !== personIds.length)
      throw new AppError('NOT_FOUND', 'Some of those people are not active in Rollcall.');
    const existing = await tx.enrollment.findMany({
      where: { courseId: course.id, personId: { in: personIds }, status: 'active' },
    });
    const existingBy = new Map(existing.map((e) => [e.personId, e]));
    const result: AssignCourseResult = {
      kind: 'assigned',
      assigned: [],
      alreadyAssigned: existing.map((e) => ({ personId: e.personId, enrollmentId: e.id, dueAt: e.dueAt })),
    };
    for (const personId of personIds) {
      if (existingBy.has(personId)) continue;
      const enrollment = await tx.enrollment.create({
        data: {
          personId,
          courseId: course.id,
          source: isAdmin(actor) ? 'admin' : 'manager',
          assignedById: actorIdOf(actor),
          dueAt: input.dueAt ?? null,
        },
      });
      await recordAudit(tx, {
        actorId: actorIdOf(actor),
        action: 'enrollment.assigned',
        entityType: 'Enrollment',
        entityId: enrollment.id,
        after: enrollment,
      });
      await enqueueNotification(tx, {
        kind: 'enrollment.assigned',
        recipientId: personId,
        dueAt: now,
        payload: {
          enrollmentId: enrollment.id,
          courseId: course.id,
          courseTitle: course.title,
          dueAt: input.dueAt ?? null,
          assignedBy: actor.name,
        },
        dedupeKey: `assigned:${enrollment.id}`,
      });
      result.assigned.push({ personId, enrollmentId: enrollment.id });
    }
    return result;
  });
}
