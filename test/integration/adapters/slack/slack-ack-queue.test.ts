/**
 * Slack's ack does not wait for the turn's work: turns run in a bounded queue after the
 * HTTP answer. A handler held on a gate stands in for slow work (the language model, a
 * busy database); the assertions are about order and outcome, never about milliseconds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { listen, waitFor, type Listening } from '../../../helpers/listen.ts';
import { createAdapterFixture } from '../../../helpers/fake-conversation.ts';
import { gatedHandler } from '../../../helpers/gated-handler.ts';
import { mountSlack, SLACK_BUSY_TEXT, type SlackMount } from '../../../../adapters/slack/mount-slack.ts';
import { startFakeSlack, type FakeSlack } from '../../../helpers/fake-slack.ts';
import {
  SIGNING_SECRET,
  TEAM_ID,
  commandBody,
  dmEvent,
  eventBody,
  postSigned,
} from '../../../helpers/slack-requests.ts';
import type { ConversationHandler } from '../../../../src/conversation/types.ts';

const NOW = new Date('2026-11-28T09:00:00Z');
const nowSeconds = Math.floor(NOW.getTime() / 1000);

let testDb: TestDb;
let slack: FakeSlack;
const services: Listening[] = [];

beforeAll(async () => {
  testDb = await createTestDb();
  await createAdapterFixture(testDb.db);
  slack = await startFakeSlack();
  slack.emails.set('U_PRIYA', 'priya.shah@acme.example');
});

afterAll(async () => {
  for (const s of services) await s.close();
  await slack?.close();
  await testDb?.drop();
});

async function serve(handler: ConversationHandler, turnQueue: { concurrency: number; capacity: number }) {
  const deps = testDeps(testDb.db, NOW, {
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: slack.apiUrl,
    SLACK_TEAM_ID: TEAM_ID,
  });
  const app = new Hono();
  const mount: SlackMount = mountSlack(app, deps, handler, { turnQueue });
  const service = await listen(app);
  services.push(service);
  return { mount, url: service.url };
}

const dm = (url: string, id: string, text: string, headers: Record<string, string> = {}) =>
  postSigned(url, eventBody(id, dmEvent('U_PRIYA', text, `${id}.1`)), { nowSeconds, headers });

const answered = (text: string) =>
  slack.callsTo('chat.postMessage').filter((c) => c.args.text === `Done: ${text}`);

describe('Slack acks before the work', () => {
  it('acks the next event while a burst of slow turns is still running, then answers them all', async () => {
    const slow = gatedHandler();
    const { url, mount } = await serve(slow.handler, { concurrency: 2, capacity: 50 });
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) => dm(url, `Ev_BURST_${i}`, `burst ${i}`)),
    );
    expect(burst.map((r) => r.status)).toEqual(Array(8).fill(200));
    await waitFor('the first turns to start', () => slow.state.started === 2);

    const next = await dm(url, 'Ev_BURST_NEXT', 'burst next');
    // The ack came back while every turn was still held: it did not wait for them.
    expect(next.status).toBe(200);
    expect(slow.state.finished).toBe(0);
    // Bounded: never more turns at once than the queue runs.
    expect(slow.state.started).toBe(2);

    slow.open();
    await mount.stop();
    expect(slow.state.finished).toBe(9);
    for (let i = 0; i < 8; i++) expect(answered(`burst ${i}`)).toHaveLength(1);
    expect(answered('burst next')).toHaveLength(1);
  });

  it('a full queue answers 503 + Retry-After to an event, busy to a command; a redelivery is then answered', async () => {
    const slow = gatedHandler();
    const { url, mount } = await serve(slow.handler, { concurrency: 1, capacity: 1 });
    expect((await dm(url, 'Ev_FULL_1', 'full 1')).status).toBe(200);
    expect((await dm(url, 'Ev_FULL_2', 'full 2')).status).toBe(200);

    const refused = await dm(url, 'Ev_FULL_3', 'full 3');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('BUSY');

    const command = await postSigned(
      url,
      commandBody({
        command: '/rollcall',
        text: 'what am I booked on',
        team_id: TEAM_ID,
        user_id: 'U_PRIYA',
        channel_id: 'C_GENERAL',
        trigger_id: 'trig-full',
        response_url: `${slack.baseUrl}/respond/full-1`,
      }),
      { nowSeconds },
    );
    expect(command.status).toBe(200);
    expect(await command.json()).toEqual({ response_type: 'ephemeral', text: SLACK_BUSY_TEXT });

    slow.open();
    await waitFor('the accepted turns to finish', () => slow.state.finished === 2);
    // Slack redelivers the refused event; it was never marked as seen, so it is handled now.
    const retried = await dm(url, 'Ev_FULL_3', 'full 3', { 'x-slack-retry-num': '1' });
    expect(retried.status).toBe(200);
    await mount.stop();
    expect(answered('full 1')).toHaveLength(1);
    expect(answered('full 2')).toHaveLength(1);
    expect(answered('full 3')).toHaveLength(1);
    // The refused command never ran: nothing was half-done behind the busy answer.
    expect(slow.state.finished).toBe(3);
  });

  it('after stop, new events are refused rather than accepted and dropped', async () => {
    const slow = gatedHandler();
    const { url, mount } = await serve(slow.handler, { concurrency: 1, capacity: 5 });
    slow.open();
    await mount.stop();
    expect((await dm(url, 'Ev_AFTER_STOP', 'after stop')).status).toBe(503);
  });
});
