/**
 * Job handler: seat offers whose hold time has passed lapse and the seat passes to the next
 * waitlisted person. Bounded per run (the rest go next run) and idempotent: each offer is
 * re-read under its session's lock, so two runners cannot expire the same offer twice.
 */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { SYSTEM_ACTOR } from '../people/actor.ts';
import { enqueueNotification } from '../notifications/enqueue-notification.ts';
import { fillFreedSeats, type SeatFill } from './fill-freed-seats.ts';
import { transition } from './registration-history.ts';
import { lockSession } from './seat-store.ts';

export interface ExpireOffersResult {
  expired: number;
  /** Offers that could not be processed this run (logged; retried next run). */
  failed: number;
  fills: SeatFill[];
  /** True when more expired offers remain for the next run. */
  more: boolean;
}

export async function expireOffers(deps: Deps, input: { limit?: number } = {}): Promise<ExpireOffersResult> {
  const limit = input.limit ?? 100;
  const now = deps.clock.now();
  const due = await deps.db.prisma.registration.findMany({
    where: { status: 'offered', offerExpiresAt: { lte: now } },
    orderBy: { offerExpiresAt: 'asc' },
    take: limit + 1,
    select: { id: true, sessionId: true },
  });
  const result: ExpireOffersResult = { expired: 0, failed: 0, fills: [], more: due.length > limit };
  for (const offer of due.slice(0, limit)) {
    // One bad row must not stop the sweep: log it and carry on; it is retried next run.
    const outcome = await inTransaction(deps.db.prisma, async (tx): Promise<SeatFill[] | null> => {
      const session = await lockSession(tx, offer.sessionId);
      const registration = await tx.registration.findUnique({ where: { id: offer.id } });
      // Accepted, declined or moved since we looked: nothing to do.
      if (
        !session ||
        !registration ||
        registration.status !== 'offered' ||
        registration.sessionId !== session.id
      )
        return null;
      if (!registration.offerExpiresAt || registration.offerExpiresAt > now) return null;
      await transition(tx, SYSTEM_ACTOR, registration, {
        to: 'cancelled',
        action: 'registration.offer_expired',
        reason: 'offer expired',
        data: { offerExpiresAt: null, cancelReason: 'offer expired' },
      });
      await enqueueNotification(tx, {
        kind: 'registration.offer_expired',
        recipientId: registration.personId,
        dueAt: now,
        payload: {
          registrationId: registration.id,
          sessionId: session.id,
          courseTitle: session.course.title,
          text: `Your held seat on ${session.course.title} was not taken up in time and has passed to the next person.`,
        },
        dedupeKey: `registration-offer-expired:${registration.id}:${session.id}`,
      });
      return fillFreedSeats(tx, deps.clock, SYSTEM_ACTOR, session);
    }).catch((error: unknown) => {
      result.failed += 1;
      deps.log.warn({ err: error, registrationId: offer.id }, 'could not expire a seat offer');
      return null;
    });
    if (outcome) {
      result.expired += 1;
      result.fills.push(...outcome);
    }
  }
  return result;
}
