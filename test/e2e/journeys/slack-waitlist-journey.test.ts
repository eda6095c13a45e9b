/**
 * End to end with the real conversation core on the seeded demo organisation: a Slack DM
 * asks for First Aid sessions, the full one is offered with a "Waitlist" button, and the
 * button press puts the person on its waitlist in the database, and "what am I booked on?"
 * answers with that waitlist place — over real HTTP, signed as Slack signs, with a fake Slack
 * Web API recording what the service sends back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { createConversationHandler } from '../../../src/conversation/handle-message.ts';
import type { Deps } from '../../../src/deps.ts';
import { seedDemo } from '../../../src/seed/demo-seed.ts';
import { createTestDb, testDeps, type TestDb } from '../../helpers/test-db.ts';
import { listen, waitFor, type Listening } from '../../helpers/listen.ts';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.ts';
import {
  SIGNING_SECRET,
  TEAM_ID,
  dmEvent,
  eventBody,
  interactionBody,
  postSigned,
} from '../../helpers/slack-requests.ts';
import { mountSlack } from '../../../adapters/slack/mount-slack.ts';
import { blockKitProblems } from '../../integration/adapters/slack/block-kit-limits.ts';

const NOW = new Date('2026-11-28T09:00:00Z');
const nowSeconds = Math.floor(NOW.getTime() / 1000);

describe('Slack with the real conversation core', () => {
  let testDb: TestDb;
  let slack: FakeSlack;
  let service: Listening;
  let fullSessionId: string;
  let personId: string;

  beforeAll(async () => {
    testDb = await createTestDb();
    const deps = testDeps(testDb.db, NOW, {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_TEAM_ID: TEAM_ID,
    });
    await seedDemo(testDb.db, deps.clock);
    const p = testDb.db.prisma;

    // The demo's "nearly full" First Aid session: take its last seat so it is full.
    const sessions = await p.session.findMany({
      where: { course: { code: 'FA-101' }, startsAt: { gt: NOW }, status: 'scheduled' },
      include: {
        _count: {
          select: {
            registrations: { where: { status: { in: ['confirmed', 'pending_approval', 'offered'] } } },
          },
        },
      },
      orderBy: { startsAt: 'asc' },
    });
    const nearlyFull = sessions.find((s) => s.capacity - s._count.registrations === 1)!;
    fullSessionId = nearlyFull.id;
    const unregistered = await p.person.findMany({
      where: {
        status: 'active',
        roles: { has: 'employee' },
        registrations: { none: { sessionId: fullSessionId } },
      },
      orderBy: { email: 'asc' },
      take: 2,
    });
    await p.registration.create({
      data: { sessionId: fullSessionId, personId: unregistered[0]!.id, status: 'confirmed' },
    });
    personId = unregistered[1]!.id;

    slack = await startFakeSlack();
    slack.emails.set('U_LEARNER', unregistered[1]!.email);
    const realDeps: Deps = { ...deps, config: { ...deps.config, SLACK_API_URL: slack.apiUrl } };
    const app = new Hono();
    mountSlack(app, realDeps, createConversationHandler(realDeps));
    service = await listen(app);
  });

  afterAll(async () => {
    await service?.close();
    await slack?.close();
    await testDb?.drop();
  });

  it('a DM finds a full session, a button press waitlists it, and "what am I booked on?" shows it', async () => {
    const res = await postSigned(
      service.url,
      eventBody('Ev_E2E_1', dmEvent('U_LEARNER', 'what first aid sessions are there?', '7000.0001')),
      { nowSeconds },
    );
    expect(res.status).toBe(200);
    const offer = await waitFor('the sessions reply', () => slack.callsTo('chat.postMessage')[0]);
    type Element = { action_id: string; value: string };
    const buttons = (offer.args.blocks as { type: string; elements?: Element[] }[]).flatMap((b) =>
      b.type === 'actions' ? (b.elements ?? []) : [],
    );
    const waitlist = buttons.find(
      (b) => b.action_id.startsWith('join_waitlist#') && b.value === fullSessionId,
    );
    expect(waitlist, `a Waitlist button for the full session among ${JSON.stringify(buttons)}`).toBeDefined();

    const press = await postSigned(
      service.url,
      interactionBody({
        type: 'block_actions',
        team: { id: TEAM_ID },
        user: { id: 'U_LEARNER', team_id: TEAM_ID },
        channel: { id: 'D_U_LEARNER' },
        container: { type: 'message', channel_id: 'D_U_LEARNER', message_ts: '7000.0002' },
        message: { ts: '7000.0002' },
        actions: [
          { type: 'button', action_id: waitlist!.action_id, value: waitlist!.value, action_ts: '7000.0003' },
        ],
      }),
      { nowSeconds },
    );
    expect(press.status).toBe(200);
    await waitFor('the waitlist answer', () => slack.callsTo('chat.update')[0]);
    const registration = await testDb.db.prisma.registration.findFirst({
      where: { personId, sessionId: fullSessionId },
    });
    expect(registration).toMatchObject({ status: 'waitlisted', sourceChannel: 'slack' });
    expect(registration!.waitlistTicket).not.toBeNull();

    const ask = await postSigned(
      service.url,
      eventBody('Ev_E2E_2', dmEvent('U_LEARNER', 'what am I booked on?', '7000.0004')),
      { nowSeconds },
    );
    expect(ask.status).toBe(200);
    const bookings = await waitFor('the bookings reply', () => slack.callsTo('chat.postMessage')[1]);
    expect(bookings.args.text).toBe('You have 1 upcoming booking (times in Europe/London):');
    const shown = JSON.stringify(bookings.args.blocks);
    expect(shown).toContain('*First Aid at Work*');
    expect(shown).toContain('Waitlisted (#1)');
    expect(shown).toContain(registration!.id);
  });

  it('sent only Block Kit within Slack’s limits, on every call the journey made', () => {
    type Payload = { what: string; blocks: never; kind: 'message' | 'view' };
    const payloads = slack.calls.flatMap((c): Payload[] => {
      if (['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'response_url'].includes(c.method))
        return [{ what: c.method, blocks: (c.args.blocks ?? []) as never, kind: 'message' }];
      if (c.method === 'views.publish' || c.method === 'views.open')
        return [{ what: c.method, blocks: (c.args.view as { blocks: never }).blocks, kind: 'view' }];
      return [];
    });
    // The sessions offer, the waitlist update and the bookings answer at least.
    expect(payloads.length).toBeGreaterThanOrEqual(3);
    for (const p of payloads) expect([p.what, blockKitProblems(p.blocks, p.kind)]).toEqual([p.what, []]);
  });
});
