/**
 * Teams over real HTTP: the service on 127.0.0.1, a fake Bot Framework connector as the
 * activities' serviceUrl recording what the service sends. Emulator mode (no credentials)
 * here; the JWT path is in teams-auth.test.ts.
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
import { mountTeams, type TeamsMount } from '../../../../adapters/teams/mount-teams.ts';
import { startFakeConnector, type FakeConnector } from './fake-connector.ts';
import { adaptiveCardProblems } from './card-validation.ts';
import {
  BOT,
  PRIYA,
  SAM,
  STRANGER,
  TENANT_ID,
  executeInvoke,
  personalActivity,
  postActivity,
  settleTurnsWith,
} from './activities.ts';

const NEWCOMER = { id: '29:olivia', aadObjectId: 'aad-olivia', name: 'Olivia Grant' };

let testDb: TestDb;
let fixture: AdapterFixture;
let connector: FakeConnector;
let service: Listening;
let conversation: FakeConversation;
let mount: TeamsMount;

beforeAll(async () => {
  testDb = await createTestDb();
  fixture = await createAdapterFixture(testDb.db);
  connector = await startFakeConnector();
  connector.members.set(PRIYA.id, {
    email: 'priya.shah@acme.example',
    aadObjectId: PRIYA.aadObjectId,
    name: PRIYA.name,
  });
  connector.members.set(SAM.id, {
    userPrincipalName: 'Sam.Brooks@acme.example',
    aadObjectId: SAM.aadObjectId,
    name: SAM.name,
  });
  connector.members.set(NEWCOMER.id, {
    email: 'olivia.grant@acme.example',
    aadObjectId: NEWCOMER.aadObjectId,
    name: NEWCOMER.name,
  });
  await testDb.db.prisma.person.create({
    data: { email: 'olivia.grant@acme.example', name: 'Olivia Grant' },
  });
  connector.members.set(STRANGER.id, {
    email: 'stranger@elsewhere.example',
    aadObjectId: STRANGER.aadObjectId,
    name: STRANGER.name,
  });
  conversation = fakeConversation(testDb.db, fixture);
  const app = new Hono();
  mount = mountTeams(app, testDeps(testDb.db, undefined, { TEAMS_EMULATOR: true }), conversation.handler);
  settleTurnsWith(mount.idle);
  service = await listen(app);
});

afterAll(async () => {
  await service?.close();
  await connector?.close();
  await testDb?.drop();
});

type Card = { type: string; version: string; body: Record<string, unknown>[] };
const cardOf = (call: { body?: Record<string, unknown> }) =>
  (call.body!.attachments as { contentType: string; content: Card }[]).find(
    (a) => a.contentType === 'application/vnd.microsoft.card.adaptive',
  )!.content;

describe('Teams messages', () => {
  it('answers a personal message with an Adaptive Card and remembers the conversation', async () => {
    const activity = personalActivity(connector.serviceUrl, PRIYA, {
      text: 'what sessions are there next month?',
    });
    const res = await postActivity(service.url, activity);
    expect(res.status).toBe(200);

    const reply = connector.activities().at(-1)!;
    expect(reply.conversationId).toBe(`a:personal-${PRIYA.aadObjectId}`);
    expect(reply.replyToId).toBe(activity.id);
    expect(reply.body!.summary).toBe('One First Aid session next month.');
    const card = cardOf(reply);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    // One card, no text bubble repeating it.
    expect(reply.body!.text).toBeUndefined();
    expect(reply.body!.attachments).toHaveLength(1);
    const actionSet = card.body.find((b) => b.type === 'ActionSet') as {
      actions: { type: string; title: string; data: unknown }[];
    };
    expect(actionSet.actions).toEqual([
      {
        type: 'Action.Submit',
        title: 'Book',
        data: { rollcallAction: 'book_session', value: fixture.sessionId },
        associatedInputs: 'none',
      },
    ]);
    expect(JSON.stringify(card.body)).toContain('"title":"Where","value":"Room 2"');

    expect(conversation.received[0]).toMatchObject({
      personId: fixture.personId,
      channel: 'teams',
      threadKey: '',
      text: 'what sessions are there next month?',
      // The activity's locale, for dates and numbers in the answer.
      locale: 'en-GB',
    });
    const identity = await testDb.db.prisma.chatIdentity.findUniqueOrThrow({
      where: {
        platform_tenant_externalId: { platform: 'teams', tenant: TENANT_ID, externalId: PRIYA.aadObjectId },
      },
    });
    expect(identity.personId).toBe(fixture.personId);
    expect(identity.conversationRef).toMatchObject({
      serviceUrl: connector.serviceUrl,
      conversation: { id: `a:personal-${PRIYA.aadObjectId}` },
      user: { id: PRIYA.id },
    });
  });

  it('answers a channel mention in the reply chain', async () => {
    const activity = personalActivity(connector.serviceUrl, PRIYA, {
      text: '<at>Rollcall</at> what sessions are there?',
      conversation: {
        id: '19:ops@thread.tacv2;messageid=1700',
        conversationType: 'channel',
        isGroup: true,
        tenantId: TENANT_ID,
      },
      entities: [
        {
          type: 'mention',
          text: '<at>Rollcall</at>',
          mentioned: { id: '28:rollcall-bot', name: 'Rollcall' },
        },
      ],
    });
    expect((await postActivity(service.url, activity)).status).toBe(200);
    const reply = connector.activities().at(-1)!;
    expect(reply.conversationId).toBe('19:ops@thread.tacv2;messageid=1700');
    expect(conversation.received.at(-1)).toMatchObject({
      text: 'what sessions are there?',
      threadKey: '19:ops@thread.tacv2;messageid=1700',
    });
    // The proactive address stays the personal chat: reminders never go to a channel.
    const identity = await testDb.db.prisma.chatIdentity.findFirstOrThrow({
      where: { externalId: PRIYA.aadObjectId },
    });
    expect(identity.conversationRef).toMatchObject({
      conversation: { id: `a:personal-${PRIYA.aadObjectId}` },
    });
  });

  it('passes on the activity locale (en-US), and none when the tag is not one Intl knows', async () => {
    await postActivity(
      service.url,
      personalActivity(connector.serviceUrl, PRIYA, { text: 'what sessions are there?', locale: 'en-US' }),
    );
    expect(conversation.received.at(-1)).toMatchObject({ text: 'what sessions are there?', locale: 'en-US' });
    await postActivity(
      service.url,
      personalActivity(connector.serviceUrl, PRIYA, {
        text: 'what sessions are there?',
        locale: 'not a tag!',
      }),
    );
    expect(conversation.received.at(-1)!.locale).toBeUndefined();
  });

  it('books through an Action.Submit', async () => {
    const res = await postActivity(
      service.url,
      personalActivity(connector.serviceUrl, PRIYA, {
        value: { rollcallAction: 'book_session', value: fixture.sessionId },
      }),
    );
    expect(res.status).toBe(200);
    expect(connector.activities().at(-1)!.body!.summary).toBe("You're booked on First Aid at Work.");
    const registration = await testDb.db.prisma.registration.findFirstOrThrow({
      where: { personId: fixture.personId, sessionId: fixture.sessionId },
    });
    expect(registration).toMatchObject({ status: 'confirmed', sourceChannel: 'teams' });
    expect(conversation.received.at(-1)).toMatchObject({
      action: { id: 'book_session', value: fixture.sessionId },
    });
  });

  it('acts once on a message the channel delivers twice', async () => {
    const activity = personalActivity(connector.serviceUrl, SAM, { text: 'thanks' });
    const handled = conversation.received.length;
    const sent = connector.activities().length;
    expect((await postActivity(service.url, activity)).status).toBe(200);
    expect((await postActivity(service.url, activity)).status).toBe(200);
    expect(conversation.received.length).toBe(handled + 1);
    expect(connector.activities().length).toBe(sent + 1);
  });

  it('answers an Action.Execute invoke in the HTTP body with a refreshed card', async () => {
    const sent = connector.activities().length;
    const res = await postActivity(
      service.url,
      executeInvoke(connector.serviceUrl, SAM, 'join_waitlist', {
        rollcallAction: 'join_waitlist',
        value: fixture.sessionId,
      }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { statusCode: number; type: string; value: Card };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.value.body[0]).toMatchObject({
      type: 'TextBlock',
      text: "You're on the waitlist for First Aid at Work, position 1.",
    });
    expect(connector.activities().length).toBe(sent);
    // Sam was linked by his UPN, lower-cased.
    const registration = await testDb.db.prisma.registration.findFirstOrThrow({
      where: { personId: fixture.otherPersonId },
    });
    expect(registration).toMatchObject({ status: 'waitlisted', sourceChannel: 'teams' });
  });

  it('renders Action.Execute buttons in the refreshed card', async () => {
    const res = await postActivity(
      service.url,
      executeInvoke(connector.serviceUrl, SAM, 'find', {
        rollcallAction: 'find_sessions',
        value: 'sessions',
      }),
    );
    const body = (await res.json()) as { value: Card };
    expect(res.status).toBe(200);
    expect(conversation.received.at(-1)!.action).toEqual({ id: 'find_sessions', value: 'sessions' });
    expect(body.value.body.some((b) => b.type === 'TextBlock')).toBe(true);
  });

  it('tells an unknown user why, and links nothing', async () => {
    const res = await postActivity(
      service.url,
      personalActivity(connector.serviceUrl, STRANGER, { text: 'hello' }),
    );
    expect(res.status).toBe(200);
    expect(connector.activities().at(-1)!.body!.summary).toContain(
      "couldn't find anyone in Rollcall with the e-mail stranger@elsewhere.example",
    );
    expect(await testDb.db.prisma.chatIdentity.count({ where: { externalId: STRANGER.aadObjectId } })).toBe(
      0,
    );
  });

  it('sends a proactive message from the stored conversation reference', async () => {
    const result = await mount.sender.send(fixture.personId, {
      text: 'A seat opened up on First Aid at Work: you are booked.',
      blocks: [],
    });
    expect(result).toEqual({ kind: 'sent' });
    const proactive = await waitFor('the proactive message', () =>
      connector
        .activities()
        .find((c) => c.body?.summary === 'A seat opened up on First Aid at Work: you are booked.'),
    );
    expect(proactive.conversationId).toBe(`a:personal-${PRIYA.aadObjectId}`);
    expect(proactive.replyToId).toBeUndefined();
    expect(cardOf(proactive).body[0]).toMatchObject({
      type: 'TextBlock',
      text: 'A seat opened up on First Aid at Work: you are booked.',
    });
    expect(await mount.sender.send(fixture.otherPersonId, { text: 'x', blocks: [] })).toEqual({
      kind: 'sent',
    });
  });

  it('welcomes a person who installs the app and can message them before they type anything', async () => {
    const install = personalActivity(connector.serviceUrl, NEWCOMER, {
      type: 'conversationUpdate',
      membersAdded: [{ id: BOT.id }],
    });
    expect((await postActivity(service.url, install)).status).toBe(200);
    expect(connector.activities().at(-1)!.body!.summary).toContain("Hi, I'm Rollcall");
    const person = await testDb.db.prisma.person.findUniqueOrThrow({
      where: { email: 'olivia.grant@acme.example' },
    });
    expect(
      await mount.sender.send(person.id, {
        text: 'Your Fire Safety certificate expires in 30 days.',
        blocks: [],
      }),
    ).toEqual({ kind: 'sent' });
    expect(connector.activities().at(-1)).toMatchObject({
      conversationId: `a:personal-${NEWCOMER.aadObjectId}`,
      body: { summary: 'Your Fire Safety certificate expires in 30 days.' },
    });
  });

  it('has no address for a person who never talked to the bot', async () => {
    const person = await testDb.db.prisma.person.create({
      data: { email: 'new.starter@acme.example', name: 'New Starter' },
    });
    expect(await mount.sender.send(person.id, { text: 'x', blocks: [] })).toEqual({ kind: 'no_channel' });
  });

  it('sent only Adaptive Cards that the SDK validates against 1.5', () => {
    const cards = connector.calls.flatMap((c) =>
      ((c.body?.attachments as { contentType: string; content: unknown }[] | undefined) ?? [])
        .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
        .map((a) => a.content),
    );
    expect(cards.length).toBeGreaterThan(5);
    for (const card of cards) expect(adaptiveCardProblems(card)).toEqual([]);
  });
});

describe('Teams refusals change nothing', () => {
  async function snapshot() {
    const p = testDb.db.prisma;
    return {
      handled: conversation.received.length,
      sent: connector.calls.length,
      identities: await p.chatIdentity.count(),
      registrations: await p.registration.count(),
    };
  }
  const valid = () =>
    personalActivity(connector.serviceUrl, PRIYA, {
      value: { rollcallAction: 'book_session', value: fixture.sessionId },
    });
  const without = (field: string) => {
    const a = valid();
    delete a[field];
    return a;
  };

  it.each([
    ['an activity without a type', () => without('type')],
    ['an activity without a serviceUrl', () => without('serviceUrl')],
    ['an activity without a sender', () => without('from')],
    ['an activity without a conversation', () => without('conversation')],
    ['an activity with a serviceUrl that is not a URL', () => ({ ...valid(), serviceUrl: 'not a url' })],
    ['a body that is not JSON', () => '{"type":"message",'],
  ])('refuses %s with 400', async (_name, build) => {
    const before = await snapshot();
    const res = await postActivity(service.url, build());
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION');
    expect(await snapshot()).toEqual(before);
  });
});
