/**
 * The ONE answer to "what does this person owe, and in what state": per person × requirement
 * (the compliance SQL, see compliance-sql.ts) and per person × assigned course (this file),
 * each course's state reconciled with the requirements that cover it, so my learning, launch,
 * the team view, reports and reminders can never contradict each other.
 *
 * Course rules, in order:
 * - settled (completed / compliant / expiring) by a completion on or after the assignment
 *   that has not expired at asOf; when a requirement counts that completion as evidence, the
 *   requirement's expiry (its validityMonths) is the one used, as the team view uses it;
 * - an expired completion makes the course owed again from the day it expired (or, when a
 *   requirement counts it, from the requirement's deadline: expiry + grace, so the course turns
 *   overdue on the day the requirement does), never from an older due date; a valid one
 *   pushes a due date forward to its expiry;
 * - overdue past the due date; in_progress with an attempt or an upcoming booking; else due.
 */
import type { Deps } from '../../deps.ts';
import type { CourseKind, EnrollmentSource } from '../../generated/prisma/enums.ts';
import type { Actor } from '../people/actor.ts';
import { EXPIRING_WITHIN_DAYS, type ComplianceScope } from './compliance-sql.ts';
import { complianceStatus, type ComplianceRow } from './compliance-status.ts';

export const OWED_STATES = ['due', 'overdue', 'in_progress', 'expiring', 'compliant', 'completed'] as const;
export type OwedState = (typeof OWED_STATES)[number];

/** States in which nothing is owed (yet) for the course. */
export const SETTLED_STATES: ReadonlySet<OwedState> = new Set(['expiring', 'compliant', 'completed']);

export interface OwedCourse {
  personId: string;
  enrollmentId: string;
  courseId: string;
  courseCode: string;
  courseTitle: string;
  kind: CourseKind;
  source: EnrollmentSource;
  assignedAt: Date;
  state: OwedState;
  /** Deadline for owed states; for settled ones, when the evidence expires (null = never). */
  dueAt: Date | null;
  /** The completion that settles it, or the expired one that made it owed again. */
  evidence: { completionId: string; completedAt: Date; expiresAt: Date | null } | null;
  /** 0–100 from the latest SCORM attempt, when there is one. */
  progressPercent: number | null;
  /** A live booking on an upcoming session of the course. */
  booked: boolean;
}

export interface Owed {
  asOf: Date;
  scope: ComplianceScope;
  /** Per person × requirement, exactly the rows complianceStatus returns (applicable only). */
  requirements: ComplianceRow[];
  /** Per person × active assignment; only for 'person' and 'people' scopes (see owedBy). */
  courses: OwedCourse[];
}

export interface OwedByInput {
  scope: ComplianceScope;
  asOf?: Date;
}

/**
 * Requirements for any scope the actor may see; assigned courses only for a person or a
 * named set of people, since a whole organisation's assignments belong in a report, not in
 * memory.
 */
export async function owedBy(deps: Deps, actor: Actor, input: OwedByInput): Promise<Owed> {
  const asOf = input.asOf ?? deps.clock.now();
  const status = await complianceStatus(deps, actor, {
    scope: input.scope,
    asOf,
    includeNotApplicable: false,
  });
  const personIds =
    input.scope.kind === 'person'
      ? [input.scope.personId]
      : input.scope.kind === 'people'
        ? input.scope.personIds
        : [];
  const courses = personIds.length ? await owedCourses(deps, personIds, asOf, status.rows) : [];
  return { asOf, scope: input.scope, requirements: status.rows, courses };
}

