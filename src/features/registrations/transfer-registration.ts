/**
 * "Move me to next week's": moves a registration to another session of the same course.
 * The same row moves, so its history (RegistrationEvent) stays in one place. Both sessions
 * are locked (in id order, so two opposite transfers cannot deadlock); the seat freed on
 * the old session goes to its waitlist in the same transaction.
 */
import type { Channel } from '../../shared/channel.ts';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { actorIdOf, isAdmin, type Actor } from '../people/actor.ts';
import { enqueueNotification } from '../notifications/enqueue-notification.ts';
import { when, zonesOf } from './notification-text.ts';
import { assertBookable, assertNoClash, assertNotAlreadyBooked } from './booking-rules.ts';
import { fillFreedSeats, type SeatFill } from './fill-freed-seats.ts';
import { transition } from './registration-history.ts';
import { findRegistration, loadRegistrationFor } from './registration-access.ts';
import {
  SEAT_HOLDING,
  countSeatsTaken,
  drawWaitlistTicket,
  lockSessions,
  waitlistPlace,
} from './seat-store.ts';

export interface TransferRegistrationInput {
  registrationId: string;
  toSessionId: string;
  /** When the other session is full: join its waitlist (giving up the current seat) instead of staying put. */
  joinWaitlistIfFull?: boolean;
  reason?: string;
  channel?: Channel;
}

export type TransferRegistrationResult =
  | {
      kind: 'transferred';
      registrationId: string;
      fromSessionId: string;
      toSessionId: string;
      status: 'confirmed' | 'pending_approval';
      fills: SeatFill[];
    }
  | {
      kind: 'waitlisted';
      registrationId: string;
      fromSessionId: string;
      toSessionId: string;
      ticket: number;
      position: number;
      fills: SeatFill[];
    }
  /** Nothing changed: the other session is full and the caller did not ask to queue. */
  | { kind: 'full'; registrationId: string; toSessionId: string };

const MOVABLE = ['confirmed', 'pending_approval', 'waitlisted', 'offered'];

export async function transferRegistration(
  deps: Deps,
  actor: Actor,
  input: TransferRegistrationInput,
): Promise<TransferRegistrationResult> {
  return inTransaction(deps.db.prisma, async (tx) => {
    const seen = await loadRegistrationFor(tx, actor, input.registrationId);
    if (seen.sessionId === input.toSessionId)
      throw new AppError('VALIDATION', 'That booking is already on that session.');
    const locked = await lockSessions(tx, [seen.sessionId, input.toSessionId]);
    const from = locked.get(seen.sessionId)!;
    const to = locked.get(input.toSessionId)!;
    const registration = await findRegistration(tx, seen.id);
    if (registration.sessionId !== from.id)
      throw new AppError('CONFLICT', 'That booking was just moved; try again.');
    if (!MOVABLE.includes(registration.status)) {
      throw new AppError(
        'INVALID_STATE',
        `That booking is ${registration.status.replace('_', ' ')} and cannot be moved.`,
      );
    }
    if (to.courseId !== from.courseId)
      throw new AppError('VALIDATION', 'A booking can only move to another session of the same course.');
    const now = deps.clock.now();
    if (from.startsAt <= now)
      throw new AppError('SESSION_CLOSED', 'Your current session has already started.');
    const deadline = from.startsAt.getTime() - from.course.cancellationDeadlineHours * 3_600_000;
    if (registration.status === 'confirmed' && now.getTime() >= deadline && !isAdmin(actor)) {
      throw new AppError(
        'DEADLINE_PASSED',
        `Bookings can only be moved up to ${from.course.cancellationDeadlineHours} hours before the start; please ask an admin.`,
      );
    }
    assertBookable(to, now);
    await assertNotAlreadyBooked(tx, to, registration.personId);
    await assertNoClash(tx, to, registration.personId, [from.id]);

    const hasSeat = (await countSeatsTaken(tx, to.id)) < to.capacity;
    if (!hasSeat && !input.joinWaitlistIfFull)
      return { kind: 'full', registrationId: registration.id, toSessionId: to.id };
    const freedSeat = SEAT_HOLDING.includes(registration.status);
    const reason = input.reason?.trim() || 'transfer';
    let result: TransferRegistrationResult;
    if (hasSeat) {
      // A pending request stays pending (the manager has not said yes yet); anything else is confirmed.
      const status = registration.status === 'pending_approval' ? 'pending_approval' : 'confirmed';
      await transition(tx, actor, registration, {
        to: status,
        action: 'registration.transferred',
        reason,
        data: {
          sessionId: to.id,
          waitlistTicket: null,
          offerExpiresAt: null,
          ...(input.channel ? { sourceChannel: input.channel } : {}),
        },
      });
      result = {
        kind: 'transferred',
        registrationId: registration.id,
        fromSessionId: from.id,
        toSessionId: to.id,
        status,
        fills: [],
      };
    } else {
      const ticket = await drawWaitlistTicket(tx, to.id);
      await transition(tx, actor, registration, {
        to: 'waitlisted',
        action: 'registration.transferred',
        reason,
        data: { sessionId: to.id, waitlistTicket: ticket, offerExpiresAt: null },
      });
      result = {
        kind: 'waitlisted',
        registrationId: registration.id,
        fromSessionId: from.id,
        toSessionId: to.id,
        ticket,
        position: await waitlistPlace(tx, to.id, ticket),
        fills: [],
      };
    }
    if (freedSeat) result.fills = await fillFreedSeats(tx, deps.clock, actor, from);
    // Moved by someone else (an admin): the person hears where their booking went.
    if (actorIdOf(actor) !== registration.personId) {
      const zone = (await zonesOf(tx, [registration.personId])).get(registration.personId);
      await enqueueNotification(tx, {
        kind: 'registration.transferred',
        recipientId: registration.personId,
        dueAt: now,
        payload: {
          registrationId: registration.id,
          sessionId: to.id,
          text:
            result.kind === 'transferred'
              ? `Your booking on ${to.course.title} has moved to ${when(to, zone)}${result.status === 'pending_approval' ? ' (still waiting for approval)' : ''}.`
              : `Your booking on ${to.course.title} has moved to the waiting list of ${when(to, zone)} (you are ${result.position} in line).`,
        },
        dedupeKey: `registration-transferred:${registration.id}:${to.id}`,
      });
    }
    return result;
  });
}
