/**
 * The assignment rules run for one person whose record was just written (a new joiner, an HR
 * change), answering with the courses that gave them, as an HR system or admin is told.
 */
import type { DbClient } from '../../db/transaction.ts';
import { evaluateAssignmentRules } from './evaluate-assignment-rules.ts';

export interface AssignedCourse {
  enrollmentId: string;
  courseId: string;
  courseTitle: string;
  dueAt: Date | null;
}

export async function assignByRules(
  tx: DbClient,
  input: { now: Date; personId: string; actorId: string | null },
): Promise<AssignedCourse[]> {
  const outcomes = await evaluateAssignmentRules(tx, {
    now: input.now,
    personIds: [input.personId],
    actorId: input.actorId,
  });
  const enrollmentIds = outcomes.flatMap((o) => o.enrollments.map((e) => e.enrollmentId));
  if (enrollmentIds.length === 0) return [];
  const assigned = await tx.enrollment.findMany({
    where: { id: { in: enrollmentIds } },
    include: { course: { select: { title: true } } },
  });
  return assigned.map((e) => ({
    enrollmentId: e.id,
    courseId: e.courseId,
    courseTitle: e.course.title,
    dueAt: e.dueAt,
  }));
}
