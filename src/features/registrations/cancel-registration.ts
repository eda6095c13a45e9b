/**
 * Cancels a booking, a place on the waitlist, a pending request or an open offer. The
 * learner and their managers must do it before the course's cancellation deadline; an
 * admin may do it any time before the start. A freed seat goes to the first waitlisted
 * person in this same transaction, so no seat is ever lost between two transactions.
 */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { enqueueNotification } from '../notifications/enqueue-notification.ts';
import { isAdmin, type Actor } from '../people/actor.ts';
import { fillFreedSeats, type SeatFill } from './fill-freed-seats.ts';
import { transition } from './registration-history.ts';
import { findRegistration, loadRegistrationFor } from './registration-access.ts';
import { SEAT_HOLDING, lockSessionOrThrow } from './seat-store.ts';
import { when, zonesOf } from './notification-text.ts';

export interface CancelRegistrationInput {
  registrationId: string;
  reason?: string;
}

export interface CancelRegistrationResult {
  kind: 'cancelled';
  registrationId: string;
  sessionId: string;
  /** True when the cancelled registration held a seat. */
  freedSeat: boolean;
  /** Who got the freed seat (promoted or offered), in order. */
  fills: SeatFill[];
}

const CANCELLABLE = ['confirmed', 'pending_approval', 'offered', 'waitlisted'] as const;

export async function cancelRegistration(
  deps: Deps,
  actor: Actor,
  input: CancelRegistrationInput,
): Promise<CancelRegistrationResult> {
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > 500)
    throw new AppError('VALIDATION', 'Keep the reason under 500 characters.');
  return inTransaction(deps.db.prisma, async (tx) => {
    const seen = await loadRegistrationFor(tx, actor, input.registrationId);
    const session = await lockSessionOrThrow(tx, seen.sessionId);
    // Re-read under the lock: a promotion or another cancel may have just changed it.
    const registration = await findRegistration(tx, seen.id);
    if (registration.sessionId !== session.id)
      throw new AppError('CONFLICT', 'That booking was just moved to another session; try again.');
    if (!(CANCELLABLE as readonly string[]).includes(registration.status)) {
      throw new AppError(
        'INVALID_STATE',
        `That booking is ${registration.status.replace('_', ' ')} and cannot be cancelled.`,
      );
    }
    const now = deps.clock.now();
    if (session.startsAt <= now)
      throw new AppError(
        'SESSION_CLOSED',
        'That session has already started; ask the instructor to mark attendance instead.',
      );
    const deadline = new Date(
      session.startsAt.getTime() - session.course.cancellationDeadlineHours * 3_600_000,
    );
    if (registration.status === 'confirmed' && now >= deadline && !isAdmin(actor)) {
      throw new AppError(
        'DEADLINE_PASSED',
        `Bookings on ${session.course.title} can only be cancelled up to ${session.course.cancellationDeadlineHours} hours before the start; please ask an admin.`,
        { deadline },
      );
    }
    const freedSeat = SEAT_HOLDING.includes(registration.status);
    await transition(tx, actor, registration, {
      to: 'cancelled',
      action: 'registration.cancelled',
      reason,
      data: { cancelReason: reason, offerExpiresAt: null },
    });
    if (actor.personId !== registration.personId) {
      await enqueueNotification(tx, {
        kind: 'registration.cancelled',
        recipientId: registration.personId,
        dueAt: now,
        payload: {
          registrationId: registration.id,
          sessionId: session.id,
          courseTitle: session.course.title,
          reason,
          byName: actor.name,
          text: `${actor.name} cancelled your place on ${session.course.title} (${when(session, (await zonesOf(tx, [registration.personId])).get(registration.personId))})${reason ? `: ${reason}` : '.'}`,
        },
        dedupeKey: `registration-cancelled:${registration.id}:${session.id}`,
      });
    }
    const fills = freedSeat ? await fillFreedSeats(tx, deps.clock, actor, session) : [];
    return { kind: 'cancelled', registrationId: registration.id, sessionId: session.id, freedSeat, fills };
  });
}
