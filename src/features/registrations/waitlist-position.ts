/** "You are 3rd on the waitlist": a person's place in a session's queue. */
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../people/actor.ts';
import { loadRegistrationFor } from './registration-access.ts';
import { waitlistPlace } from './seat-store.ts';

export interface WaitlistPositionInput {
  registrationId: string;
}

export type WaitlistPositionResult =
  | {
      kind: 'waitlisted';
      registrationId: string;
      sessionId: string;
      position: number;
      ahead: number;
      queueLength: number;
    }
  /** Not (or no longer) waiting: confirmed, offered, cancelled… */
  | { kind: 'not_waitlisted'; registrationId: string; sessionId: string; status: string };

export async function waitlistPosition(
  deps: Deps,
  actor: Actor,
  input: WaitlistPositionInput,
): Promise<WaitlistPositionResult> {
  const db = deps.db.prisma;
  const registration = await loadRegistrationFor(db, actor, input.registrationId);
  if (registration.status !== 'waitlisted') {
    return {
      kind: 'not_waitlisted',
      registrationId: registration.id,
      sessionId: registration.sessionId,
      status: registration.status,
    };
  }
  if (registration.waitlistTicket === null)
    throw new AppError('INTERNAL', 'A waitlisted booking has no ticket.');
  const position = await waitlistPlace(db, registration.sessionId, registration.waitlistTicket);
  const queueLength = await db.registration.count({
    where: { sessionId: registration.sessionId, status: 'waitlisted' },
  });
  return {
    kind: 'waitlisted',
    registrationId: registration.id,
    sessionId: registration.sessionId,
    position,
    ahead: position - 1,
    queueLength,
  };
}

/** "3rd", "21st", "112th". */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}
