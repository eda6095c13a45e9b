import type { Actor } from '../../features/people/actor.ts';

/** What /api/v1 handlers find on the context: the service actor the admin token acts as. */
export interface ApiEnv {
  Variables: { actor: Actor };
}
