/** Loading a registration someone asked about, with the permission check in one place. */
import type { Registration } from '../../generated/prisma/client.ts';
import type { DbClient } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../people/actor.ts';
import { assertCanActFor } from '../people/authorize.ts';
import { isUuid } from './seat-store.ts';

export async function findRegistration(tx: DbClient, registrationId: string): Promise<Registration> {
  const registration = isUuid(registrationId)
    ? await tx.registration.findUnique({ where: { id: registrationId } })
    : null;
  if (!registration) throw new AppError('NOT_FOUND', 'That booking does not exist.');
  return registration;
}

/** The learner, anyone above them in the reporting line, or an admin. */
export async function loadRegistrationFor(
  tx: DbClient,
  actor: Actor,
  registrationId: string,
): Promise<Registration> {
  const registration = await findRegistration(tx, registrationId);
  await assertCanActFor(tx, actor, registration.personId);
  return registration;
}
