/**
 * "What have I completed?", "what's overdue?": a person's learning at a glance. Assigned,
 * in progress (started an attempt or booked a session), overdue (past the due date) and
 * completed (latest completion per course, with expiry and certificate).
 */
import type { Deps } from '../../deps.ts';
import type { CompletionSource, CourseKind, EnrollmentSource } from '../../generated/prisma/enums.ts';
import type { Actor } from '../people/actor.ts';
import { assertCanActFor } from '../people/authorize.ts';

export interface ProgressItem {
  enrollmentId: string;
  courseId: string;
  courseCode: string;
  courseTitle: string;
  kind: CourseKind;
  source: EnrollmentSource;
  assignedAt: Date;
  dueAt: Date | null;
  /** 0–100 from the latest SCORM attempt, when there is one. */
  progressPercent: number | null;
  /** A confirmed or waitlisted booking on an upcoming session of the course. */
  booked: boolean;
}

export interface CompletedItem {
  completionId: string;
  courseId: string;
  courseCode: string;
  courseTitle: string;
  completedAt: Date;
  expiresAt: Date | null;
  expired: boolean;
  source: CompletionSource;
  score: number | null;
  certificateNumber: string | null;
}

export interface MyProgress {
  personId: string;
  assigned: ProgressItem[];
  inProgress: ProgressItem[];
  overdue: ProgressItem[];
  completed: CompletedItem[];
}

export async function myProgress(
  deps: Deps,
  actor: Actor,
  input: { personId?: string },
): Promise<MyProgress> {
  const personId = input.personId ?? actor.personId;
  const db = deps.db.prisma;
  await assertCanActFor(db, actor, personId);
  const now = deps.clock.now();
  const [enrollments, completions] = await Promise.all([
    db.enrollment.findMany({
      where: { personId, status: 'active' },
      orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
      include: {
        course: {
          select: {
            code: true,
            title: true,
            kind: true,
            attempts: {
              where: { personId },
              orderBy: { lastActivityAt: 'desc' },
              take: 1,
              select: { progress: true, status: true },
            },
            sessions: {
              where: {
                endsAt: { gt: now },
                registrations: {
                  some: {
                    personId,
                    status: { in: ['confirmed', 'waitlisted', 'offered', 'pending_approval'] },
                  },
                },
              },
              select: { id: true },
              take: 1,
            },
          },
        },
      },
    }),
    db.completion.findMany({
      where: { personId },
      orderBy: [{ courseId: 'asc' }, { completedAt: 'desc' }],
      distinct: ['courseId'],
      include: {
        course: { select: { code: true, title: true } },
        certificate: { select: { number: true, revokedAt: true } },
      },
    }),
  ]);
  const progress: MyProgress = { personId, assigned: [], inProgress: [], overdue: [], completed: [] };
  const latestCompletion = new Map(completions.map((c) => [c.courseId, c]));
  for (const e of enrollments) {
    // What is owed follows the record: a valid completion settles the assignment; an expired
    // one makes it owed again from the day it expired (never from an older due date).
    const done = latestCompletion.get(e.courseId);
    if (done && done.completedAt >= e.createdAt && (!done.expiresAt || done.expiresAt > now)) continue;
    if (done && done.expiresAt && done.expiresAt > (e.dueAt ?? new Date(0)) && done.expiresAt <= now)
      e.dueAt = done.expiresAt;
    if (done && done.expiresAt && done.expiresAt > now && e.dueAt && e.dueAt < done.expiresAt)
      e.dueAt = done.expiresAt;
    const attempt = e.course.attempts[0];
    const item: ProgressItem = {
      enrollmentId: e.id,
      courseId: e.courseId,
      courseCode: e.course.code,
      courseTitle: e.course.title,
      kind: e.course.kind,
      source: e.source,
      assignedAt: e.createdAt,
      dueAt: e.dueAt,
      progressPercent: attempt?.progress != null ? Math.round(Number(attempt.progress) * 100) : null,
      booked: e.course.sessions.length > 0,
    };
    if (e.dueAt && e.dueAt < now) progress.overdue.push(item);
    else if (attempt || item.booked) progress.inProgress.push(item);
    else progress.assigned.push(item);
  }
  progress.completed = completions
    .map((c) => ({
      completionId: c.id,
      courseId: c.courseId,
      courseCode: c.course.code,
      courseTitle: c.course.title,
      completedAt: c.completedAt,
      expiresAt: c.expiresAt,
      expired: c.expiresAt != null && c.expiresAt <= now,
      source: c.source,
      score: c.score == null ? null : Number(c.score),
      certificateNumber: c.certificate && !c.certificate.revokedAt ? c.certificate.number : null,
    }))
    .sort((a, b) => b.completedAt.getTime() - a.completedAt.getTime());
  return progress;
}
