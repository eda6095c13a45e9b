/**
 * "My journeys": the learning journeys a person has started (a step assigned to them with
 * source 'journey'), each with its progress, in title order.
 */
import type { Deps } from '../../deps.ts';
import type { Actor } from '../people/actor.ts';
import { assertCanActFor } from '../people/authorize.ts';
import { loadJourney, progressOf, type JourneyProgress } from './journey-progress.ts';

export async function myJourneys(
  deps: Deps,
  actor: Actor,
  input: { personId?: string } = {},
): Promise<JourneyProgress[]> {
  const personId = input.personId ?? actor.personId;
  const db = deps.db.prisma;
  await assertCanActFor(db, actor, personId);
  const started = await db.programme.findMany({
    where: {
      kind: 'journey',
      active: true,
      steps: { some: { course: { enrollments: { some: { personId, source: 'journey' } } } } },
    },
    select: { id: true },
    orderBy: { title: 'asc' },
  });
  const out: JourneyProgress[] = [];
  for (const { id } of started) out.push(await progressOf(db, await loadJourney(db, { id }), personId));
  return out;
}
