/** One registration the actor may see (their own, their reporting line's, or any for an admin). */
import type { Deps } from '../../deps.ts';
import type { RegistrationStatus } from '../../generated/prisma/enums.ts';
import type { Actor } from '../people/actor.ts';
import { loadRegistrationFor } from './registration-access.ts';

export interface RegistrationDetails {
  registrationId: string;
  sessionId: string;
  personId: string;
  personName: string;
  status: RegistrationStatus;
}

/** Throws NOT_FOUND for an unknown id, FORBIDDEN for someone else's the actor may not see. */
export async function getRegistration(
  deps: Deps,
  actor: Actor,
  input: { registrationId: string },
): Promise<RegistrationDetails> {
  const db = deps.db.prisma;
  const registration = await loadRegistrationFor(db, actor, input.registrationId);
  const person = await db.person.findUniqueOrThrow({
    where: { id: registration.personId },
    select: { name: true },
  });
  return {
    registrationId: registration.id,
    sessionId: registration.sessionId,
    personId: registration.personId,
    personName: person.name,
    status: registration.status,
  };
}
