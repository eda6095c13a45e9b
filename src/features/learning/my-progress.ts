/**
 * "What have I completed?", "what's overdue?": a person's learning at a glance. What is owed
 * and in what state comes from owedBy (the one answer every view shares); this file only
 * groups it for the reader and lists the latest completion per course with its certificate.
 */
import type { Deps } from '../../deps.ts';
import type { CompletionSource, CourseKind, EnrollmentSource } from '../../generated/prisma/enums.ts';
import { owedBy, type OwedCourse } from '../compliance/owed-by.ts';
import type { Actor } from '../people/actor.ts';

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
  const now = deps.clock.now();
  // owedBy checks the actor may see this person before reading anything.
  const owed = await owedBy(deps, actor, { scope: { kind: 'person', personId }, asOf: now });
  const completions = await deps.db.prisma.completion.findMany({
    where: { personId },
    orderBy: [{ courseId: 'asc' }, { completedAt: 'desc' }],
    distinct: ['courseId'],
    include: {
      course: { select: { code: true, title: true } },
      certificate: { select: { number: true, revokedAt: true } },
    },
  });
  const progress: MyProgress = { personId, assigned: [], inProgress: [], overdue: [], completed: [] };
  for (const course of owed.courses) {
    if (course.state === 'overdue') progress.overdue.push(toItem(course));
    else if (course.state === 'in_progress') progress.inProgress.push(toItem(course));
    else if (course.state === 'due') progress.assigned.push(toItem(course));
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

function toItem(course: OwedCourse): ProgressItem {
  return {
    enrollmentId: course.enrollmentId,
    courseId: course.courseId,
    courseCode: course.courseCode,
    courseTitle: course.courseTitle,
    kind: course.kind,
    source: course.source,
    assignedAt: course.assignedAt,
    dueAt: course.dueAt,
    progressPercent: course.progressPercent,
    booked: course.booked,
  };
}
