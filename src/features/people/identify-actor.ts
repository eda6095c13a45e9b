/**
 * The Actor for a person an adapter has already identified (by ChatIdentity, verified token
 * or session): the conversation starts every turn here. NOT_FOUND for an inactive person.
 */
import type { Deps } from '../../deps.ts';
import { type Actor, loadActor } from './actor.ts';

export function identifyActor(deps: Deps, personId: string): Promise<Actor> {
  return loadActor(deps.db.prisma, personId);
}
