/**
 * "How far am I in GDPR?": the latest attempt's progress and where the learner left off, or
 * the completion when there is one. A manager may ask about their reporting line.
 */
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../people/actor.ts';
import { assertCanActFor } from '../people/authorize.ts';

export interface GetCourseProgressInput {
  courseId: string;
  /** Whose progress; defaults to the actor. */
  personId?: string;
}

export type CourseProgress =
  | { kind: 'not_started'; courseId: string; courseTitle: string }
  | {
      kind: 'in_progress';
      courseId: string;
      courseTitle: string;
      /** 0–100, from the SCOs' progress measures or the share of SCOs completed. */
      percent: number;
      attemptId: string;
      attemptNumber: number;
      /** The part (SCO) last worked on and the content's own bookmark in it, when it set one. */
      leftOff: { scoTitle: string; location: string | null } | null;
      lastActivityAt: Date;
      suspended: boolean;
    }
  | {
      kind: 'completed';
      courseId: string;
      courseTitle: string;
      completedAt: Date;
      /** Score as a percentage, when the content reported a score. */
      percent: number | null;
      score: number | null;
      expiresAt: Date | null;
    };

export async function getCourseProgress(
  deps: Deps,
  actor: Actor,
  input: GetCourseProgressInput,
): Promise<CourseProgress> {
  const personId = input.personId ?? actor.personId;
  const db = deps.db.prisma;
  await assertCanActFor(db, actor, personId);
  const course = await db.course.findUnique({
    where: { id: input.courseId },
    select: { id: true, title: true },
  });
  if (!course) throw new AppError('NOT_FOUND', 'That course does not exist.');
  const base = { courseId: course.id, courseTitle: course.title };

  const open = await db.attempt.findFirst({
    where: { personId, courseId: course.id, finishedAt: null },
    orderBy: { number: 'desc' },
    include: { scoStates: { include: { sco: { select: { title: true } } }, orderBy: { updatedAt: 'desc' } } },
  });
  const completion = await db.completion.findFirst({
    where: { personId, courseId: course.id },
    orderBy: { completedAt: 'desc' },
    select: { completedAt: true, percent: true, score: true, expiresAt: true, attemptId: true },
  });
  // A completion stands unless the learner has since started over (an open attempt without it).
  if (completion && (!open || completion.attemptId === open.id)) {
    return {
      kind: 'completed',
      ...base,
      completedAt: completion.completedAt,
      percent: completion.percent == null ? null : Number(completion.percent),
      score: completion.score == null ? null : Number(completion.score),
      expiresAt: completion.expiresAt,
    };
  }
  if (!open) return { kind: 'not_started', ...base };
  const last = open.scoStates.find((s) => s.location || s.suspendData) ?? open.scoStates[0];
  return {
    kind: 'in_progress',
    ...base,
    percent: Math.round(Number(open.progress ?? 0) * 100),
    attemptId: open.id,
    attemptNumber: open.number,
    leftOff: last ? { scoTitle: last.sco.title, location: last.location } : null,
    lastActivityAt: open.lastActivityAt,
    suspended: open.scoStates.some((s) => s.exitMode === 'suspend'),
  };
}
