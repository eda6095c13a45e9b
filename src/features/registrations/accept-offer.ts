/**
 * Answering a seat offer (courses with waitlistMode 'offer'). Accepting before the hold
 * expires confirms the seat (or, on an approval course the learner booked themself, sends
 * it to their manager); declining passes it to the next person in the same transaction.
 */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../people/actor.ts';
import { fillFreedSeats, type SeatFill } from './fill-freed-seats.ts';
import { transition, wasApproved, wasSelfBooked } from './registration-history.ts';
import { findRegistration, loadRegistrationFor } from './registration-access.ts';
import { lockSessionOrThrow } from './seat-store.ts';

export interface OfferAnswerInput {
  registrationId: string;
}

export type AcceptOfferResult =
  | { kind: 'confirmed'; registrationId: string; sessionId: string }
  | { kind: 'pending_approval'; registrationId: string; sessionId: string };

export async function acceptOffer(
  deps: Deps,
  actor: Actor,
  input: OfferAnswerInput,
): Promise<AcceptOfferResult> {
  return inTransaction(deps.db.prisma, async (tx) => {
    const seen = await loadRegistrationFor(tx, actor, input.registrationId);
    const session = await lockSessionOrThrow(tx, seen.sessionId);
    const registration = await findRegistration(tx, seen.id);
    const now = deps.clock.now();
    if (registration.status !== 'offered')
      throw new AppError('INVALID_STATE', 'There is no open seat offer on that booking.');
    if (registration.offerExpiresAt && registration.offerExpiresAt <= now) {
      throw new AppError(
        'DEADLINE_PASSED',
        'That offer has expired and the seat has gone to the next person.',
      );
    }
    if (session.status !== 'scheduled' || session.startsAt <= now)
      throw new AppError('SESSION_CLOSED', 'That session is no longer open.');
    const needsApproval =
      session.course.needsManagerApproval &&
      (await wasSelfBooked(tx, registration.id, registration.personId)) &&
      !(await wasApproved(tx, registration.id));
    const to = needsApproval ? 'pending_approval' : 'confirmed';
    await transition(tx, actor, registration, {
      to,
      action: 'registration.offer_accepted',
      data: { offerExpiresAt: null },
    });
    return { kind: to, registrationId: registration.id, sessionId: session.id };
  });
}

export interface DeclineOfferResult {
  kind: 'declined_offer';
  registrationId: string;
  sessionId: string;
  fills: SeatFill[];
}

export async function declineOffer(
  deps: Deps,
  actor: Actor,
  input: OfferAnswerInput,
): Promise<DeclineOfferResult> {
  return inTransaction(deps.db.prisma, async (tx) => {
    const seen = await loadRegistrationFor(tx, actor, input.registrationId);
    const session = await lockSessionOrThrow(tx, seen.sessionId);
    const registration = await findRegistration(tx, seen.id);
    if (registration.status !== 'offered')
      throw new AppError('INVALID_STATE', 'There is no open seat offer on that booking.');
    await transition(tx, actor, registration, {
      to: 'cancelled',
      action: 'registration.offer_declined',
      reason: 'offer declined',
      data: { offerExpiresAt: null, cancelReason: 'offer declined' },
    });
    const fills = await fillFreedSeats(tx, deps.clock, actor, session);
    return { kind: 'declined_offer', registrationId: registration.id, sessionId: session.id, fills };
  });
}
