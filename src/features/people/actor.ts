/**
 * Who is asking. Authorization lives in use cases and is decided from an Actor: an employee
 * sees their own record, a manager their reporting line (transitively), an instructor their
 * sessions' rosters, an admin everything.
 */
import type { DbClient } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Role } from '../../generated/prisma/enums.ts';

export interface Actor {
  personId: string;
  email: string;
  name: string;
  timeZone: string;
  roles: Role[];
  /** Derived: has at least one direct report. */
  isManager: boolean;
}

export const isAdmin = (actor: Actor): boolean => actor.roles.includes('admin');
export const isInstructor = (actor: Actor): boolean => actor.roles.includes('instructor');

export async function loadActor(db: DbClient, personId: string): Promise<Actor> {
  const person = await db.person.findUnique({
    where: { id: personId },
    select: {
      id: true,
      email: true,
      name: true,
      timeZone: true,
      roles: true,
      status: true,
      _count: { select: { reports: true } },
    },
  });
  if (person?.status !== 'active') throw new AppError('NOT_FOUND', 'No active person with that identity.');
  return {
    personId: person.id,
    email: person.email,
    name: person.name,
    timeZone: person.timeZone,
    roles: person.roles,
    isManager: person._count.reports > 0,
  };
}

export async function loadActorByEmail(db: DbClient, email: string): Promise<Actor> {
  const person = await db.person.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true },
  });
  if (!person) throw new AppError('NOT_FOUND', `Nobody with the e-mail ${email} is known to Rollcall.`);
  return loadActor(db, person.id);
}

/** The system itself (jobs, imports): acts with admin rights and no person. */
export const SYSTEM_ACTOR: Actor = {
  personId: '00000000-0000-0000-0000-000000000000',
  email: 'system@rollcall.invalid',
  name: 'Rollcall',
  timeZone: 'UTC',
  roles: ['admin'],
  isManager: false,
};
export const isSystem = (actor: Actor): boolean => actor.personId === SYSTEM_ACTOR.personId;
/** For audit and history columns: the system is recorded as null. */
export const actorIdOf = (actor: Actor): string | null => (isSystem(actor) ? null : actor.personId);
