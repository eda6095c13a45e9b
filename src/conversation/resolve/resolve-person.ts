/**
 * People named in a message ("Priya", "sam brooks", "Sam's request"). Matching by name is
 * not permission: the use case that acts still checks the actor may act for whoever this is.
 * Candidates in the asker's own reporting line come first, so "Sam" to Sam's manager means
 * their Sam, not the other one in New York.
 */
import type { DbClient } from '../../db/transaction.ts';
import { reportingLineIds } from '../../features/people/reporting-line.ts';
import type { Actor } from '../../features/people/actor.ts';

export interface PersonMatch {
  id: string;
  name: string;
  email: string;
}

export async function resolvePerson(db: DbClient, actor: Actor, name: string): Promise<PersonMatch[]> {
  const cleaned = name.trim().replace(/'s$/, '');
  if (cleaned.length < 2) return [];
  const people = await db.person.findMany({
    where: {
      status: 'active',
      OR: [
        { name: { startsWith: cleaned, mode: 'insensitive' } },
        { name: { contains: ` ${cleaned}`, mode: 'insensitive' } },
        { email: { startsWith: cleaned.toLowerCase() } },
      ],
    },
    select: { id: true, name: true, email: true },
    take: 20,
    orderBy: { name: 'asc' },
  });
  if (people.length <= 1) return people;
  const line = new Set(actor.isManager ? await reportingLineIds(db, actor.personId) : []);
  const inLine = people.filter((p) => line.has(p.id));
  return inLine.length ? inLine : people;
}
