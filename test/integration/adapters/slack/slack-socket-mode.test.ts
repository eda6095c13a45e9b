/**
 * Socket Mode: with SLACK_APP_TOKEN, Rollcall opens a WebSocket to Slack instead of taking
 * inbound HTTP. A local `ws` server speaks the Socket Mode envelope (hello, events_api,
 * interactive, acks by envelope_id); the Web API is the usual fake. Events run in the same
 * bounded turn queue as over HTTP: acked before their work, and left unacked (so Slack
 * redelivers them) when the queue is full.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { listen, waitFor, type Listening } from '../../../helpers/listen.ts';
import {
  createAdapterFixture,
  fakeConversation,
  type AdapterFixture,
} from '../../../helpers/fake-conversation.ts';
import { mountSlack } from '../../../../adapters/slack/mount-slack.ts';
import type { ConversationHandler } from '../../../../src/conversation/types.ts';
import { startFakeSlack, type FakeSlack } from '../../../helpers/fake-slack.ts';
import { startFakeSocketMode } from '../../../helpers/fake-socket-mode.ts';
import { gatedHandler } from '../../../helpers/gated-handler.ts';
import { TEAM_ID, dmEvent } from '../../../helpers/slack-requests.ts';

let testDb: TestDb;
let fixture: AdapterFixture;
let slack: FakeSlack;
const stops: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  testDb = await createTestDb();
  fixture = await createAdapterFixture(testDb.db);
  slack = await startFakeSlack();
  slack.emails.set('U_PRIYA', 'priya.shah@acme.example');
});

afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await slack?.close();
  await testDb?.drop();
});

/** Rollcall over Socket Mode, connected to a fresh fake socket end. */
async function connect(handler: ConversationHandler, turnQueue?: { concurrency: number; capacity: number }) {
  const socket = await startFakeSocketMode(slack);
  const deps = testDeps(testDb.db, undefined, {
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_APP_TOKEN: 'xapp-test',
    SLACK_API_URL: slack.apiUrl,
    SLACK_TEAM_ID: TEAM_ID,
  });
  const app = new Hono();
  const mount = mountSlack(app, deps, handler, turnQueue ? { turnQueue } : {});
  const service: Listening = await listen(app);
  stops.push(
    () => socket.close(),
    () => service.close(),
    () => mount.stop(),
  );
  await socket.connected();
  return { socket, mount, service };
}

const repliesTo = (text: string) => slack.callsTo('chat.postMessage').filter((c) => c.args.text === text);

describe('Slack over Socket Mode', () => {
  it('connects with the app token, answers a DM, acts once on a redelivery, ignores other workspaces, takes no inbound HTTP', async () => {
    const conversation = fakeConversation(testDb.db, fixture);
    const { socket, mount, service } = await connect(conversation.handler);
    expect(mount.transport).toBe('socket');
    expect(slack.callsTo('apps.connections.open')[0]).toBeDefined();

    socket.sendEvent('env-1', dmEvent('U_PRIYA', 'what sessions are there', '7000.0001'));
    await waitFor('the ack', () => socket.acked('env-1') === 1);
    const reply = await waitFor('the reply', () =>
      slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'D_U_PRIYA'),
    );
    expect(reply.args.text).toBe('One First Aid session next month.');
    expect(conversation.received[0]).toMatchObject({
      personId: fixture.personId,
      text: 'what sessions are there',
    });

    socket.sendEvent('env-1b', dmEvent('U_PRIYA', 'thanks', '7000.0002'));
    socket.sendEvent('env-1b', dmEvent('U_PRIYA', 'thanks', '7000.0002'));
    socket.sendEvent('env-2', dmEvent('U_PRIYA', 'hello from elsewhere', '7000.0003'), { teamId: 'T_OTHER' });
    await waitFor('all acks', () => socket.acked('env-1b') === 2 && socket.acked('env-2') === 1);
    await mount.idle();
    expect(conversation.received.filter((m) => m.text === 'thanks')).toHaveLength(1);
    expect(conversation.received.some((m) => m.text === 'hello from elsewhere')).toBe(false);
    expect((await fetch(`${service.url}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('acks events before their work and runs them in the bounded turn queue', async () => {
    const slow = gatedHandler();
    const { socket, mount } = await connect(slow.handler, { concurrency: 2, capacity: 50 });
    for (let i = 0; i < 5; i++)
      socket.sendEvent(`burst-${i}`, dmEvent('U_PRIYA', `socket burst ${i}`, `7100.000${i}`));
    await waitFor('every ack', () => [0, 1, 2, 3, 4].every((i) => socket.acked(`burst-${i}`) === 1));
    await waitFor('the first turns to start', () => slow.state.started === 2);
    // Acked while every turn was still held, and never more running than the queue allows.
    expect(slow.state.finished).toBe(0);
    expect(slow.state.started).toBe(2);

    slow.open();
    await mount.idle();
    expect(slow.state.finished).toBe(5);
    for (let i = 0; i < 5; i++) expect(repliesTo(`Done: socket burst ${i}`)).toHaveLength(1);
  });

  it('leaves an event unacked when the queue is full, and handles its redelivery once', async () => {
    const slow = gatedHandler();
    const { socket, mount } = await connect(slow.handler, { concurrency: 1, capacity: 1 });
    socket.sendEvent('full-1', dmEvent('U_PRIYA', 'socket full 1', '7200.0001'));
    socket.sendEvent('full-2', dmEvent('U_PRIYA', 'socket full 2', '7200.0002'));
    await waitFor('two acks', () => socket.acked('full-1') === 1 && socket.acked('full-2') === 1);
    socket.sendEvent('full-3', dmEvent('U_PRIYA', 'socket full 3', '7200.0003'));

    slow.open();
    await mount.idle();
    expect(slow.state.finished).toBe(2);
    // Slack redelivers what it got no ack for (a new envelope, the same event id); it was
    // never marked as seen, so it is handled now, once.
    socket.sendEvent('full-3-retry', dmEvent('U_PRIYA', 'socket full 3', '7200.0003'), {
      eventKey: 'full-3',
    });
    await waitFor('the redelivery ack', () => socket.acked('full-3-retry') === 1);
    await mount.idle();
    expect(socket.acked('full-3'), 'the refused envelope was never acked').toBe(0);
    expect(slow.state.finished).toBe(3);
    for (const n of [1, 2, 3]) expect(repliesTo(`Done: socket full ${n}`)).toHaveLength(1);
  });
});
