/**
 * People named in a message ("Priya", "sam brooks", "Sam's request") and people by id for a
 * confirmation ("I'll remind Sam and Lee"). Finding someone by name is not permission: the
 * use case that acts still checks the actor may act for them. Candidates in the actor's own
 * reporting line come first, so "Sam" to Sam's manager means their Sam, not the one in
 * New York.
 */
import type { Deps } from '../../deps.ts';
import type { Role } from '../../generated/prisma/enums.ts';
import type { Actor } from './actor.ts';
import { reportingLineIds } from './reporting-line.ts';

export interface PersonMatch {
  id: string;
  name: string;
  email: string;
}

export interface FindPeopleInput {
  /** A first name, full name, possessive ("Sam's") or the start of an e-mail. */
  name: string;
  /** Only people with this role (e.g. instructors for a schedule). */
  role?: Role;
}

const MAX_MATCHES = 20;

export async function findPeople(deps: Deps, actor: Actor, input: FindPeopleInput): Promise<PersonMatch[]> {
  const cleaned = input.name.trim().replace(/'s$/, '');
  if (cleaned.length < 2) return [];
  const db = deps.db.prisma;
  // The role is checked here, not in the query: Prisma's `has` on an enum array sends the
  // value as a bare parameter that PostgreSQL can read as an array literal and reject
  // ("malformed array literal"), depending on how the statement was prepared.
  const named = await db.person.findMany({
    where: {
      status: 'active',
      OR: [
        { name: { startsWith: cleaned, mode: 'insensitive' } },
        { name: { contains: ` ${cleaned}`, mode: 'insensitive' } },
        { email: { startsWith: cleaned.toLowerCase() } },
      ],
    },
    select: { id: true, name: true, email: true, roles: true },
    take: input.role ? MAX_MATCHES * 10 : MAX_MATCHES,
    orderBy: { name: 'asc' },
  });
  const people = named
    .filter((p) => !input.role || p.roles.includes(input.role))
    .slice(0, MAX_MATCHES)
    .map(({ id, name, email }) => ({ id, name, email }));
  if (people.length <= 1) return people;
  const line = new Set(actor.isManager ? await reportingLineIds(db, actor.personId) : []);
  const inLine = people.filter((p) => line.has(p.id));
  return inLine.length ? inLine : people;
}

/** Names and e-mails of people by id, in name order; unknown ids are left out. */
export async function describePeople(
  deps: Deps,
  _actor: Actor,
  input: { personIds: string[] },
): Promise<PersonMatch[]> {
  const ids = input.personIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (ids.length === 0) return [];
  return deps.db.prisma.person.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, email: true },
    orderBy: { name: 'asc' },
  });
}
