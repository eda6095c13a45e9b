/**
 * What a booking tells its caller, from the facts read and the row written under the lock.
 * Shared by the Prisma path (book-session.ts) and the direct one (book-session-direct.ts), so
 * both answer alike.
 */
import type { BookingFacts, WrittenBooking } from './booking-rules.ts';
import type { LockedSession } from './seat-store.ts';

export type BookSessionResult =
  | { kind: 'confirmed'; registrationId: string; sessionId: string; overbooked: boolean }
  | { kind: 'waitlisted'; registrationId: string; sessionId: string; ticket: number; position: number }
  /** Seat held while the manager decides; the manager has been asked. */
  | { kind: 'pending_approval'; registrationId: string; sessionId: string; approverId: string | null };

/** The session was full and the caller asked to be told instead of queued; nothing was written. */
export interface SessionFull {
  kind: 'full';
  sessionId: string;
  /** People already waiting. */
  waitlisted: number;
  /** How a freed seat reaches the waitlist: given at once, or offered for a while. */
  waitlistMode: 'auto' | 'offer';
}

export const sessionFull = (session: LockedSession, facts: BookingFacts): SessionFull => ({
  kind: 'full',
  sessionId: session.id,
  waitlisted: facts.waitlisted,
  waitlistMode: session.course.waitlistMode === 'offer' ? 'offer' : 'auto',
});

/** The answer for a registration just written (an approval request's manager is asked by the caller). */
export function bookedAnswer(
  session: LockedSession,
  facts: BookingFacts,
  written: WrittenBooking,
): BookSessionResult {
  if (written.status === 'pending_approval')
    return {
      kind: 'pending_approval',
      registrationId: written.id,
      sessionId: session.id,
      approverId: facts.person!.managerId,
    };
  if (written.status === 'confirmed')
    return {
      kind: 'confirmed',
      registrationId: written.id,
      sessionId: session.id,
      overbooked: written.overbooked,
    };
  return {
    kind: 'waitlisted',
    registrationId: written.id,
    sessionId: session.id,
    ticket: written.ticket!,
    // Everyone already waiting is ahead: tickets only grow, and we hold the lock.
    position: facts.waitlisted + 1,
  };
}
