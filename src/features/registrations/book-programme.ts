/**
 * Books a person on every session of a programme cohort as one: all seats or none. All the
 * cohort's sessions are locked (in id order) before anything is checked, so no seat can go
 * between the check and the write; the registrations share a group id.
 */
import { randomUUID } from 'node:crypto';
import type { Channel } from '../../shared/channel.ts';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError } from '../../shared/app-error.ts';
import { assertCanActFor } from '../people/authorize.ts';
import type { Actor } from '../people/actor.ts';
import { bookLocked } from './book-session.ts';
import { assertNotAlreadyBooked } from './booking-rules.ts';
import { countSeatsTaken, isUuid, lockSessions } from './seat-store.ts';

export interface BookProgrammeInput {
  programmeId: string;
  cohort: string;
  personId?: string;
  channel?: Channel;
}

export type BookProgrammeResult =
  | {
      kind: 'booked';
      groupId: string;
      registrations: {
        sessionId: string;
        registrationId: string;
        status: 'confirmed' | 'pending_approval';
      }[];
    }
  /** Nothing was booked: these sessions of the cohort have no seat left. */
  | { kind: 'full'; fullSessionIds: string[] };

export async function bookProgramme(
  deps: Deps,
  actor: Actor,
  input: BookProgrammeInput,
): Promise<BookProgrammeResult> {
  const personId = input.personId ?? actor.personId;
  if (!isUuid(input.programmeId)) throw new AppError('NOT_FOUND', 'That programme does not exist.');
  if (!isUuid(personId)) throw new AppError('NOT_FOUND', 'That person is not known to Rollcall.');
  try {
    return await inTransaction(deps.db.prisma, async (tx) => {
      await assertCanActFor(tx, actor, personId);
      const sessions = await tx.session.findMany({
        where: { programmeId: input.programmeId, cohort: input.cohort, status: 'scheduled' },
        select: { id: true },
      });
      if (sessions.length === 0)
        throw new AppError(
          'NOT_FOUND',
          `The programme has no scheduled sessions for cohort ${input.cohort}.`,
        );
      const locked = await lockSessions(
        tx,
        sessions.map((s) => s.id),
      );
      const ordered = [...locked.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      // Already on part of it is the answer to give before "full".
      for (const session of ordered) await assertNotAlreadyBooked(tx, session, personId);
      const full: string[] = [];
      for (const session of ordered)
        if ((await countSeatsTaken(tx, session.id)) >= session.capacity) full.push(session.id);
      if (full.length > 0) return { kind: 'full', fullSessionIds: full };

      const groupId = randomUUID();
      const ids = ordered.map((s) => s.id);
      const registrations: Extract<BookProgrammeResult, { kind: 'booked' }>['registrations'] = [];
      for (const session of ordered) {
        const outcome = await bookLocked(tx, deps, actor, session, personId, {
          channel: input.channel,
          overbook: false,
          whenFull: 'report',
          groupId,
          ignoreClashWith: ids,
        });
        if (outcome.kind !== 'confirmed' && outcome.kind !== 'pending_approval') {
          // Cannot happen under the locks (seats were counted above); refuse rather than half-book.
          throw new AppError('INTERNAL', 'A programme seat vanished under lock.');
        }
        registrations.push({
          sessionId: session.id,
          registrationId: outcome.registrationId,
          status: outcome.kind,
        });
      }
      return { kind: 'booked', groupId, registrations };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('ALREADY_BOOKED', 'You are already booked on part of that programme.');
    throw error;
  }
}
