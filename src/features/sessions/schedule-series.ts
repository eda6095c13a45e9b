/**
 * Schedules a recurring series ("every Tuesday 09:00–12:00 for 4 weeks in Room 2 with Dana
 * and Lee, 12 seats"): one SessionSeries row keeping the rule, one Session per occurrence,
 * generated on the calendar of the series' zone. All or nothing: a conflict on any date
 * (without an override) schedules none. Per-date substitutes replace an instructor on one
 * date only.
 */
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { assertAdmin } from '../people/authorize.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import {
  describeRecurrence,
  expandRecurrence,
  parseRecurrenceRule,
  type RecurrenceRule,
} from './recurrence.ts';
import { writeSession, type ConflictOverride, type InstructorInput } from './session-writer.ts';
import { addInstructorRow } from './assign-instructor.ts';
import { cutoffFrom, resolveZone } from './schedule-session.ts';
import { formatLocalDate, parseLocalDate } from './local-dates.ts';

export interface SubstituteInput {
  /** Local date (YYYY-MM-DD) of the occurrence. */
  date: string;
  /** The series instructor who is away that date. */
  replacesPersonId: string;
  personId: string;
}

export interface ScheduleSeriesInput {
  courseId: string;
  rule: RecurrenceRule;
  timeZone?: string;
  capacity: number;
  venueId?: string;
  meetingUrl?: string;
  registrationCutoffHours?: number;
  title?: string;
  instructors: InstructorInput[];
  substitutes?: SubstituteInput[];
  override?: ConflictOverride;
}

export interface ScheduleSeriesResult {
  kind: 'scheduled';
  seriesId: string;
  description: string;
  sessions: { sessionId: string; date: string; startsAt: Date; endsAt: Date }[];
  skippedDates: string[];
}

export async function scheduleSeries(
  deps: Deps,
  actor: Actor,
  input: ScheduleSeriesInput,
): Promise<ScheduleSeriesResult> {
  assertAdmin(actor, 'schedule sessions');
  const now = deps.clock.now();
  if (!input.venueId && !input.meetingUrl)
    throw new AppError('VALIDATION', 'A session needs a venue or a meeting link.');
  return inTransaction(deps.db.prisma, async (tx) => {
    const timeZone = await resolveZone(tx, input.timeZone, input.venueId);
    const rule = parseRecurrenceRule(input.rule);
    const { occurrences, skipped } = expandRecurrence(rule, timeZone);
    const description = describeRecurrence(rule);
    const substitutes = (input.substitutes ?? []).map((s) => ({
      ...s,
      date: formatLocalDate(parseLocalDate(s.date)),
    }));
    for (const sub of substitutes) {
      if (!occurrences.some((o) => o.date === sub.date))
        throw new AppError('VALIDATION', `The series has no session on ${sub.date}.`);
      if (!input.instructors.some((i) => i.personId === sub.replacesPersonId)) {
        throw new AppError('VALIDATION', 'A substitute must replace one of the series instructors.');
      }
    }

    const series = await tx.sessionSeries.create({
      data: {
        courseId: input.courseId,
        rule: rule as unknown as Prisma.InputJsonValue,
        description,
        timeZone,
        createdById: actorIdOf(actor),
      },
    });
    const sessions: ScheduleSeriesResult['sessions'] = [];
    for (const occurrence of occurrences) {
      // The away instructor is not checked for conflicts on that date: they are not teaching.
      const away = new Set(
        substitutes.filter((s) => s.date === occurrence.date).map((s) => s.replacesPersonId),
      );
      const written = await writeSession(
        tx,
        actor,
        {
          courseId: input.courseId,
          timeZone,
          days: [occurrence],
          capacity: input.capacity,
          venueId: input.venueId,
          meetingUrl: input.meetingUrl,
          registrationCutoffAt: cutoffFrom([occurrence], input.registrationCutoffHours),
          title: input.title,
          seriesId: series.id,
          instructors: input.instructors.filter((i) => !away.has(i.personId)),
          override: input.override,
        },
        now,
      );
      for (const sub of substitutes.filter((s) => s.date === occurrence.date)) {
        await addInstructorRow(tx, actor, {
          sessionId: written.sessionId,
          personId: sub.personId,
          role: 'substitute',
          dayIndex: 0,
          override: input.override,
        });
      }
      sessions.push({
        sessionId: written.sessionId,
        date: occurrence.date,
        startsAt: occurrence.startsAt,
        endsAt: occurrence.endsAt,
      });
    }
    await recordAudit(tx, {
      actorId: actorIdOf(actor),
      action: 'series.scheduled',
      entityType: 'SessionSeries',
      entityId: series.id,
      after: { rule, timeZone, sessions: sessions.map((s) => s.sessionId), skipped },
    });
    return { kind: 'scheduled', seriesId: series.id, description, sessions, skippedDates: skipped };
  });
}
