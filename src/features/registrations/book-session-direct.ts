/**
 * The common booking (a seat or a waitlist ticket, nothing to ask anyone) on PostgreSQL, as
 * the same statements the Prisma path runs (lock the session row, then facts and writes in
 * one statement), prepared once per pooled connection. Every lock holder makes everyone queued
 * on that session wait, and through Prisma's interactive transaction each statement cost
 * several times its database time in client work while the lock was held.
 *
 * Anything else (a self-booking that needs a manager's approval, a gated journey step, an
 * unknown session) is left to the Prisma path, which decides and explains it; nothing has been
 * written then. PGlite is one in-process connection that the raw handle cannot hold a
 * transaction on by itself, so there the Prisma path serves every booking.
 */
import type { Deps } from '../../deps.ts';
import { assertCanActFor } from '../people/authorize.ts';
import { actorIdOf, isAdmin, type Actor } from '../people/actor.ts';
import { bookedAnswer, sessionFull, type BookSessionResult, type SessionFull } from './booking-answers.ts';
import {
  assertBookable,
  assertBookingFacts,
  factsAndBookOf,
  factsAndBookQuery,
  type FactsAndBookRow,
  type UnlockedFactsRow,
  unlockedFactsQuery,
} from './booking-rules.ts';
import type { BookSessionInput } from './book-session.ts';
import { isUuid, lockedSessionOf, lockSessionQuery, type LockedRow } from './seat-store.ts';

/** The booking's answer, or null when the Prisma path must take it (nothing was written). */
export async function bookSessionDirect(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  personId: string,
  input: BookSessionInput,
): Promise<BookSessionResult | SessionFull | null> {
  if (deps.db.kind !== 'postgres' || !isUuid(input.sessionId)) return null;
  // Who may book whom, and the facts the session lock does not guard (the person, their
  // other sessions, completions, journeys), are read before the lock: whoever holds it makes
  // everyone booking that session wait.
  await assertCanActFor(deps.db.prisma, actor, personId);
  const unlockedStatement = unlockedFactsQuery(input.sessionId, personId);
  const [unlocked] = await deps.db.sql.query<UnlockedFactsRow>(
    unlockedStatement.text,
    unlockedStatement.values,
    'booking-unlocked-facts',
  );
  if (!unlocked || unlocked.gatedJourneyStep) return null;
  return deps.db.sql.withConnection(async (conn) => {
    await conn.exec('BEGIN');
    let committed = false;
    try {
      const lock = lockSessionQuery(input.sessionId);
      const [row] = await conn.query<LockedRow>(lock.text, lock.values, 'booking-lock-session');
      if (!row) return null;
      const session = lockedSessionOf(row);
      assertBookable(session, deps.clock.now());
      if (session.course.needsManagerApproval && actor.personId === personId && !isAdmin(actor)) return null;
      const whenFull = input.whenFull ?? 'waitlist';
      const statement = factsAndBookQuery(
        session,
        personId,
        {
          actorId: actorIdOf(actor),
          needsApproval: false,
          overbook: input.overbook ?? false,
          whenFull,
          channel: input.channel,
        },
        [],
        unlocked,
      );
      const [result] = await conn.query<FactsAndBookRow>(
        statement.text,
        statement.values,
        'booking-facts-and-book',
      );
      const { facts, written } = factsAndBookOf(result!);
      if (written) {
        await conn.exec('COMMIT');
        committed = true;
        return bookedAnswer(session, facts, written);
      }
      // Nothing written: a rule said no (thrown with its answer), or full and the caller asked.
      assertBookingFacts(session, facts);
      return sessionFull(session, facts);
    } finally {
      // A failed ROLLBACK means a lost connection: the error that got us here is the one to tell.
      if (!committed) await conn.exec('ROLLBACK').catch(() => {});
    }
  });
}
