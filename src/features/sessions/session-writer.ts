/**
 * Writes a new session with its days and instructors, checking venue and instructor
 * conflicts. Shared by schedule-session and schedule-series; call inside a transaction.
 */
import type { Prisma } from '../../generated/prisma/client.ts';
import type { InstructorRole } from '../../generated/prisma/enums.ts';
import type { DbClient } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';
import { parseAmount, parseCurrency } from '../costs/money.ts';
import { describeConflict, findInstructorConflicts, findVenueConflicts, type Conflict } from './conflicts.ts';
import type { DayInstants } from './local-dates.ts';
import { isUuid } from '../registrations/seat-store.ts';

export interface InstructorInput {
  personId: string;
  /** lead (default) or co; substitutes are per day, see assign-instructor. */
  role?: Exclude<InstructorRole, 'substitute'>;
  /** Fee as decimal text, with its currency. */
  fee?: string;
  currency?: string;
}

/** An explicit decision to schedule despite conflicts; recorded in the audit log. */
export interface ConflictOverride {
  reason: string;
}

export interface NewSessionSpec {
  courseId: string;
  timeZone: string;
  days: DayInstants[];
  capacity: number;
  venueId?: string | null;
  meetingUrl?: string | null;
  registrationCutoffAt?: Date | null;
  title?: string | null;
  programmeId?: string | null;
  cohort?: string | null;
  seriesId?: string | null;
  instructors: InstructorInput[];
  override?: ConflictOverride;
}

export interface WrittenSession {
  sessionId: string;
  dayIds: string[];
  /** Conflicts that were overridden (empty when there were none). */
  overriddenConflicts: Conflict[];
}

export function validateDays(days: DayInstants[], now: Date): DayInstants[] {
  if (days.length === 0) throw new AppError('VALIDATION', 'A session needs at least one day.');
  const sorted = [...days].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const [i, day] of sorted.entries()) {
    if (Number.isNaN(day.startsAt.getTime()) || Number.isNaN(day.endsAt.getTime())) {
      throw new AppError('VALIDATION', 'A session day has an invalid date.');
    }
    if (day.endsAt <= day.startsAt)
      throw new AppError('VALIDATION', 'Each session day must end after it starts.');
    if (i > 0 && day.startsAt < sorted[i - 1]!.endsAt)
      throw new AppError('VALIDATION', 'Two days of the session overlap.');
  }
  if (sorted[0]!.startsAt <= now)
    throw new AppError('VALIDATION', 'A session cannot be scheduled in the past.');
  return sorted;
}

/** No room or online session seats more; a bigger number is a typing mistake. */
export const MAX_CAPACITY = 10_000;

export function validateCapacity(capacity: number, venueCapacity?: number): void {
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY)
    throw new AppError(
      'VALIDATION',
      `Capacity must be a whole number of at least 1 and at most ${MAX_CAPACITY.toLocaleString('en-GB')}.`,
    );
  if (venueCapacity !== undefined && capacity > venueCapacity) {
    throw new AppError(
      'VALIDATION',
      `The venue holds at most ${venueCapacity} people; capacity ${capacity} is too many.`,
    );
  }
}

export async function assertInstructor(
  db: DbClient,
  personId: string,
): Promise<{ id: string; name: string }> {
  const person = isUuid(personId)
    ? await db.person.findUnique({
        where: { id: personId },
        select: { id: true, name: true, roles: true, status: true },
      })
    : null;
  if (person?.status !== 'active') throw new AppError('NOT_FOUND', 'That instructor does not exist.');
  if (!person.roles.includes('instructor'))
    throw new AppError('VALIDATION', `${person.name} is not an instructor.`);
  return person;
}

/** Throws INSTRUCTOR_CONFLICT / VENUE_CONFLICT unless overridden; returns what was overridden. */
export function resolveConflicts(
  conflicts: Conflict[],
  override: ConflictOverride | undefined,
  who: string,
  timeZone: string,
): Conflict[] {
  if (conflicts.length === 0) return [];
  if (override?.reason.trim()) return conflicts;
  const first = conflicts[0]!;
  const code = first.kind === 'venue' ? 'VENUE_CONFLICT' : 'INSTRUCTOR_CONFLICT';
  throw new AppError(
    code,
    `${who} ${describeConflict(first, timeZone)}${conflicts.length > 1 ? ` (and ${conflicts.length - 1} more)` : ''}. Pass an override with a reason to schedule anyway.`,
    {
      conflicts,
    },
  );
}

