/**
 * Moves a session to new days/times. Registrations stay (people are told through the
 * outbox); days are updated in place by index so attendance and per-day instructors keep
 * their links; instructor and venue conflicts are checked again at the new times, and
 * the registration cut-off moves by the same amount as the start.
 */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { enqueueNotification } from '../notifications/enqueue-notification.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { LIVE, lockSessionOrThrow } from '../registrations/seat-store.ts';
import { when, zonesOf } from '../registrations/notification-text.ts';
import { findInstructorConflicts, findVenueConflicts, type Conflict } from './conflicts.ts';
import { localDayToInstants, type DayInstants, type LocalDayInput } from './local-dates.ts';
import { resolveConflicts, validateDays, type ConflictOverride } from './session-writer.ts';

export interface RescheduleSessionInput {
  sessionId: string;
  /** The new days, in the session's zone (or as instants). */
  days: (LocalDayInput | DayInstants)[];
  /** Move to another venue at the same time (optional). */
  venueId?: string;
  override?: ConflictOverride;
}

export interface RescheduleSessionResult {
  kind: 'rescheduled';
  sessionId: string;
  startsAt: Date;
  endsAt: Date;
  notified: number;
  overriddenConflicts: Conflict[];
}

export async function rescheduleSession(
  deps: Deps,
  actor: Actor,
  input: RescheduleSessionInput,
): Promise<RescheduleSessionResult> {
  assertAdmin(actor, 'reschedule a session');
  return inTransaction(deps.db.prisma, async (tx) => {
    const session = await lockSessionOrThrow(tx, input.sessionId);
    const now = deps.clock.now();
    if (session.status !== 'scheduled')
      throw new AppError('SESSION_CLOSED', 'Only a scheduled session can be moved.');
    if (session.startsAt <= now) throw new AppError('SESSION_CLOSED', 'That session has already started.');
    const days = validateDays(
      input.days.map((d) => ('date' in d ? localDayToInstants(d, session.timeZone) : d)),
      now,
    );
    const current = await tx.session.findUniqueOrThrow({
      where: { id: session.id },
      include: {
        days: { orderBy: { dayIndex: 'asc' } },
        instructors: { include: { person: { select: { name: true } } } },
      },
    });
    const venueId = input.venueId ?? current.venueId;
    const overridden: Conflict[] = [];
    if (venueId)
      overridden.push(
        ...resolveConflicts(
          await findVenueConflicts(tx, venueId, days, session.id),
          input.override,
          'The venue',
          session.timeZone,
        ),
      );
    for (const instructor of current.instructors) {
      // A per-day instructor is checked against the new time of their day only.
      const dayIndex = instructor.sessionDayId
        ? current.days.find((d) => d.id === instructor.sessionDayId)?.dayIndex
        : undefined;
      const covered = dayIndex === undefined ? days : days[dayIndex] ? [days[dayIndex]] : [];
      const conflicts = await findInstructorConflicts(tx, instructor.personId, covered, session.id);
      overridden.push(
        ...resolveConflicts(conflicts, input.override, instructor.person.name, session.timeZone),
      );
    }
    // Update days in place (so their attendance and per-day instructors stay linked), add or drop the rest.
    for (const [index, day] of days.entries()) {
      const existing = current.days[index];
      if (existing)
        await tx.sessionDay.update({
          where: { id: existing.id },
          data: { startsAt: day.startsAt, endsAt: day.endsAt },
        });
      else
        await tx.sessionDay.create({
          data: { sessionId: session.id, dayIndex: index, startsAt: day.startsAt, endsAt: day.endsAt },
        });
    }
    const dropped = current.days.slice(days.length);
    if (dropped.length > 0)
      await tx.sessionDay.deleteMany({ where: { id: { in: dropped.map((d) => d.id) } } });

    const startsAt = days[0]!.startsAt;
    const endsAt = days[days.length - 1]!.endsAt;
    const shift = startsAt.getTime() - current.startsAt.getTime();
    const registrationCutoffAt = current.registrationCutoffAt
      ? new Date(current.registrationCutoffAt.getTime() + shift)
      : null;
    await tx.session.update({
      where: { id: session.id },
      data: { startsAt, endsAt, venueId, registrationCutoffAt },
    });
    await recordAudit(tx, {
      actorId: actorIdOf(actor),
      action: 'session.rescheduled',
      entityType: 'Session',
      entityId: session.id,
      before: {
        startsAt: current.startsAt,
        endsAt: current.endsAt,
        venueId: current.venueId,
        days: current.days,
      },
      after: { startsAt, endsAt, venueId, days, droppedDays: dropped.map((d) => d.dayIndex) },
    });
    if (overridden.length > 0) {
      await recordAudit(tx, {
        actorId: actorIdOf(actor),
        action: 'session.conflict_overridden',
        entityType: 'Session',
        entityId: session.id,
        after: { reason: input.override!.reason, conflicts: overridden },
      });
    }
    const registrants = await tx.registration.findMany({
      where: { sessionId: session.id, status: { in: LIVE } },
      select: { id: true, personId: true },
    });
    const zones = await zonesOf(
      tx,
      registrants.map((r) => r.personId),
    );
    for (const r of registrants) {
      await enqueueNotification(tx, {
        kind: 'session.rescheduled',
        recipientId: r.personId,
        dueAt: now,
        payload: {
          sessionId: session.id,
          registrationId: r.id,
          courseTitle: session.course.title,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          timeZone: session.timeZone,
          text: `${session.course.title} has moved to ${when({ startsAt, endsAt, timeZone: session.timeZone }, zones.get(r.personId))}. Your booking stays; cancel it if the new time does not suit you.`,
        },
        dedupeKey: `session-rescheduled:${session.id}:${r.personId}:${startsAt.toISOString()}`,
      });
    }
    return {
      kind: 'rescheduled',
      sessionId: session.id,
      startsAt,
      endsAt,
      notified: registrants.length,
      overriddenConflicts: overridden,
    };
  });
}
