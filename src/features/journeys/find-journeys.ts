/** "start the new starter journey": active journeys whose code or title hold the words. */
import type { Deps } from '../../deps.ts';
import type { Actor } from '../people/actor.ts';

export interface JourneyMatch {
  id: string;
  code: string;
  title: string;
}

export async function findJourneys(
  deps: Deps,
  _actor: Actor,
  input: { text?: string },
): Promise<JourneyMatch[]> {
  const journeys = await deps.db.prisma.programme.findMany({
    where: { kind: 'journey', active: true },
    select: { id: true, code: true, title: true },
    orderBy: { title: 'asc' },
  });
  const words = (input.text ?? '')
    .toLowerCase()
    .replace(/-/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !/^(the|my|a|journey|path|pathway|programme|program)$/.test(w));
  if (words.length === 0) return journeys;
  const text = (j: JourneyMatch) => `${j.title} ${j.code}`.toLowerCase().replace(/-/g, ' ');
  const all = journeys.filter((j) => words.every((w) => text(j).includes(w)));
  return all.length ? all : journeys.filter((j) => words.some((w) => w.length > 3 && text(j).includes(w)));
}
