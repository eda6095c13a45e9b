/**
 * What follows a press on Slack, over real HTTP against the fake Web API: private prompts
 * stay private, the pressed message is updated, destructive buttons ask first, the Home tab
 * follows bookings, the schedule form schedules, and reminders reach anyone linked.
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
import type { ConversationHandler, InboundMessage } from '../../../../src/conversation/types.ts';
import { mountSlack, type SlackMount } from '../../../../adapters/slack/mount-slack.ts';
import { renderSlackReply } from '../../../../adapters/slack/render-reply.ts';
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
import { blockKitProblems } from './block-kit-limits.ts';
import { refreshComplianceStatus } from '../../../../src/features/compliance/index.ts';

const NOW = new Date('2026-11-28T09:00:00Z');
const nowSeconds = Math.floor(NOW.getTime() / 1000);

let testDb: TestDb;
let fixture: AdapterFixture;
let slack: FakeSlack;
let service: Listening;
let mount: SlackMount;
const received: InboundMessage[] = [];

beforeAll(async () => {
  testDb = await createTestDb();
  fixture = await createAdapterFixture(testDb.db);
  slack = await startFakeSlack();
  slack.emails.set('U_PRIYA', 'priya.shah@acme.example');
  slack.emails.set('U_SAM', 'sam.brooks@acme.example');
  const deps = testDeps(testDb.db, NOW, {
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: slack.apiUrl,
    SLACK_TEAM_ID: TEAM_ID,
  });
  const base = fakeConversation(testDb.db, fixture);
  // The shared fake, plus the booking list and cancellation these tests press on.
  const handler: ConversationHandler = async (message) => {
    received.push(message);
    const p = testDb.db.prisma;
    if (message.action?.id === 'cancel_booking') {
      await p.registration.update({ where: { id: message.action.value }, data: { status: 'cancelled' } });
      return { text: 'Cancelled: First Aid at Work.', blocks: [] };
    }
    if (message.text === 'my record') {
      return { text: 'Your record: 3 courses completed.', blocks: [], private: true };
    }
    if (message.text === 'what am I booked on?' || message.text === 'my bookings') {
      const rows = await p.registration.findMany({
        where: { personId: message.personId, status: 'confirmed' },
      });
      if (rows.length === 0) return { text: 'No upcoming bookings.', blocks: [] };
      return {
        text: `${rows.length} booking(s).`,
        blocks: [
          { type: 'section', text: 'First Aid at Work, Tue 8 Dec <Room 2> & more' },
          {
            type: 'buttons',
            buttons: rows.map((r) => ({
              label: 'Cancel this booking',
              actionId: 'cancel_booking',
              value: r.id,
              style: 'danger' as const,
            })),
          },
        ],
      };
    }
    return base.handler(message);
  };
  const app = new Hono();
  mount = mountSlack(app, deps, handler);
  service = await listen(app);
});

afterAll(async () => {
  await service?.close();
  await slack?.close();
  await testDb?.drop();
});

const post = (body: Parameters<typeof postSigned>[1]) => postSigned(service.url, body, { nowSeconds });
const postsTo = (channel: string) =>
  slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
// biome-ignore lint/suspicious/noExplicitAny: Slack payloads as recorded, read loosely
type Blocks = { type: string; elements?: Record<string, any>[]; text?: { text: string } }[];
const buttonsOf = (blocks: unknown) =>
  (blocks as Blocks).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

const press = (
  actionId: string,
  value: string,
  where: { channel: string; ts?: string; ephemeral?: boolean; view?: boolean; responseUrl?: string },
) =>
  post(
    interactionBody({
      type: 'block_actions',
      team: { id: TEAM_ID },
      user: { id: 'U_PRIYA', team_id: TEAM_ID },
      ...(where.view ? {} : { channel: { id: where.channel } }),
      container: where.view
        ? { type: 'view', view_id: 'V_HOME' }
        : {
            type: 'message',
            channel_id: where.channel,
            ...(where.ts ? { message_ts: where.ts } : {}),
            is_ephemeral: where.ephemeral ?? false,
          },
      ...(where.ts ? { message: { ts: where.ts } } : {}),
      trigger_id: 'trig',
      ...(where.responseUrl ? { response_url: where.responseUrl } : {}),
      actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: `${Math.random()}` }],
    }),
  );

describe('Slack presses', () => {
  it('answers a press on a private /rollcall answer privately, replacing it, never in the channel', async () => {
    await post(
      commandBody({
        command: '/rollcall',
        text: 'what sessions are there',
        team_id: TEAM_ID,
        user_id: 'U_PRIYA',
        channel_id: 'C_PUBLIC',
        trigger_id: 't1',
        response_url: `${slack.baseUrl}/respond/private-1`,
      }),
    );
    const prompt = await waitFor('the private answer', () => slack.callsTo('response_url')[0]);
    const book = buttonsOf(prompt.args.blocks).find((e) => e.action_id.startsWith('book_session'))!;
    const publishedBefore = slack.callsTo('views.publish').length;

    const res = await press(book.action_id, book.value, {
      channel: 'C_PUBLIC',
      ephemeral: true,
      responseUrl: `${slack.baseUrl}/respond/private-2`,
    });
    expect(res.status).toBe(200);
    const answer = await waitFor('the private outcome', () => slack.callsTo('response_url')[1]);
    expect(answer.args).toMatchObject({
      response_type: 'ephemeral',
      replace_original: true,
      text: "You're booked on First Aid at Work.",
    });
    expect(buttonsOf(answer.args.blocks)).toEqual([]);
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C_PUBLIC')).toEqual([]);
    expect(slack.callsTo('chat.update')).toEqual([]);
    expect(
      await testDb.db.prisma.registration.count({
        where: { personId: fixture.personId, sessionId: fixture.sessionId, status: 'confirmed' },
      }),
    ).toBe(1);

    // The booking changed what the Home tab shows: it is published again, with the booking.
    const home = await waitFor(
      'the refreshed Home tab',
      () => slack.callsTo('views.publish')[publishedBefore],
    );
    expect(home.args.user_id).toBe('U_PRIYA');
    const view = home.args.view as { blocks: Blocks };
    expect(buttonsOf(view.blocks).map((e) => e.action_id)).toContain('cancel_booking#0');
    expect(view.blocks.filter((b) => b.type === 'header').map((b) => b.text!.text)).toEqual([
      'Your next sessions',
      'Overdue',
      'Due learning',
    ]);
    // Action ids stay unique across the whole Home view.
    const ids = buttonsOf(view.blocks).map((e) => e.action_id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts a confirm dialog on cancel, and updates the pressed message to the outcome', async () => {
    await post(eventBody('Ev_BOOKINGS', dmEvent('U_PRIYA', 'my bookings', '5000.0001')));
    const list = await waitFor('the bookings list', () => postsTo('D_U_PRIYA')[0]);
    const cancel = buttonsOf(list.args.blocks)[0]!;
    expect(cancel.action_id).toBe('cancel_booking#0');
    expect(cancel.style).toBe('danger');
    expect(cancel.confirm).toMatchObject({
      title: { type: 'plain_text', text: 'Are you sure?' },
      text: { type: 'plain_text', text: expect.stringContaining('Cancel this booking') },
      confirm: { type: 'plain_text', text: 'Cancel this booking' },
      deny: { type: 'plain_text', text: 'Keep it' },
      style: 'danger',
    });
    // The section text is escaped for mrkdwn.
    expect((list.args.blocks as Blocks)[0]!.text!.text).toBe(
      'First Aid at Work, Tue 8 Dec &lt;Room 2&gt; &amp; more',
    );

    const res = await press(cancel.action_id, cancel.value, {
      channel: 'D_U_PRIYA',
      ts: '5000.0002',
      responseUrl: `${slack.baseUrl}/respond/dm-1`,
    });
    expect(res.status).toBe(200);
    const update = await waitFor('chat.update', () => slack.callsTo('chat.update')[0]);
    expect(update.args).toMatchObject({
      channel: 'D_U_PRIYA',
      ts: '5000.0002',
      text: 'Cancelled: First Aid at Work.',
    });
    expect(buttonsOf(update.args.blocks)).toEqual([]);
    expect(postsTo('D_U_PRIYA')).toHaveLength(1);
    const registration = await testDb.db.prisma.registration.findUniqueOrThrow({
      where: { id: cancel.value },
    });
    expect(registration.status).toBe('cancelled');
  });

  it('schedules from the modal with a 24-hour 09:30 and no venue, and answers bad fields in the modal', async () => {
    const v = (value: Record<string, unknown>) => ({ value });
    const submit = (state: Record<string, unknown>) =>
      post(
        interactionBody({
          type: 'view_submission',
          team: { id: TEAM_ID },
          user: { id: 'U_PRIYA', team_id: TEAM_ID },
          view: { id: 'V2', type: 'modal', callback_id: 'schedule_series', state: { values: state } },
        }),
      );
    const state = {
      course: v({ type: 'plain_text_input', value: 'FA-101' }),
      start_date: v({ type: 'datepicker', selected_date: '2026-12-08' }),
      start_time: v({ type: 'timepicker', selected_time: '09:30' }),
      weeks: v({ type: 'number_input', value: '4' }),
      venue: v({ type: 'plain_text_input', value: null }),
      instructors: v({ type: 'plain_text_input', value: null }),
      seats: v({ type: 'number_input', value: '12' }),
    };
    const asked = () => received.filter((m) => m.threadKey !== 'app_home').length;
    const before = asked();
    const bad = await submit({ ...state, start_time: v({ type: 'timepicker', selected_time: null }) });
    expect(await bad.json()).toEqual({
      response_action: 'errors',
      errors: { start_time: 'Pick a start time.' },
    });
    expect(asked()).toBe(before);

    const good = await submit(state);
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('');
    const text = 'schedule FA-101 every Tuesday 09:30 for 4 weeks starting 2026-12-08, 12 seats';
    await waitFor('the scheduling answer in the DM', () =>
      postsTo('D_U_PRIYA').find((c) => c.args.text === `Scheduling: ${text}`),
    );
    expect(received.find((m) => m.text === text)).toMatchObject({ personId: fixture.personId });
  });

  it('reaches someone linked who never DM’d the bot, opening the DM with conversations.open', async () => {
    // Sam is linked through a slash command in a channel: no DM channel is known yet.
    await post(
      commandBody({
        command: '/rollcall',
        text: 'help',
        team_id: TEAM_ID,
        user_id: 'U_SAM',
        channel_id: 'C_PUBLIC',
        trigger_id: 't2',
        response_url: `${slack.baseUrl}/respond/sam-1`,
      }),
    );
    await waitFor('Sam linked', () => received.find((m) => m.personId === fixture.otherPersonId));
    const identity = await testDb.db.prisma.chatIdentity.findFirstOrThrow({ where: { externalId: 'U_SAM' } });
    expect(identity.conversationRef).toBeNull();

    const result = await mount.sender.send(fixture.otherPersonId, {
      text: 'Reminder: First Aid tomorrow at 09:00.',
      blocks: [],
    });
    expect(result).toEqual({ kind: 'sent' });
    expect(slack.callsTo('conversations.open').at(-1)!.args.users).toBe('U_SAM');
    expect(postsTo('D_U_SAM').at(-1)!.args.text).toBe('Reminder: First Aid tomorrow at 09:00.');
    const after = await testDb.db.prisma.chatIdentity.findFirstOrThrow({ where: { externalId: 'U_SAM' } });
    expect(after.conversationRef).toEqual({ channel: 'D_U_SAM', teamId: TEAM_ID, userId: 'U_SAM' });
  });

  it('keeps a reply marked private out of the channel when asked by a mention', async () => {
    await post(
      eventBody('Ev_PRIVATE', {
        type: 'app_mention',
        channel: 'C_PUBLIC',
        user: 'U_PRIYA',
        text: '<@UBOT> my record',
        ts: '6000.0001',
      }),
    );
    const ephemeral = await waitFor('the ephemeral answer', () => slack.callsTo('chat.postEphemeral')[0]);
    expect(ephemeral.args).toMatchObject({
      channel: 'C_PUBLIC',
      user: 'U_PRIYA',
      thread_ts: '6000.0001',
      text: 'Your record: 3 courses completed.',
    });
    expect(postsTo('C_PUBLIC')).toEqual([]);
  });

  it('renders long tables, odd text and long text within Slack’s limits', () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`Person <${i}> & co`, '`x`', '🙂'.repeat(40)]);
    const message = renderSlackReply({
      text: 'A'.repeat(5000),
      blocks: [
        { type: 'section', text: `${'é'.repeat(2997)}&&&` },
        { type: 'table', title: 'Team <status>', columns: ['Person', 'Code', 'Mood'], rows },
        { type: 'context', text: '<!channel> hello' },
      ],
    });
    expect(blockKitProblems(message.blocks as never)).toEqual([]);
    const cutText = (message.blocks[0] as { text: { text: string } }).text.text;
    expect(cutText.endsWith('…')).toBe(true);
    expect(cutText).not.toMatch(/&[a-z]*…$/);
    const table = JSON.stringify(message.blocks);
    expect(table).toContain('Person &lt;0&gt; &amp; co');
    expect(table).not.toContain('`x`');
  });

  it('shows a manager their team’s status on the Home tab, refreshed after a press', async () => {
    const p = testDb.db.prisma;
    await p.person.update({
      where: { id: fixture.otherPersonId },
      data: { managerId: fixture.personId, hireDate: new Date('2025-01-01') },
    });
    const course = await p.course.findUniqueOrThrow({ where: { code: 'FA-101' } });
    await p.complianceRequirement.create({
      data: {
        code: 'FIRST-AID',
        name: 'First aid <basic> & refresher',
        courses: { create: [{ courseId: course.id }] },
      },
    });
    // Written directly, not through a use case: keep the maintained compliance rows as the
    // write paths would.
    await refreshComplianceStatus(p, NOW, { kind: 'everyone' });
    const homeAfter = async (count: number) => {
      const view = (await waitFor('a Home tab publish', () => slack.callsTo('views.publish')[count])).args
        .view as { blocks: Blocks };
      const at = view.blocks.findIndex((b) => b.type === 'header' && b.text!.text === 'Your team');
      return { view, team: JSON.stringify(view.blocks.slice(at)), at };
    };

    let published = slack.callsTo('views.publish').length;
    await post(eventBody('Ev_HOME_TEAM_1', { type: 'app_home_opened', user: 'U_PRIYA', tab: 'home' }));
    const before = await homeAfter(published);
    expect(before.at).toBeGreaterThan(0);
    // Sam, in Priya's line, joined long ago without the course: overdue. Names are escaped.
    expect(before.team).toContain('*Overdue*\\n1');
    expect(before.team).toContain('First aid &lt;basic&gt; &amp; refresher: 1 overdue');
    expect(
      buttonsOf(before.view.blocks).find((e) => e.value === 'how is my team doing on compliance?'),
    ).toBeDefined();
    expect(blockKitProblems(before.view.blocks as never, 'view')).toEqual([]);

    // Sam completes it; Priya's next press publishes the tab again, now up to date.
    await p.completion.create({
      data: {
        personId: fixture.otherPersonId,
        courseId: course.id,
        source: 'manual',
        reason: 'Certificate seen',
        completedAt: NOW,
      },
    });
    await refreshComplianceStatus(p, NOW, { kind: 'people', personIds: [fixture.otherPersonId] });
    published = slack.callsTo('views.publish').length;
    await press('say', 'help', { channel: 'D_U_PRIYA', view: true });
    const after = await homeAfter(published);
    expect(after.team).toContain('*Overdue*\\n0');
    expect(after.team).not.toContain('1 overdue');
  });

  it('stops sending to a workspace that uninstalled the app', async () => {
    await post(eventBody('Ev_UNINSTALL', { type: 'app_uninstalled' }));
    // Bolt acknowledges before its handler runs: wait for the workspace to be marked.
    await waitFor('uninstall recorded', async () => {
      const row = await testDb.db.prisma.slackWorkspace.findUnique({ where: { teamId: TEAM_ID } });
      return row?.revokedAt != null;
    });
    let result: unknown;
    await waitFor('the sender to stop', async () => {
      result = await mount.sender.send(fixture.personId, { text: 'Reminder', blocks: [] });
      return (result as { kind: string }).kind === 'no_channel';
    });
    const posts = slack.callsTo('chat.postMessage').length;
    expect(await mount.sender.send(fixture.otherPersonId, { text: 'Reminder', blocks: [] })).toEqual({
      kind: 'no_channel',
    });
    expect(slack.callsTo('chat.postMessage').length).toBe(posts);
  });

  it('still refuses to send there after a restart (a new app over the same database)', async () => {
    const stored = await testDb.db.prisma.slackWorkspace.findUnique({ where: { teamId: TEAM_ID } });
    expect(stored).toMatchObject({ revokedReason: 'app_uninstalled' });
    expect(stored!.revokedAt).toBeInstanceOf(Date);
    const restarted = mountSlack(
      new Hono(),
      testDeps(testDb.db, NOW, {
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_API_URL: slack.apiUrl,
        SLACK_TEAM_ID: TEAM_ID,
      }),
      async () => ({ text: 'unused', blocks: [] }),
    );
    const calls = slack.calls.length;
    expect(await restarted.sender.send(fixture.personId, { text: 'Reminder', blocks: [] })).toEqual({
      kind: 'no_channel',
    });
    expect(await restarted.sender.send(fixture.otherPersonId, { text: 'Reminder', blocks: [] })).toEqual({
      kind: 'no_channel',
    });
    expect(slack.calls.length).toBe(calls);
  });

  it('sent only Block Kit within Slack’s limits', () => {
    type Payload = { what: string; blocks: never; kind: 'message' | 'view' };
    const payloads = slack.calls.flatMap((c): Payload[] => {
      if (['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'response_url'].includes(c.method))
        return [{ what: c.method, blocks: c.args.blocks as never, kind: 'message' }];
      if (c.method === 'views.publish' || c.method === 'views.open')
        return [{ what: c.method, blocks: (c.args.view as { blocks: never }).blocks, kind: 'view' }];
      return [];
    });
    expect(payloads.length).toBeGreaterThan(8);
    for (const p of payloads) expect([p.what, blockKitProblems(p.blocks, p.kind)]).toEqual([p.what, []]);
  });
});
