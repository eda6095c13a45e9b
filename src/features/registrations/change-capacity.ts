/**
 * Changes a session's capacity. It cannot go below the seats already taken (those people
 * were promised a seat); raising it promotes from the waitlist in the same transaction.
 */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { fillFreedSeats, type SeatFill } from './fill-freed-seats.ts';
import { countSeatsTaken, lockSessionOrThrow } from './seat-store.ts';

export interface ChangeCapacityInput {
  sessionId: string;
  capacity: number;
}

export interface ChangeCapacityResult {
  kind: 'capacity_changed';
  sessionId: string;
  from: number;
  to: number;
  fills: SeatFill[];
}

export async function changeCapacity(
  deps: Deps,
  actor: Actor,
  input: ChangeCapacityInput,
): Promise<ChangeCapacityResult> {
  assertAdmin(actor, 'change a session’s capacity');
  if (!Number.isInteger(input.capacity) || input.capacity < 1) {
    throw new AppError('VALIDATION', 'Capacity must be a whole number of at least 1.');
  }
  return inTransaction(deps.db.prisma, async (tx) => {
    const session = await lockSessionOrThrow(tx, input.sessionId);
    if (session.status !== 'scheduled')
      throw new AppError('SESSION_CLOSED', 'That session is not scheduled any more.');
    const taken = await countSeatsTaken(tx, session.id);
    if (input.capacity < taken) {
      throw new AppError(
        'CAPACITY_BELOW_CONFIRMED',
        `${taken} people already hold seats on that session; capacity cannot go below ${taken}. Cancel or move bookings first.`,
        { taken },
      );
    }
    const venue = await tx.session.findUniqueOrThrow({
      where: { id: session.id },
      select: { venue: { select: { capacity: true, name: true } } },
    });
    if (venue.venue && input.capacity > venue.venue.capacity) {
      throw new AppError('VALIDATION', `${venue.venue.name} holds at most ${venue.venue.capacity} people.`);
    }
    await tx.session.update({ where: { id: session.id }, data: { capacity: input.capacity } });
    await recordAudit(tx, {
      actorId: actorIdOf(actor),
      action: 'session.capacity_changed',
      entityType: 'Session',
      entityId: session.id,
      before: { capacity: session.capacity },
      after: { capacity: input.capacity },
    });
    const fills =
      input.capacity > session.capacity
        ? await fillFreedSeats(tx, deps.clock, actor, { ...session, capacity: input.capacity })
        : [];
    return {
      kind: 'capacity_changed',
      sessionId: session.id,
      from: session.capacity,
      to: input.capacity,
      fills,
    };
  });
}
