/**
 * When a seat frees up (cancellation, declined approval, raised capacity, expired offer),
 * the first waitlisted person gets it in the same transaction: confirmed outright, or
 * offered with a hold time when the course asks for offers. Close to the start (the
 * course's waitlistCutoffHours) nobody is promoted automatically any more, because a
 * seat confirmed an hour before is a seat nobody turns up to.
 */
import type { DbClient } from '../../db/transaction.ts';
import type { Clock } from '../../shared/clock.ts';
import { enqueueNotification } from '../notifications/enqueue-notification.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';
import { countSeatsTaken, type LockedSession } from './seat-store.ts';
import { findClash } from './booking-rules.ts';
import { instant, offerButtons, when, zonesOf } from './notification-text.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { transition, wasApproved, wasSelfBooked } from './registration-history.ts';

export type SeatFill =
  | { kind: 'promoted'; registrationId: string; personId: string }
  | { kind: 'promoted_pending_approval'; registrationId: string; personId: string }
  | { kind: 'offered'; registrationId: string; personId: string; offerExpiresAt: Date };

const HOUR = 3_600_000;

/** True when it is too late for the waitlist to move on its own. */
export function pastWaitlistCutoff(session: LockedSession, now: Date): boolean {
  return now.getTime() >= session.startsAt.getTime() - session.course.waitlistCutoffHours * HOUR;
}

/** Call with the session locked, after the change that freed seats. */
export async function fillFreedSeats(
  tx: DbClient,
  clock: Clock,
  actor: Actor,
  session: LockedSession,
): Promise<SeatFill[]> {
  const now = clock.now();
  if (session.status !== 'scheduled' || pastWaitlistCutoff(session, now)) return [];
  let free = session.capacity - (await countSeatsTaken(tx, session.id));
  const fills: SeatFill[] = [];
  if (free <= 0) return fills;
  const queue = await tx.registration.findMany({
    where: { sessionId: session.id, status: 'waitlisted' },
    orderBy: { waitlistTicket: 'asc' },
  });
  for (const next of queue) {
    if (free <= 0) break;
    // Waitlists may overlap (people queue for alternatives), but a seat must not create a
    // double booking: someone now booked elsewhere at that time keeps their place and is passed over.
    const clash = await findClash(tx, session.id, next.personId);
    if (clash) {
      await recordAudit(tx, {
        actorId: actorIdOf(actor),
        action: 'registration.promotion_skipped_clash',
        entityType: 'Registration',
        entityId: next.id,
        after: { clashingSessionId: clash.sessionId },
      });
      continue;
    }
    const payload = {
      sessionId: session.id,
      courseTitle: session.course.title,
      startsAt: session.startsAt.toISOString(),
      timeZone: session.timeZone,
    };
    const zone = (await zonesOf(tx, [next.personId])).get(next.personId) ?? session.timeZone;
    if (session.course.waitlistMode === 'offer') {
      const offerExpiresAt = new Date(
        Math.min(now.getTime() + session.course.offerHoldHours * HOUR, session.startsAt.getTime()),
      );
      await transition(tx, actor, next, {
        to: 'offered',
        action: 'registration.offered',
        reason: 'seat freed',
        data: { offerExpiresAt },
      });
      await enqueueNotification(tx, {
        kind: 'registration.offered',
        recipientId: next.personId,
        dueAt: now,
        payload: {
          ...payload,
          registrationId: next.id,
          offerExpiresAt: offerExpiresAt.toISOString(),
          text: `A seat is free on ${session.course.title} (${when(session, zone)}). It is held for you until ${instant(offerExpiresAt, zone)}.`,
          buttons: offerButtons(next.id),
        },
        dedupeKey: `registration-offered:${next.id}:${session.id}`,
      });
      fills.push({ kind: 'offered', registrationId: next.id, personId: next.personId, offerExpiresAt });
    } else {
      const needsApproval =
        session.course.needsManagerApproval &&
        (await wasSelfBooked(tx, next.id, next.personId)) &&
        !(await wasApproved(tx, next.id));
      const to = needsApproval ? 'pending_approval' : 'confirmed';
      await transition(tx, actor, next, { to, action: 'registration.promoted', reason: 'seat freed' });
      await enqueueNotification(tx, {
        kind: 'registration.promoted',
        recipientId: next.personId,
        dueAt: now,
        payload: {
          ...payload,
          registrationId: next.id,
          status: to,
          text: needsApproval
            ? `A seat opened up on ${session.course.title} (${when(session, zone)}). It is held for you while your manager approves.`
            : `Good news: a seat opened up and you are now booked on ${session.course.title} (${when(session, zone)}).`,
        },
        dedupeKey: `registration-promoted:${next.id}:${session.id}`,
      });
      fills.push({
        kind: needsApproval ? 'promoted_pending_approval' : 'promoted',
        registrationId: next.id,
        personId: next.personId,
      });
    }
    free -= 1;
  }
  return fills;
}
