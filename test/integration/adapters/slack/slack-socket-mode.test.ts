/**
 * Socket Mode: with SLACK_APP_TOKEN, Rollcall opens a WebSocket to Slack instead of taking
 * inbound HTTP. A local `ws` server speaks the Socket Mode envelope (hello, events_api,
 * interactive, acks by envelope_id); the Web API is the usual fake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { listen, waitFor, type Listening } from '../../../helpers/listen.ts';
import {
  createAdapterFixture,
  fakeConversation,
  type AdapterFixture,
  type FakeConversation,
} from '../../../helpers/fake-conversation.ts';
import { mountSlack, type SlackMount } from '../../../../adapters/slack/mount-slack.ts';
import { startFakeSlack, type FakeSlack } from '../../../helpers/fake-slack.ts';
import { TEAM_ID, dmEvent } from '../../../helpers/slack-requests.ts';

let testDb: TestDb;
let fixture: AdapterFixture;
let slack: FakeSlack;
let service: Listening;
let conversation: FakeConversation;
let mount: SlackMount;
let wss: WebSocketServer;
let client: WebSocket | undefined;
const acks: Record<string, unknown>[] = [];

beforeAll(async () => {
  testDb = await createTestDb();
  fixture = await createAdapterFixture(testDb.db);
  slack = await startFakeSlack();
  slack.emails.set('U_PRIYA', 'priya.shah@acme.example');
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  wss.on('connection', (ws) => {
    client = ws;
    ws.on('message', (data) => acks.push(JSON.parse(String(data)) as Record<string, unknown>));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
  });
  slack.socket.url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
  const deps = testDeps(testDb.db, undefined, {
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_APP_TOKEN: 'xapp-test',
    SLACK_API_URL: slack.apiUrl,
    SLACK_TEAM_ID: TEAM_ID,
  });
  conversation = fakeConversation(testDb.db, fixture);
  const app = new Hono();
  mount = mountSlack(app, deps, conversation.handler);
  service = await listen(app);
});

afterAll(async () => {
  await mount?.stop();
  await service?.close();
  await new Promise((r) => wss?.close(r));
  await slack?.close();
  await testDb?.drop();
});

const envelope = (id: string, event: Record<string, unknown>, teamId = TEAM_ID) =>
  JSON.stringify({
    envelope_id: id,
    type: 'events_api',
    accepts_response_payload: false,
    retry_attempt: 0,
    payload: {
      token: 'x',
      team_id: teamId,
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: `Ev_${id}`,
      event_time: 1,
      event,
    },
  });

describe('Slack over Socket Mode', () => {
  it('connects with the app token and answers a DM sent down the socket', async () => {
    expect(mount.transport).toBe('socket');
    await waitFor('the socket connection', () => client);
    const open = slack.callsTo('apps.connections.open')[0]!;
    expect(open).toBeDefined();
    client!.send(envelope('env-1', dmEvent('U_PRIYA', 'what sessions are there', '7000.0001')));
    await waitFor('the ack', () => acks.find((a) => a.envelope_id === 'env-1'));
    const reply = await waitFor('the reply', () =>
      slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'D_U_PRIYA'),
    );
    expect(reply.args.text).toBe('One First Aid session next month.');
    expect(conversation.received[0]).toMatchObject({
      personId: fixture.personId,
      text: 'what sessions are there',
    });
  });

  it('acts once on a redelivered envelope, ignores other workspaces, and takes no inbound HTTP', async () => {
    client!.send(envelope('env-1b', { ...dmEvent('U_PRIYA', 'thanks', '7000.0002') }));
    client!.send(envelope('env-1b', { ...dmEvent('U_PRIYA', 'thanks', '7000.0002') }));
    client!.send(envelope('env-2', dmEvent('U_PRIYA', 'hello from elsewhere', '7000.0003'), 'T_OTHER'));
    await waitFor(
      'both acks',
      () =>
        acks.filter((a) => a.envelope_id === 'env-1b').length === 2 &&
        acks.some((a) => a.envelope_id === 'env-2'),
    );
    await waitFor('the reply', () => conversation.received.some((m) => m.text === 'thanks'));
    await new Promise((r) => setTimeout(r, 200));
    expect(conversation.received.filter((m) => m.text === 'thanks')).toHaveLength(1);
    expect(conversation.received.some((m) => m.text === 'hello from elsewhere')).toBe(false);
    expect((await fetch(`${service.url}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
