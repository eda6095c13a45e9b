/**
 * Schedules one session of a course: one or more days typed in the session's zone, a venue
 * or meeting link, capacity, registration cut-off and instructors. Admin only.
 */
import type { Deps } from '../../deps.ts';
import { inTransaction, type DbClient } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { assertAdmin } from '../people/authorize.ts';
import type { Actor } from '../people/actor.ts';
import { assertTimeZone, localDayToInstants, type DayInstants, type LocalDayInput } from './local-dates.ts';
import { writeSession, type ConflictOverride, type InstructorInput } from './session-writer.ts';
import type { Conflict } from './conflicts.ts';
import { isUuid } from '../registrations/seat-store.ts';

export interface ScheduleSessionInput {
  courseId: string;
  /** IANA zone the session is held in; defaults to the venue's zone. */
  timeZone?: string;
  /** Days as local date + times in `timeZone`, or as instants. */
  days: (LocalDayInput | DayInstants)[];
  capacity: number;
  venueId?: string;
  meetingUrl?: string;
  /** Registration closes this many hours before the start (null/absent = at the start). */
  registrationCutoffHours?: number;
  title?: string;
  programmeId?: string;
  /** Sessions of one programme with the same cohort label are booked together. */
  cohort?: string;
  instructors: InstructorInput[];
  override?: ConflictOverride;
}

export interface ScheduleSessionResult {
  kind: 'scheduled';
  sessionId: string;
  dayIds: string[];
  overriddenConflicts: Conflict[];
}

export async function scheduleSession(
  deps: Deps,
  actor: Actor,
  input: ScheduleSessionInput,
): Promise<ScheduleSessionResult> {
  assertAdmin(actor, 'schedule sessions');
  const now = deps.clock.now();
  if (!input.venueId && !input.meetingUrl)
    throw new AppError('VALIDATION', 'A session needs a venue or a meeting link.');
  return inTransaction(deps.db.prisma, async (tx) => {
    const timeZone = await resolveZone(tx, input.timeZone, input.venueId);
    const days = input.days.map((d) => ('date' in d ? localDayToInstants(d, timeZone) : d));
    const written = await writeSession(
      tx,
      actor,
      {
        courseId: input.courseId,
        timeZone,
        days,
        capacity: input.capacity,
        venueId: input.venueId,
        meetingUrl: input.meetingUrl,
        registrationCutoffAt: cutoffFrom(days, input.registrationCutoffHours),
        title: input.title,
        programmeId: input.programmeId,
        cohort: input.cohort,
        instructors: input.instructors,
        override: input.override,
      },
      now,
    );
    return { kind: 'scheduled', ...written };
  });
}

/** The session's zone: as given, or the venue's. */
export async function resolveZone(
  tx: DbClient,
  timeZone: string | undefined,
  venueId: string | undefined,
): Promise<string> {
  if (timeZone) {
    assertTimeZone(timeZone);
    return timeZone;
  }
  if (venueId) {
    const venue = isUuid(venueId)
      ? await tx.venue.findUnique({ where: { id: venueId }, select: { timeZone: true } })
      : null;
    if (!venue) throw new AppError('NOT_FOUND', 'That venue does not exist.');
    return venue.timeZone;
  }
  throw new AppError('VALIDATION', 'Say which time zone the session is held in (or pick a venue).');
}

export function cutoffFrom(days: DayInstants[], hours: number | undefined): Date | null {
  if (hours === undefined || hours === null) return null;
  if (!Number.isFinite(hours) || hours < 0)
    throw new AppError('VALIDATION', 'The registration cut-off must be zero or more hours.');
  const first = Math.min(...days.map((d) => d.startsAt.getTime()));
  return new Date(first - hours * 3_600_000);
}