async function owedCourses(
  deps: Deps,
  personIds: string[],
  asOf: Date,
  requirements: ComplianceRow[],
): Promise<OwedCourse[]> {
  const db = deps.db.prisma;
  const [enrollments, completions, attempts, bookings] = await Promise.all([
    db.enrollment.findMany({
      where: { personId: { in: personIds }, status: 'active' },
      orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
      include: { course: { select: { code: true, title: true, kind: true } } },
    }),
    db.completion.findMany({
      where: { personId: { in: personIds }, completedAt: { lte: asOf } },
      orderBy: [{ personId: 'asc' }, { courseId: 'asc' }, { completedAt: 'desc' }],
      distinct: ['personId', 'courseId'],
      select: { id: true, personId: true, courseId: true, completedAt: true, expiresAt: true },
    }),
    db.attempt.findMany({
      where: { personId: { in: personIds }, courseId: { not: null } },
      orderBy: [{ personId: 'asc' }, { courseId: 'asc' }, { lastActivityAt: 'desc' }],
      distinct: ['personId', 'courseId'],
      select: { personId: true, courseId: true, progress: true },
    }),
    db.registration.findMany({
      where: {
        personId: { in: personIds },
        status: { in: ['confirmed', 'waitlisted', 'offered', 'pending_approval'] },
        session: { endsAt: { gt: asOf } },
      },
      select: { personId: true, session: { select: { courseId: true } } },
    }),
  ]);
  const key = (personId: string, courseId: string) => `${personId}:${courseId}`;
  const latest = new Map(completions.map((c) => [key(c.personId, c.courseId), c]));
  const attemptOf = new Map(attempts.map((a) => [key(a.personId, a.courseId ?? ''), a]));
  const booked = new Set(bookings.map((b) => key(b.personId, b.session.courseId)));
  // The requirement's view of a completion's expiry (validityMonths), where one counts it.
  const requirementExpiry = new Map<string, Date | null>();
  for (const row of requirements)
    for (const e of row.evidence)
      if (e.completionId) {
        const seen = requirementExpiry.get(e.completionId);
        const next =
          seen === undefined ? e.expiresAt : seen && e.expiresAt && e.expiresAt < seen ? e.expiresAt : seen;
        requirementExpiry.set(e.completionId, next);
      }
  // The requirement's deadline for a lapse it counts (expiry + grace), the earliest if several.
  const requirementDeadline = new Map<string, Date>();
  for (const row of requirements)
    if (row.dueAt && (row.status === 'due' || row.status === 'overdue'))
      for (const e of row.evidence)
        if (e.completionId) {
          const seen = requirementDeadline.get(e.completionId);
          if (!seen || row.dueAt < seen) requirementDeadline.set(e.completionId, row.dueAt);
        }
  const expiringLimit = new Date(asOf.getTime() + EXPIRING_WITHIN_DAYS * 86_400_000);

  return enrollments.map((e) => {
    const k = key(e.personId, e.courseId);
    const done = latest.get(k);
    const doneExpiry = done
      ? requirementExpiry.has(done.id)
        ? (requirementExpiry.get(done.id) ?? null)
        : done.expiresAt
      : null;
    const attempt = attemptOf.get(k);
    const base = {
      personId: e.personId,
      enrollmentId: e.id,
      courseId: e.courseId,
      courseCode: e.course.code,
      courseTitle: e.course.title,
      kind: e.course.kind,
      source: e.source,
      assignedAt: e.createdAt,
      evidence: done ? { completionId: done.id, completedAt: done.completedAt, expiresAt: doneExpiry } : null,
      progressPercent: attempt?.progress != null ? Math.round(Number(attempt.progress) * 100) : null,
      booked: booked.has(k),
    };
    if (done && done.completedAt >= e.createdAt && (!doneExpiry || doneExpiry > asOf)) {
      const state: OwedState = !doneExpiry
        ? 'completed'
        : doneExpiry <= expiringLimit
          ? 'expiring'
          : 'compliant';
      return { ...base, state, dueAt: doneExpiry };
    }
    let dueAt = e.dueAt;
    if (done && doneExpiry && doneExpiry <= asOf) {
      const lapse = requirementDeadline.get(done.id) ?? doneExpiry;
      if (lapse > (dueAt ?? new Date(0))) dueAt = lapse;
    }
    if (done && doneExpiry && doneExpiry > asOf && dueAt && dueAt < doneExpiry) dueAt = doneExpiry;
    const state: OwedState =
      dueAt && dueAt < asOf ? 'overdue' : attempt || base.booked ? 'in_progress' : 'due';
    return { ...base, state, dueAt };
  });
}
