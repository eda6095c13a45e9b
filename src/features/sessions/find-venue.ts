/** "in Room 2": an active venue by a phrase of its name, for scheduling. */
import type { Deps } from '../../deps.ts';
import type { Actor } from '../people/actor.ts';

export interface VenueMatch {
  id: string;
  name: string;
  capacity: number;
  timeZone: string;
}

export async function findVenue(
  deps: Deps,
  _actor: Actor,
  input: { name: string },
): Promise<VenueMatch | undefined> {
  const name = input.name.trim();
  if (!name) return undefined;
  const venue = await deps.db.prisma.venue.findFirst({
    where: { active: true, name: { contains: name, mode: 'insensitive' } },
    select: { id: true, name: true, capacity: true, timeZone: true },
  });
  return venue ?? undefined;
}
