/**
 * The admin API's service actor: the bearer token acts as this person, an admin, so every
 * change made through /api/v1 names "Admin API" in the audit log instead of the anonymous
 * system. The row is inactive so it never appears in rosters, compliance or people pickers,
 * and no web sign-in can be started for it (loadActor refuses inactive people).
 */
import type { DbClient } from '../../db/transaction.ts';
import type { Actor } from './actor.ts';

export const API_SERVICE_EMAIL = 'api@rollcall.invalid';
export const API_SERVICE_NAME = 'Admin API';

export async function apiServiceActor(db: DbClient): Promise<Actor> {
  const person = await db.person.upsert({
    where: { email: API_SERVICE_EMAIL },
    create: { email: API_SERVICE_EMAIL, name: API_SERVICE_NAME, roles: ['admin'], status: 'inactive' },
    update: {},
    select: { id: true, email: true, name: true, timeZone: true },
  });
  return {
    personId: person.id,
    email: person.email,
    name: person.name,
    timeZone: person.timeZone,
    roles: ['admin'],
    isManager: false,
  };
}
