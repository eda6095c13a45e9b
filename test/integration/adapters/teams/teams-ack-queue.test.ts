/**
 * Teams' /api/messages answers a message before its turn runs: the reply goes to the
 * connector afterwards. Turns wait in a bounded queue; a full queue answers 503 with
 * Retry-After. A handler held on a gate stands in for slow work; assertions are about
 * order and outcome, not milliseconds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { listen, waitFor, type Listening } from '../../../helpers/listen.ts';
import { createAdapterFixture } from '../../../helpers/fake-conversation.ts';
import { gatedHandler } from '../../../helpers/gated-handler.ts';
import { mountTeams } from '../../../../adapters/teams/mount-teams.ts';
import type { ConversationHandler } from '../../../../src/conversation/types.ts';
import { startFakeConnector, type FakeConnector } from './fake-connector.ts';
import { PRIYA, personalActivity } from './activities.ts';

let testDb: TestDb;
let connector: FakeConnector;
const services: Listening[] = [];

beforeAll(async () => {
  testDb = await createTestDb();
  await createAdapterFixture(testDb.db);
  connector = await startFakeConnector();
  connector.members.set(PRIYA.id, {
    email: 'priya.shah@acme.example',
    aadObjectId: PRIYA.aadObjectId,
    name: PRIYA.name,
  });
});

afterAll(async () => {
  for (const s of services) await s.close();
  await connector?.close();
  await testDb?.drop();
});

async function serve(handler: ConversationHandler, turnQueue: { concurrency: number; capacity: number }) {
  const app = new Hono();
  const mount = mountTeams(app, testDeps(testDb.db, undefined, { TEAMS_EMULATOR: true }), handler, {
    turnQueue,
  });
  const service = await listen(app);
  services.push(service);
  return { mount, url: service.url };
}

/** Posts without waiting for the turn (unlike activities.ts postActivity with a settler). */
const say = (url: string, text: string) =>
  fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(personalActivity(connector.serviceUrl, PRIYA, { text })),
  });

const answered = (text: string) =>
  connector
    .activities()
    .filter((a) => (a.body as { summary?: string } | undefined)?.summary === `Done: ${text}`);

describe('Teams acks before the work', () => {
  it('acks the next message while a burst of slow turns is still running, then answers them all', async () => {
    const slow = gatedHandler();
    const { url, mount } = await serve(slow.handler, { concurrency: 2, capacity: 50 });
    const burst = await Promise.all(Array.from({ length: 6 }, (_, i) => say(url, `teams burst ${i}`)));
    expect(burst.map((r) => r.status)).toEqual(Array(6).fill(200));
    await waitFor('the first turns to start', () => slow.state.started === 2);

    const next = await say(url, 'teams burst next');
    expect(next.status).toBe(200);
    expect(slow.state.finished).toBe(0);
    expect(slow.state.started).toBe(2);

    slow.open();
    await mount.stop();
    expect(slow.state.finished).toBe(7);
    for (let i = 0; i < 6; i++) expect(answered(`teams burst ${i}`)).toHaveLength(1);
    expect(answered('teams burst next')).toHaveLength(1);
  });

  it('a full queue answers 503 with Retry-After and runs nothing for it', async () => {
    const slow = gatedHandler();
    const { url, mount } = await serve(slow.handler, { concurrency: 1, capacity: 1 });
    expect((await say(url, 'teams full 1')).status).toBe(200);
    expect((await say(url, 'teams full 2')).status).toBe(200);
    const refused = await say(url, 'teams full 3');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('BUSY');

    slow.open();
    await mount.stop();
    expect(answered('teams full 1')).toHaveLength(1);
    expect(answered('teams full 2')).toHaveLength(1);
    expect(answered('teams full 3')).toHaveLength(0);
    expect(slow.state.finished).toBe(2);
  });
});