export async function writeSession(
  tx: DbClient,
  actor: Actor,
  spec: NewSessionSpec,
  now: Date,
): Promise<WrittenSession> {
  const days = validateDays(spec.days, now);
  const course = isUuid(spec.courseId)
    ? await tx.course.findUnique({
        where: { id: spec.courseId },
        select: { id: true, active: true, title: true },
      })
    : null;
  if (!course?.active) throw new AppError('NOT_FOUND', 'That course does not exist or is retired.');
  let venueCapacity: number | undefined;
  if (spec.venueId) {
    const venue = isUuid(spec.venueId) ? await tx.venue.findUnique({ where: { id: spec.venueId } }) : null;
    if (!venue?.active) throw new AppError('NOT_FOUND', 'That venue does not exist.');
    venueCapacity = venue.capacity;
  }
  validateCapacity(spec.capacity, venueCapacity);
  const lastEnd = days[days.length - 1]!.endsAt;
  if (spec.registrationCutoffAt && spec.registrationCutoffAt > lastEnd) {
    throw new AppError('VALIDATION', 'The registration cut-off must be before the session ends.');
  }
  if (spec.instructors.length === 0)
    throw new AppError('VALIDATION', 'A session needs at least one instructor.');
  if (new Set(spec.instructors.map((i) => i.personId)).size !== spec.instructors.length) {
    throw new AppError('VALIDATION', 'The same instructor is listed twice.');
  }

  const overridden: Conflict[] = [];
  if (spec.venueId) {
    overridden.push(
      ...resolveConflicts(
        await findVenueConflicts(tx, spec.venueId, days),
        spec.override,
        'The venue',
        spec.timeZone,
      ),
    );
  }
  const instructorRows: Prisma.SessionInstructorCreateManyInput[] = [];
  for (const input of spec.instructors) {
    const person = await assertInstructor(tx, input.personId);
    const conflicts = await findInstructorConflicts(tx, person.id, days);
    overridden.push(...resolveConflicts(conflicts, spec.override, person.name, spec.timeZone));
    const fee = input.fee !== undefined ? parseAmount(input.fee) : null;
    if (fee && !input.currency) throw new AppError('VALIDATION', 'An instructor fee needs a currency.');
    instructorRows.push({
      sessionId: '',
      personId: person.id,
      role: input.role ?? 'lead',
      fee,
      currency: input.currency ? parseCurrency(input.currency) : null,
      conflictOverridden: conflicts.length > 0,
    });
  }

  const session = await tx.session.create({
    data: {
      courseId: course.id,
      programmeId: spec.programmeId ?? null,
      cohort: spec.cohort ?? null,
      seriesId: spec.seriesId ?? null,
      title: spec.title ?? null,
      startsAt: days[0]!.startsAt,
      endsAt: lastEnd,
      timeZone: spec.timeZone,
      venueId: spec.venueId ?? null,
      meetingUrl: spec.meetingUrl ?? null,
      capacity: spec.capacity,
      registrationCutoffAt: spec.registrationCutoffAt ?? null,
      createdById: actorIdOf(actor),
    },
  });
  const dayIds: string[] = [];
  for (const [dayIndex, day] of days.entries()) {
    const created = await tx.sessionDay.create({
      data: { sessionId: session.id, dayIndex, startsAt: day.startsAt, endsAt: day.endsAt },
    });
    dayIds.push(created.id);
  }
  await tx.sessionInstructor.createMany({
    data: instructorRows.map((row) => ({ ...row, sessionId: session.id })),
  });

  await recordAudit(tx, {
    actorId: actorIdOf(actor),
    action: 'session.scheduled',
    entityType: 'Session',
    entityId: session.id,
    after: {
      ...session,
      days,
      instructors: instructorRows.map((r) => ({ personId: r.personId, role: r.role })),
    },
  });
  if (overridden.length > 0) {
    await recordAudit(tx, {
      actorId: actorIdOf(actor),
      action: 'session.conflict_overridden',
      entityType: 'Session',
      entityId: session.id,
      after: { reason: spec.override!.reason, conflicts: overridden },
    });
  }
  return { sessionId: session.id, dayIds, overriddenConflicts: overridden };
}
