/**
 * Slack over real HTTP: the service listens on 127.0.0.1, Slack's side is a fake Web API
 * recording every call, and requests are signed exactly as Slack signs them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
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
import {
  SIGNING_SECRET,
  TEAM_ID,
  commandBody,
  dmEvent,
  eventBody,
  interactionBody,
  postSigned,
} from '../../../helpers/slack-requests.ts';

const NOW = new Date('2026-11-28T09:00:00Z');
const nowSeconds = Math.floor(NOW.getTime() / 1000);

let testDb: TestDb;
let fixture: AdapterFixture;
let slack: FakeSlack;
let service: Listening;
let conversation: FakeConversation;
let mount: SlackMount;

beforeAll(async () => {
  testDb = await createTestDb();
  fixture = await createAdapterFixture(testDb.db);
  slack = await startFakeSlack();
  slack.emails.set('U_PRIYA', 'Priya.Shah@acme.example');
  slack.emails.set('U_SAM', 'sam.brooks@acme.example');
  slack.emails.set('U_STRANGER', 'stranger@elsewhere.example');
  slack.locales.set('U_PRIYA', 'en-US');
  const deps = testDeps(testDb.db, NOW, {
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: slack.apiUrl,
    SLACK_TEAM_ID: TEAM_ID,
  });
  conversation = fakeConversation(testDb.db, fixture);
  const app = new Hono();
  mount = mountSlack(app, deps, conversation.handler);
  service = await listen(app);
});

afterAll(async () => {
  await service?.close();
  await slack?.close();
  await testDb?.drop();
});

const post = (
  body: Parameters<typeof postSigned>[1],
  options: Partial<Parameters<typeof postSigned>[2]> = {},
) => postSigned(service.url, body, { nowSeconds, ...options });

const postsTo = (channel: string) =>
  slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

describe('Slack events', () => {
  it('answers the URL verification challenge', async () => {
    const res = await post({
      contentType: 'application/json',
      body: JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'abc123' });
  });

  it('books from a DM: the reply offers the waitlist, and the button press joins it', async () => {
    const res = await post(
      eventBody('Ev_DM_1', dmEvent('U_PRIYA', 'book me on first aid on tuesday', '1000.0001')),
    );
    expect(res.status).toBe(200);

    const offer = await waitFor('the waitlist offer', () => postsTo('D_U_PRIYA')[0]);
    const blocks = offer.args.blocks as {
      type: string;
      elements?: { action_id: string; value: string; text: { text: string } }[];
    }[];
    const actions = blocks.find((b) => b.type === 'actions')!;
    expect(actions.elements!.map((e) => e.action_id)).toEqual(['join_waitlist#0', 'cancel#1']);
    expect(conversation.received[0]).toMatchObject({
      personId: fixture.personId,
      channel: 'slack',
      threadKey: '',
      text: 'book me on first aid on tuesday',
      // From users.info (include_locale), for dates and numbers in her answers.
      locale: 'en-US',
    });
    expect(slack.callsTo('users.info').some((c) => c.args.include_locale && c.args.user === 'U_PRIYA')).toBe(
      true,
    );

    // The person was linked by e-mail on first contact (case-insensitively).
    const identity = await testDb.db.prisma.chatIdentity.findUniqueOrThrow({
      where: { platform_tenant_externalId: { platform: 'slack', tenant: TEAM_ID, externalId: 'U_PRIYA' } },
    });
    expect(identity.personId).toBe(fixture.personId);
    expect(identity.conversationRef).toEqual({ channel: 'D_U_PRIYA', teamId: TEAM_ID, userId: 'U_PRIYA' });

    const join = actions.elements![0]!;
    const press = await post(
      interactionBody({
        type: 'block_actions',
        team: { id: TEAM_ID },
        user: { id: 'U_PRIYA', team_id: TEAM_ID },
        channel: { id: 'D_U_PRIYA' },
        container: { type: 'message', channel_id: 'D_U_PRIYA', message_ts: '1000.0002' },
        message: { ts: '1000.0002' },
        trigger_id: 'trig-1',
        response_url: `${slack.baseUrl}/respond/1`,
        actions: [
          {
            type: 'button',
            action_id: join.action_id,
            block_id: 'b1',
            value: join.value,
            action_ts: '1000.0003',
          },
        ],
      }),
    );
    expect(press.status).toBe(200);

    // The pressed message itself becomes the outcome; its buttons are spent.
    const confirmation = await waitFor('the waitlist confirmation', () => slack.callsTo('chat.update')[0]);
    expect(confirmation.args).toMatchObject({ channel: 'D_U_PRIYA', ts: '1000.0002' });
    expect(postsTo('D_U_PRIYA')).toHaveLength(1);
    expect(confirmation.args.text).toBe("You're on the waitlist for First Aid at Work, position 1.");
    expect(conversation.received[1]).toMatchObject({
      personId: fixture.personId,
      action: { id: 'join_waitlist', value: fixture.sessionId },
    });
    const registration = await testDb.db.prisma.registration.findFirstOrThrow({
      where: { personId: fixture.personId, sessionId: fixture.sessionId },
    });
    expect(registration).toMatchObject({ status: 'waitlisted', sourceChannel: 'slack' });
    // users.info is asked once; the second turn found the linked identity.
    expect(slack.callsTo('users.info').filter((c) => c.args.user === 'U_PRIYA')).toHaveLength(1);
  });

  it('answers a channel mention in a thread that keeps its own dialogue', async () => {
    const mention = {
      type: 'app_mention',
      channel: 'C_OPS',
      user: 'U_PRIYA',
      text: '<@UBOT> what sessions are there?',
      ts: '1500.0001',
    };
    expect((await post(eventBody('Ev_MENTION', mention))).status).toBe(200);
    const reply = await waitFor('the thread reply', () => postsTo('C_OPS')[0]);
    expect(reply.args.thread_ts).toBe('1500.0001');
    expect(conversation.received.at(-1)).toMatchObject({
      text: 'what sessions are there?',
      threadKey: '1500.0001',
    });
    // A mention is not a DM: the proactive address stays the DM channel.
    const identity = await testDb.db.prisma.chatIdentity.findFirstOrThrow({
      where: { externalId: 'U_PRIYA' },
    });
    expect(identity.conversationRef).toMatchObject({ channel: 'D_U_PRIYA' });
  });

  it('acts on a retried event only once', async () => {
    const event = eventBody('Ev_RETRY_1', dmEvent('U_SAM', 'what sessions are there', '2000.0001'));
    expect((await post(event)).status).toBe(200);
    await waitFor('the first reply', () => postsTo('D_U_SAM')[0]);
    for (const n of ['1', '2']) {
      const retry = await post(event, {
        headers: { 'x-slack-retry-num': n, 'x-slack-retry-reason': 'http_timeout' },
      });
      expect(retry.status).toBe(200);
    }
    // A later, different event from the same person is processed: by then the retries would have been too.
    expect((await post(eventBody('Ev_RETRY_2', dmEvent('U_SAM', 'thanks', '2000.0002')))).status).toBe(200);
    await waitFor('the later reply', () => postsTo('D_U_SAM')[1]);
    expect(conversation.received.filter((m) => m.messageId === 'msg-2000.0001')).toHaveLength(1);
    // Slack gave no locale for Sam: none is passed on, and the core uses its default.
    expect(conversation.received.find((m) => m.messageId === 'msg-2000.0001')!.locale).toBeUndefined();
    expect(postsTo('D_U_SAM')).toHaveLength(2);
    const marker = await testDb.db.prisma.processedEvent.findUnique({
      where: { platform_eventId: { platform: 'slack', eventId: 'Ev_RETRY_1' } },
    });
    expect(marker).not.toBeNull();
  });

  it('answers a slash command privately through response_url, with the table as fields', async () => {
    const res = await post(
      commandBody({
        command: '/rollcall',
        text: 'what sessions are there next month',
        team_id: TEAM_ID,
        user_id: 'U_PRIYA',
        channel_id: 'C_GENERAL',
        trigger_id: 'trig-2',
        response_url: `${slack.baseUrl}/respond/cmd-1`,
      }),
    );
    expect(res.status).toBe(200);
    const answer = await waitFor('the private answer', () => slack.callsTo('response_url')[0]);
    expect(answer.args).toMatchObject({
      response_type: 'ephemeral',
      text: 'One First Aid session next month.',
    });
    const blocks = answer.args.blocks as {
      type: string;
      text?: { text: string };
      fields?: { text: string }[];
      elements?: { action_id: string }[];
    }[];
    expect(blocks.find((b) => b.fields)?.fields?.map((f) => f.text)).toEqual([
      '*Where*\nRoom 2',
      '*Seats*\n1 left',
    ]);
    expect(blocks.find((b) => b.type === 'actions')?.elements?.[0]?.action_id).toBe('book_session#0');
    expect(conversation.received.at(-1)).toMatchObject({
      personId: fixture.personId,
      text: 'what sessions are there next month',
    });
  });

  it('opens the scheduling form for /rollcall schedule and hands a valid submission to the core', async () => {
    const res = await post(
      commandBody({
        command: '/rollcall',
        text: 'schedule',
        team_id: TEAM_ID,
        user_id: 'U_PRIYA',
        channel_id: 'C_GENERAL',
        trigger_id: 'trig-3',
        response_url: `${slack.baseUrl}/respond/cmd-2`,
      }),
    );
    expect(res.status).toBe(200);
    const opened = await waitFor('views.open', () => slack.callsTo('views.open')[0]);
    expect(opened.args.trigger_id).toBe('trig-3');
    expect((opened.args.view as { callback_id: string }).callback_id).toBe('schedule_series');

    const values = (v: Record<string, unknown>) => ({ value: v });
    const submission = (state: Record<string, unknown>) =>
      interactionBody({
        type: 'view_submission',
        team: { id: TEAM_ID },
        user: { id: 'U_PRIYA', team_id: TEAM_ID },
        view: {
          id: 'V1',
          type: 'modal',
          callback_id: 'schedule_series',
          private_metadata: 'C_GENERAL',
          state: { values: state },
        },
      });
    const before = conversation.received.length;
    const invalid = await post(
      submission({
        course: values({ type: 'plain_text_input', value: '' }),
        start_date: values({ type: 'datepicker', selected_date: null }),
        start_time: values({ type: 'timepicker', selected_time: '09:00' }),
        weeks: values({ type: 'number_input', value: '99' }),
        venue: values({ type: 'plain_text_input', value: null }),
        instructors: values({ type: 'plain_text_input', value: null }),
        seats: values({ type: 'number_input', value: '12' }),
      }),
    );
    expect(invalid.status).toBe(200);
    const errors = (await invalid.json()) as { response_action: string; errors: Record<string, string> };
    expect(errors.response_action).toBe('errors');
    expect(Object.keys(errors.errors).sort()).toEqual(['course', 'start_date', 'weeks']);
    expect(conversation.received.length).toBe(before);

    const valid = await post(
      submission({
        course: values({ type: 'plain_text_input', value: 'FA-101' }),
        start_date: values({ type: 'datepicker', selected_date: '2026-12-08' }),
        start_time: values({ type: 'timepicker', selected_time: '09:00' }),
        weeks: values({ type: 'number_input', value: '4' }),
        venue: values({ type: 'plain_text_input', value: 'Room 2' }),
        instructors: values({ type: 'plain_text_input', value: 'Dana Whitfield, Lee Okafor' }),
        seats: values({ type: 'number_input', value: '12' }),
      }),
    );
    expect(valid.status).toBe(200);
    expect(await valid.text()).toBe('');
    const text =
      'schedule FA-101 every Tuesday 09:00 for 4 weeks starting 2026-12-08 in Room 2 with Dana Whitfield and Lee Okafor, 12 seats';
    const reply = await waitFor('the scheduling reply', () =>
      postsTo('D_U_PRIYA').find((c) => c.args.text === `Scheduling: ${text}`),
    );
    expect(reply).toBeDefined();
    expect(conversation.received.find((m) => m.text === text)).toMatchObject({ personId: fixture.personId });
  });

  it('uploads a file with getUploadURLExternal → upload → completeUploadExternal', async () => {
    expect(
      (
        await post(
          eventBody('Ev_FILE_1', dmEvent('U_PRIYA', 'compliance report for operations as csv', '3000.0001')),
        )
      ).status,
    ).toBe(200);
    const complete = await waitFor(
      'completeUploadExternal',
      () => slack.callsTo('files.completeUploadExternal')[0],
    );
    const sequence = slack.calls
      .map((c) => c.method)
      .filter((m) => ['files.getUploadURLExternal', 'upload', 'files.completeUploadExternal'].includes(m));
    expect(sequence).toEqual(['files.getUploadURLExternal', 'upload', 'files.completeUploadExternal']);
    const urlCall = slack.callsTo('files.getUploadURLExternal')[0]!;
    expect(urlCall.args).toMatchObject({ filename: 'compliance-operations.csv', length: '35' });
    // The client sends the bytes as one multipart part.
    expect(slack.callsTo('upload')[0]!.bytes!.toString('utf8')).toContain(
      '\r\n\r\nperson,status\nPriya Shah,compliant\n\r\n',
    );
    expect(complete.args.channel_id).toBe('D_U_PRIYA');
    expect(complete.args.files).toEqual([{ id: 'F1', title: 'compliance-operations.csv' }]);
  });

  it('hands a file sent in a DM to the core, downloaded with the bot token', async () => {
    const event = {
      ...dmEvent('U_PRIYA', 'here is the package', '3500.0001'),
      subtype: 'file_share',
      files: [
        {
          name: 'golf.zip',
          mimetype: 'application/zip',
          url_private_download: `${slack.baseUrl}/files/golf.zip`,
        },
      ],
    };
    expect((await post(eventBody('Ev_UPLOAD', event))).status).toBe(200);
    const reply = await waitFor('the file reply', () =>
      postsTo('D_U_PRIYA').find((c) => String(c.args.text).startsWith('Got golf.zip')),
    );
    expect(reply.args.text).toBe('Got golf.zip (application/zip, 16 bytes).');
    expect(slack.callsTo('file_download')[0]!.args.authorization).toBe('Bearer xoxb-test');
  });

  it('tells a Slack user with no Rollcall account why, and links nothing', async () => {
    expect((await post(eventBody('Ev_STRANGER', dmEvent('U_STRANGER', 'hello', '4000.0001')))).status).toBe(
      200,
    );
    const reply = await waitFor('the explanation', () => postsTo('D_U_STRANGER')[0]);
    expect(reply.args.text).toContain(
      "couldn't find anyone in Rollcall with the e-mail stranger@elsewhere.example",
    );
    expect(await testDb.db.prisma.chatIdentity.count({ where: { externalId: 'U_STRANGER' } })).toBe(0);
    expect(conversation.received.some((m) => m.text === 'hello')).toBe(false);
  });

  it('publishes the App Home tab from the core’s answers', async () => {
    expect(
      (
        await post(
          eventBody('Ev_HOME', {
            type: 'app_home_opened',
            user: 'U_PRIYA',
            channel: 'D_U_PRIYA',
            tab: 'home',
          }),
        )
      ).status,
    ).toBe(200);
    const published = await waitFor('views.publish', () => slack.callsTo('views.publish')[0]);
    expect(published.args.user_id).toBe('U_PRIYA');
    const view = published.args.view as { type: string; blocks: { type: string; text?: { text: string } }[] };
    expect(view.type).toBe('home');
    expect(view.blocks.filter((b) => b.type === 'header').map((b) => b.text!.text)).toEqual([
      'Your next sessions',
      'Overdue',
      'Due learning',
    ]);
    expect(conversation.received.filter((m) => m.threadKey === 'app_home').map((m) => m.text)).toContain(
      'what learning is due?',
    );
  });

  it('sends a proactive message to the stored DM channel', async () => {
    const result = await mount.sender.send(fixture.personId, {
      text: 'Reminder: First Aid tomorrow at 09:00.',
      blocks: [],
    });
    expect(result).toEqual({ kind: 'sent' });
    expect(postsTo('D_U_PRIYA').at(-1)!.args.text).toBe('Reminder: First Aid tomorrow at 09:00.');
    expect(await mount.sender.send(fixture.otherPersonId, { text: 'x', blocks: [] })).toEqual({
      kind: 'sent',
    });
  });

  it('reports a proactive message Slack refuses as failed, for the outbox to retry', async () => {
    slack.closedChannels.add('D_U_SAM');
    const result = await mount.sender.send(fixture.otherPersonId, { text: 'Reminder', blocks: [] });
    slack.closedChannels.delete('D_U_SAM');
    expect(result).toEqual({ kind: 'failed', error: expect.stringContaining('channel_not_found') });
  });
});

describe('Slack refusals change nothing', () => {
  async function snapshot() {
    const p = testDb.db.prisma;
    return {
      handled: conversation.received.length,
      apiCalls: slack.calls.filter((c) => c.method !== 'auth.test').length,
      processed: await p.processedEvent.count(),
      identities: await p.chatIdentity.count(),
      registrations: await p.registration.count(),
    };
  }
  const dm = (id: string) => eventBody(id, dmEvent('U_SAM', 'book me on first aid', `9000.${id}`));

  it.each([
    ['a forged signature', dm('Ev_F1'), { secret: 'not-the-secret' }, 401],
    ['a stale timestamp (more than 5 minutes old)', dm('Ev_F2'), { timestamp: nowSeconds - 301 }, 401],
    ['a timestamp more than 5 minutes in the future', dm('Ev_F3'), { timestamp: nowSeconds + 301 }, 401],
    [
      'a body changed after signing',
      dm('Ev_F4'),
      { tamper: (b: string) => b.replace('book me', 'cancel my') },
      401,
    ],
    [
      'a malformed JSON body',
      { contentType: 'application/json', body: '{"type":"event_callback",' },
      {},
      400,
    ],
    [
      'an envelope without an event id',
      {
        contentType: 'application/json',
        body: JSON.stringify({ type: 'event_callback', team_id: TEAM_ID, event: { type: 'message' } }),
      },
      {},
      400,
    ],
    [
      'an interaction payload that is not JSON',
      { contentType: 'application/x-www-form-urlencoded', body: 'payload=%7Bnot-json' },
      {},
      400,
    ],
    [
      'an event from another workspace',
      eventBody('Ev_F5', dmEvent('U_SAM', 'book me', '9000.5'), 'T_OTHER'),
      {},
      403,
    ],
  ] as const)('refuses %s', async (_name, body, options, status) => {
    const before = await snapshot();
    const res = await post(body, options as Partial<Parameters<typeof postSigned>[2]>);
    expect(res.status).toBe(status);
    const error = (await res.json()) as { error: { code: string; message: string } };
    expect(error.error.message.length).toBeGreaterThan(0);
    // Let any (wrongly) started work surface before comparing.
    await new Promise((r) => setTimeout(r, 100));
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an unsigned request', async () => {
    const res = await fetch(`${service.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
  });
});
