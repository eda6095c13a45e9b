/**
 * The Teams journeys' common ground: a demo-seeded database, the Teams route with the real
 * conversation core (emulator mode, no Bot Framework credentials) listening on 127.0.0.1,
 * a fake connector recording what the service sends, and readers for the Adaptive Cards
 * it recorded. Each journey picks its people from the seed and links them with `link`.
 */
import { Hono } from 'hono';
import { mountTeams, type TeamsMount } from '../../adapters/teams/mount-teams.ts';
import { createConversationHandler } from '../../src/conversation/handle-message.ts';
import type { Deps } from '../../src/deps.ts';
import { seedDemo } from '../../src/seed/demo-seed.ts';
import type { FixedClock } from '../../src/shared/clock.ts';
import { listen, type Listening } from '../helpers/listen.ts';
import { createTestDb, testDeps, type TestDb } from '../helpers/test-db.ts';
import { settleTurnsWith, type TeamsUser } from '../integration/adapters/teams/activities.ts';
import {
  startFakeConnector,
  type ConnectorCall,
  type FakeConnector,
} from '../integration/adapters/teams/fake-connector.ts';

export const TEAMS_NOW = new Date('2026-11-28T09:00:00Z');
export const CARD = 'application/vnd.microsoft.card.adaptive';

// biome-ignore lint/suspicious/noExplicitAny: cards as recorded, read loosely
export type Card = Record<string, any>;

/** Every Adaptive Card attached to a call the connector recorded. */
export const cardsOf = (call: ConnectorCall): Card[] =>
  ((call.body?.attachments as { contentType: string; content: Card }[] | undefined) ?? [])
    .filter((a) => a.contentType === CARD)
    .map((a) => a.content);

/** The (first) Adaptive Card of a recorded call. */
export const cardOf = (call: ConnectorCall): Card => {
  const [card] = cardsOf(call);
  if (!card) throw new Error(`no Adaptive Card in ${JSON.stringify(call.body).slice(0, 300)}`);
  return card;
};

/** Every action under `node` (ShowCard confirmations included), not looking under `skip` keys. */
export function actionsOf(node: unknown, skip: string[] = []): Card[] {
  const found: Card[] = [];
  const walk = (at: unknown) => {
    if (Array.isArray(at)) for (const n of at) walk(n);
    else if (at && typeof at === 'object') {
      const n = at as Card;
      if (typeof n.type === 'string' && n.type.startsWith('Action.')) found.push(n);
      for (const [k, v] of Object.entries(n)) if (!skip.includes(k)) walk(v);
    }
  };
  walk(node);
  return found;
}

export interface TeamsJourney {
  testDb: TestDb;
  deps: Deps & { clock: FixedClock };
  connector: FakeConnector;
  service: Listening;
  mount: TeamsMount;
  /** Makes a Teams user resolve to a seeded person (the connector's member look-up). */
  link(user: TeamsUser, person: { email: string }): void;
  close(): Promise<void>;
}

/** Seeds the demo and starts the connector and the Teams route; postActivity returns once its turn is settled. */
export async function startTeamsJourney(): Promise<TeamsJourney> {
  const testDb = await createTestDb();
  const deps = testDeps(testDb.db, TEAMS_NOW, { TEAMS_EMULATOR: true, publicUrl: 'http://127.0.0.1:1' });
  await seedDemo(testDb.db, deps.clock);
  const connector = await startFakeConnector();
  const app = new Hono();
  const mount = mountTeams(app, deps, createConversationHandler(deps));
  settleTurnsWith(mount.idle);
  const service = await listen(app);
  return {
    testDb,
    deps,
    connector,
    service,
    mount,
    link: (user, person) =>
      connector.members.set(user.id, { email: person.email, aadObjectId: user.aadObjectId, name: user.name }),
    close: async () => {
      await service.close();
      await connector.close();
      await testDb.drop();
    },
  };
}
