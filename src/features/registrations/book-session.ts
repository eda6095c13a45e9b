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
import { isAdmin, type Actor } from '../people/actor.ts';
import { assertBookable, assertBookingFacts, loadBookingFacts } from './booking-rules.ts';
import { assertJourneyStepOpen } from '../journeys/assert-journey-step-open.ts';
import { approvalButtons, when, zonesOf } from './notification-text.ts';
import { createRegistration } from './registration-history.ts';
import { drawWaitlistTicket, isUuid, lockSessionOrThrow, type LockedSession } from './seat-store.ts';

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

/** The session was full and the caller asked to be told instead of queued; nothing was written. */
export interface SessionFull {
  kind: 'full';
  sessionId: string;
  /** People already waiting. */
  waitlisted: number;
  /** How a freed seat reaches the waitlist: given at once, or offered for a while. */
  waitlistMode: 'auto' | 'offer';
}

export type BookSessionResult =
  | { kind: 'confirmed'; registrationId: string; sessionId: string; overbooked: boolean }
  | { kind: 'waitlisted'; registrationId: string; sessionId: string; ticket: number; position: number }
  /** Seat held while the manager decides; the manager has been asked. */
  | { kind: 'pending_approval'; registrationId: string; sessionId: string; approverId: string | null };

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

/** The booking itself, with `session` already locked by the caller. */
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
  const facts = await loadBookingFacts(tx, session, personId, options.ignoreClashWith);
  assertBookingFacts(session, facts);
  // On a learning journey the person has started, earlier steps may have to come first
  // (asked only for courses that are gated journey steps, to keep the lock short).
  if (facts.gatedJourneyStep) await assertJourneyStepOpen(tx, personId, session.courseId);
  const person = facts.person!;
  const hasSeat = facts.seatsTaken < session.capacity;
  const common = { sessionId: session.id, personId, channel: options.channel, groupId: options.groupId };
  // Booked by a manager or an admin = approved by them; only self-bookings wait for approval.
  const needsApproval = session.course.needsManagerApproval && actor.personId === personId && !isAdmin(actor);

  if (hasSeat && needsApproval) {
    const registration = await createRegistration(tx, actor, { ...common, status: 'pending_approval' });
    if (person.managerId) {
      await enqueueNotification(tx, {
        kind: 'registration.approval_requested',
        recipientId: person.managerId,
        dueAt: now,
        payload: {
          registrationId: registration.id,
          sessionId: session.id,
          personId,
          personName: person.name,
          courseTitle: session.course.title,
          text: `${person.name} asks to join ${session.course.title} (${when(session, (await zonesOf(tx, [person.managerId])).get(person.managerId))}). The seat is held until you decide.`,
          buttons: approvalButtons(registration.id, person.name.split(' ')[0] ?? person.name),
        },
        dedupeKey: `approval-requested:${registration.id}`,
      });
    }
    return {
      kind: 'pending_approval',
      registrationId: registration.id,
      sessionId: session.id,
      approverId: person.managerId,
    };
  }
  if (hasSeat || options.overbook) {
    const registration = await createRegistration(tx, actor, {
      ...common,
      status: 'confirmed',
      overbooked: !hasSeat,
      reason: hasSeat ? undefined : `overbooked by admin (capacity ${session.capacity})`,
    });
    return {
      kind: 'confirmed',
      registrationId: registration.id,
      sessionId: session.id,
      overbooked: !hasSeat,
    };
  }
  if (options.whenFull === 'report')
    return {
      kind: 'full',
      sessionId: session.id,
      waitlisted: facts.waitlisted,
      waitlistMode: session.course.waitlistMode === 'offer' ? 'offer' : 'auto',
    };
  const ticket = await drawWaitlistTicket(tx, session.id);
  const registration = await createRegistration(tx, actor, {
    ...common,
    status: 'waitlisted',
    waitlistTicket: ticket,
  });
  return {
    kind: 'waitlisted',
    registrationId: registration.id,
    sessionId: session.id,
    ticket,
    // Everyone already waiting is ahead: tickets only grow, and we hold the lock.
    position: facts.waitlisted + 1,
  };
}
