/**
 * Books a person on a session. The session row is locked (`SELECT … FOR UPDATE`) for the
 * whole transaction; the seats are re-counted under that lock, so two people racing for
 * the last seat are served one after the other and exactly one gets it. A full session
 * puts the person on the waitlist with the next ticket, drawn under the same lock.
 */
import type { Channel } from '../../shared/channel.ts';
import type { Deps } from '../../deps.ts';
import { inTransaction, type DbClient } from '../../db/transaction.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError } from '../../shared/app-error.ts';
import { enqueueNotification } from '../notifications/enqueue-notification.ts';
import { assertCanActFor } from '../people/authorize.ts';
import { actorIdOf, isAdmin, type Actor } from '../people/actor.ts';
import {
  assertBookable,
  assertBookingFacts,
  loadFactsAndBook,
  type BookingFacts,
  type WrittenBooking,
} from './booking-rules.ts';
import { assertJourneyStepOpen } from '../journeys/assert-journey-step-open.ts';
import { approvalButtons, when } from './notification-text.ts';
import { createRegistration } from './registration-history.ts';
import { drawWaitlistTicket, isUuid, lockSessionOrThrow, type LockedSession } from './seat-store.ts';
import { bookedAnswer, sessionFull, type BookSessionResult, type SessionFull } from './booking-answers.ts';
import { bookSessionDirect } from './book-session-direct.ts';

export interface BookSessionInput {
  sessionId: string;
  /** Who is booked; defaults to the actor. A manager may book their reports, an admin anyone. */
  personId?: string;
  channel?: Channel;
  /** Admin only: confirm even when full. Recorded as an overbooking in the audit log. */
  overbook?: boolean;
  /**
   * What a full session means, decided under the lock: join its waitlist (the default), or
   * `report` it and book nothing, so the caller can ask first ("it is full: waitlist?").
   */
  whenFull?: 'waitlist' | 'report';
}

export type { BookSessionResult, SessionFull } from './booking-answers.ts';

/**
 * Throws NOT_FOUND (no such session or person), SESSION_CLOSED (cancelled, started or past),
 * CUTOFF_PASSED, ALREADY_BOOKED, CLASH, PREREQUISITE_MISSING, FORBIDDEN.
 */
export async function bookSession(
  deps: Deps,
  actor: Actor,
  input: BookSessionInput & { whenFull?: 'waitlist' },
): Promise<BookSessionResult>;
export async function bookSession(
  deps: Deps,
  actor: Actor,
  input: BookSessionInput,
): Promise<BookSessionResult | SessionFull>;
export async function bookSession(
  deps: Deps,
  actor: Actor,
  input: BookSessionInput,
): Promise<BookSessionResult | SessionFull> {
  const personId = input.personId ?? actor.personId;
  if (input.overbook && !isAdmin(actor))
    throw new AppError('FORBIDDEN', 'Only an admin can overbook a session.');
  if (!isUuid(personId)) throw new AppError('NOT_FOUND', 'That person is not known to Rollcall.');
  try {
    const direct = await bookSessionDirect(deps, actor, personId, input);
    if (direct) return direct;
    return await inTransaction(deps.db.prisma, async (tx) => {
      await assertCanActFor(tx, actor, personId);
      const session = await lockSessionOrThrow(tx, input.sessionId);
      const outcome = await bookLocked(tx, deps, actor, session, personId, {
        channel: input.channel,
        overbook: input.overbook ?? false,
        whenFull: input.whenFull ?? 'waitlist',
      });
      return outcome;
    });
  } catch (error) {
    // The unique index on live registrations is the last line of defence against a double booking.
    if (isUniqueViolation(error))
      throw new AppError('ALREADY_BOOKED', 'You are already booked on that session.');
    throw error;
  }
}

export interface BookLockedOptions {
  channel?: Channel;
  overbook: boolean;
  /** A programme booking wants all seats or none, so it asks to be told instead of queued. */
  whenFull: 'waitlist' | 'report';
  groupId?: string;
  /** Sessions booked in the same group do not clash with each other's checks. */
  ignoreClashWith?: string[];
}

export type BookLockedResult = BookSessionResult | SessionFull;

/**
 * The booking itself, with `session` already locked by the caller. Every lock holder makes
 * everyone queued behind it wait, so the usual booking is one statement under the lock (facts,
 * decision and writes) plus the commit; only a gated journey step or an approval request takes
 * more.
 */
export async function bookLocked(
  tx: DbClient,
  deps: Pick<Deps, 'clock'>,
  actor: Actor,
  session: LockedSession,
  personId: string,
  options: BookLockedOptions,
): Promise<BookLockedResult> {
  const now = deps.clock.now();
  assertBookable(session, now);
  // Booked by a manager or an admin = approved by them; only self-bookings wait for approval.
  const needsApproval = session.course.needsManagerApproval && actor.personId === personId && !isAdmin(actor);
  const { facts, written } = await loadFactsAndBook(
    tx,
    session,
    personId,
    {
      actorId: actorIdOf(actor),
      needsApproval,
      overbook: options.overbook,
      whenFull: options.whenFull,
      channel: options.channel,
      groupId: options.groupId,
    },
    options.ignoreClashWith,
  );
  if (written) return bookedResult(tx, now, session, personId, facts, written);
  assertBookingFacts(session, facts);
  // On a learning journey the person has started, earlier steps may have to come first
  // (asked only for courses that are gated journey steps, to keep the lock short).
  if (facts.gatedJourneyStep) await assertJourneyStepOpen(tx, personId, session.courseId);
  const hasSeat = facts.seatsTaken < session.capacity;
  if (!hasSeat && !options.overbook && options.whenFull === 'report') return sessionFull(session, facts);
  // A gated step that is open: the same decision as the statement above, written step by step.
  const common = { sessionId: session.id, personId, channel: options.channel, groupId: options.groupId };
  const status = hasSeat
    ? needsApproval
      ? 'pending_approval'
      : 'confirmed'
    : options.overbook
      ? 'confirmed'
      : 'waitlisted';
  const ticket = status === 'waitlisted' ? await drawWaitlistTicket(tx, session.id) : null;
  const registration = await createRegistration(tx, actor, {
    ...common,
    status,
    waitlistTicket: ticket,
    overbooked: status === 'confirmed' && !hasSeat,
    reason:
      status === 'confirmed' && !hasSeat ? `overbooked by admin (capacity ${session.capacity})` : undefined,
  });
  return bookedResult(tx, now, session, personId, facts, {
    id: registration.id,
    status,
    ticket,
    overbooked: status === 'confirmed' && !hasSeat,
  });
}

/** The caller's answer for a registration just written; an approval request also asks the manager. */
async function bookedResult(
  tx: DbClient,
  now: Date,
  session: LockedSession,
  personId: string,
  facts: BookingFacts,
  written: WrittenBooking,
): Promise<BookSessionResult> {
  const person = facts.person!;
  if (written.status === 'pending_approval' && person.managerId) {
    await enqueueNotification(tx, {
      kind: 'registration.approval_requested',
      recipientId: person.managerId,
      dueAt: now,
      payload: {
        registrationId: written.id,
        sessionId: session.id,
        personId,
        personName: person.name,
        courseTitle: session.course.title,
        text: `${person.name} asks to join ${session.course.title} (${when(session, person.managerTimeZone ?? undefined)}). The seat is held until you decide.`,
        buttons: approvalButtons(written.id, person.name.split(' ')[0] ?? person.name),
      },
      dedupeKey: `approval-requested:${written.id}`,
    });
  }
  return bookedAnswer(session, facts, written);
}
