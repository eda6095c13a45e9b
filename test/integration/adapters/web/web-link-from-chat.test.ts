/**
 * "open Rollcall in my browser" in Teams (Emulator mode on loopback, the real conversation
 * core over the demo seed): the bot answers with a one-time link; opening it signs that
 * person into the web chat, over real HTTP, and nobody else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../../src/http/app.ts';
import { createConversationHandler } from '../../../../src/conversation/handle-message.ts';
import { mountWebChat } from '../../../../adapters/web/index.ts';
import { mountTeams } from '../../../../adapters/teams/mount-teams.ts';
import { seededConversation, demoEmail } from '../../../helpers/conversation.ts';
import { listen, type Listening } from '../../../helpers/listen.ts';
import type { TestDb } from '../../../helpers/test-db.ts';
import { startFakeConnector, type FakeConnector } from '../teams/fake-connector.ts';
import { PRIYA, personalActivity, postActivity, settleTurnsWith } from '../teams/activities.ts';

let testDb: TestDb;
let service: Listening;
let connector: FakeConnector;

beforeAll(async () => {
  const seeded = await seededConversation({ TEAMS_EMULATOR: true, demoMode: false });
  testDb = seeded.testDb;
  connector = await startFakeConnector();
  connector.members.set(PRIYA.id, {
    email: demoEmail('priya.shah'),
    aadObjectId: PRIYA.aadObjectId,
    name: PRIYA.name,
  });
  const app = createApp(seeded.deps);
  const handler = createConversationHandler(seeded.deps);
  mountWebChat(app, seeded.deps, handler);
  settleTurnsWith(mountTeams(app, seeded.deps, handler).idle);
  service = await listen(app);
  seeded.deps.config.publicUrl = service.url;
}, 120_000);
afterAll(async () => {
  await service?.close();
  await connector?.close();
  await testDb?.drop();
});

describe('a web chat link from the bot', () => {
  it('signs the asking person in, once', async () => {
    const res = await postActivity(
      service.url,
      personalActivity(connector.serviceUrl, PRIYA, { text: 'open Rollcall in my browser' }),
    );
    expect(res.status).toBe(200);
    const card = JSON.stringify(connector.activities().at(-1)!.body);
    const url = /"url":"([^"]+\/web\/sign-in#[A-Za-z0-9_-]{43})"/.exec(card)?.[1];
    expect(url).toBeTruthy();
    expect(url!.startsWith(`${service.url}/web/sign-in#`)).toBe(true);
    const token = url!.split('#')[1]!;

    const signIn = () =>
      fetch(`${service.url}/web/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: service.url },
        body: JSON.stringify({ token }),
      });
    const first = await signIn();
    expect(first.status).toBe(200);
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const me = await fetch(`${service.url}/web/me`, { headers: { cookie } });
    expect(((await me.json()) as { person: { email: string } }).person.email).toBe(demoEmail('priya.shah'));
    expect((await signIn()).status).toBe(401);
  });
});
