/**
 * Learning journeys (Programme of kind 'journey'): ordered steps mixing eLearning and live
 * courses. A step is completed when the person has a completion of its course; it is
 * available when every earlier step it depends on (requiresPrevious chains back) is
 * completed; otherwise locked. Completing a step therefore opens the next one by itself.
 */
import type { Deps } from '../../deps.ts';
import type { DbClient } from '../../db/transaction.ts';
import type { CourseKind } from '../../generated/prisma/enums.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../people/actor.ts';
import { assertCanActFor } from '../people/authorize.ts';

export type JourneyStepStatus = 'completed' | 'available' | 'locked';

export interface JourneyStep {
  position: number;
  courseId: string;
  courseCode: string;
  courseTitle: string;
  kind: CourseKind;
  status: JourneyStepStatus;
  completedAt: Date | null;
  /** Due date of the person's journey assignment of this step, when they started it. */
  dueAt: Date | null;
}

export interface JourneyProgress {
  programmeId: string;
  code: string;
  title: string;
  description: string;
  started: boolean;
  steps: JourneyStep[];
  /** First available step not yet completed; null when the journey is finished. */
  next: JourneyStep | null;
  finished: boolean;
}

export async function loadJourney(db: DbClient, programme: { id?: string; code?: string }) {
  const where = programme.id
    ? { id: programme.id }
    : programme.code
      ? { code: programme.code.toUpperCase() }
      : null;
  if (!where) throw new AppError('VALIDATION', 'Say which journey.');
  const found = await db.programme.findUnique({
    where,
    include: {
      steps: {
        orderBy: { position: 'asc' },
        include: { course: { select: { id: true, code: true, title: true, kind: true } } },
      },
    },
  });
  if (found?.kind !== 'journey' || !found.active)
    throw new AppError('NOT_FOUND', 'There is no such learning journey.');
  return found;
}

/** Pure: step statuses from the steps and the set of completed course ids. */
export function stepStatuses(
  steps: { position: number; courseId: string; requiresPrevious: boolean }[],
  completed: Set<string>,
): JourneyStepStatus[] {
  const statuses: JourneyStepStatus[] = [];
  steps.forEach((step, i) => {
    if (completed.has(step.courseId)) statuses.push('completed');
    else if (i === 0 || !step.requiresPrevious) statuses.push('available');
    else statuses.push(statuses[i - 1] === 'completed' ? 'available' : 'locked');
  });
  return statuses;
}

export async function journeyProgress(
  deps: Deps,
  actor: Actor,
  input: { personId?: string; programmeId?: string; programmeCode?: string },
): Promise<JourneyProgress> {
  const personId = input.personId ?? actor.personId;
  const db = deps.db.prisma;
  await assertCanActFor(db, actor, personId);
  const journey = await loadJourney(db, { id: input.programmeId, code: input.programmeCode });
  return progressOf(db, journey, personId);
}

export async function progressOf(
  db: DbClient,
  journey: Awaited<ReturnType<typeof loadJourney>>,
  personId: string,
): Promise<JourneyProgress> {
  const courseIds = journey.steps.map((s) => s.courseId);
  const [completions, enrollments] = await Promise.all([
    db.completion.groupBy({
      by: ['courseId'],
      where: { personId, courseId: { in: courseIds } },
      _max: { completedAt: true },
    }),
    db.enrollment.findMany({
      where: { personId, courseId: { in: courseIds }, source: 'journey' },
      orderBy: { createdAt: 'desc' },
    }),
  ]);
  const completedAt = new Map(completions.map((c) => [c.courseId, c._max.completedAt]));
  const statuses = stepStatuses(journey.steps, new Set(completedAt.keys()));
  const steps: JourneyStep[] = journey.steps.map((s, i) => ({
    position: s.position,
    courseId: s.courseId,
    courseCode: s.course.code,
    courseTitle: s.course.title,
    kind: s.course.kind,
    status: statuses[i]!,
    completedAt: completedAt.get(s.courseId) ?? null,
    dueAt: enrollments.find((e) => e.courseId === s.courseId)?.dueAt ?? null,
  }));
  const next = steps.find((s) => s.status === 'available') ?? null;
  return {
    programmeId: journey.id,
    code: journey.code,
    title: journey.title,
    description: journey.description,
    started: enrollments.length > 0,
    steps,
    next,
    finished: steps.every((s) => s.status === 'completed'),
  };
}
