/**
 * "Start the GDPR course": a learner enrols themselves where the course allows it. Live
 * courses are joined by booking a session (the sessions use cases), not here.
 */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor } from '../people/actor.ts';
import { missingPrerequisites } from './prerequisites.ts';

export type EnrolSelfResult =
  | { kind: 'enrolled'; enrollmentId: string; courseId: string; courseTitle: string }
  | {
      kind: 'already_enrolled';
      enrollmentId: string;
      courseId: string;
      courseTitle: string;
      dueAt: Date | null;
    };

export async function enrolSelf(
  deps: Deps,
  actor: Actor,
  input: { courseId: string },
): Promise<EnrolSelfResult> {
  try {
    return await enrolOnce(deps, actor, input);
  } catch (error) {
    // Two taps at once: the partial unique index lets one win; the other reads the winner.
    if ((error as { code?: string }).code === 'P2002') return enrolOnce(deps, actor, input);
    throw error;
  }
}

async function enrolOnce(deps: Deps, actor: Actor, input: { courseId: string }): Promise<EnrolSelfResult> {
  return inTransaction(deps.db.prisma, async (tx) => {
    const course = await tx.course.findUnique({
      where: { id: input.courseId },
      select: { id: true, title: true, active: true, selfEnrol: true },
    });
    if (!course?.active) throw new AppError('NOT_FOUND', 'That course is not in the catalogue.');
    const existing = await tx.enrollment.findFirst({
      where: { personId: actor.personId, courseId: course.id, status: 'active' },
    });
    if (existing)
      return {
        kind: 'already_enrolled',
        enrollmentId: existing.id,
        courseId: course.id,
        courseTitle: course.title,
        dueAt: existing.dueAt,
      };
    if (!course.selfEnrol)
      throw new AppError(
        'FORBIDDEN',
        `${course.title} is assigned by an admin or your manager; you cannot enrol yourself.`,
      );
    const missing = await missingPrerequisites(tx, actor.personId, course.id);
    if (missing.length > 0) {
      throw new AppError(
        'PREREQUISITE_MISSING',
        `${course.title} needs ${missing.map((m) => `${m.title} (${m.code})`).join(', ')} first.`,
        { missing },
      );
    }
    const enrollment = await tx.enrollment.create({
      data: { personId: actor.personId, courseId: course.id, source: 'self', assignedById: actor.personId },
    });
    await recordAudit(tx, {
      actorId: actor.personId,
      action: 'enrollment.self_enrolled',
      entityType: 'Enrollment',
      entityId: enrollment.id,
      after: enrollment,
    });
    return { kind: 'enrolled', enrollmentId: enrollment.id, courseId: course.id, courseTitle: course.title };
  });
}
