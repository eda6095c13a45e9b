/**
 * Teams cards and files over real HTTP against the fake connector: one card per reply,
 * "Never mind" beside a required choice, the card updated after a submit, files through the
 * consent flow (accept and decline) or a signed link, a team install greeted once, and every
 * card validated by the Adaptive Cards SDK.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { listen, type Listening } from '../../../helpers/listen.ts';
import {
  createAdapterFixture,
  fakeConversation,
  type AdapterFixture,
} from '../../../helpers/fake-conversation.ts';
import type { ConversationHandler, InboundMessage } from '../../../../src/conversation/types.ts';
import { mountTeams } from '../../../../adapters/teams/mount-teams.ts';
import { startFakeConnector, type FakeConnector } from './fake-connector.ts';
import {
  BOT,
  PRIYA,
  TENANT_ID,
  executeInvoke,
  personalActivity,
  postActivity,
  settleTurnsWith,
} from './activities.ts';
import { adaptiveCardProblems } from './card-validation.ts';

const CARD = 'application/vnd.microsoft.card.adaptive';
const CSV = 'person,status\nPriya Shah,compliant\n';

let testDb: TestDb;
let fixture: AdapterFixture;
let connector: FakeConnector;
let service: Listening;
/** A second replica over the same database. */
let replica: Listening;
const received: InboundMessage[] = [];
const invokeCards: unknown[] = [];

beforeAll(async () => {
  testDb = await createTestDb();
  fixture = await createAdapterFixture(testDb.db);
  connector = await startFakeConnector();
  connector.members.set(PRIYA.id, {
    email: 'priya.shah@acme.example',
    aadObjectId: PRIYA.aadObjectId,
    name: PRIYA.name,
  });
  const base = fakeConversation(testDb.db, fixture);
  const handler: ConversationHandler = async (message) => {
    received.push(message);
    if (message.text === 'pick a session') {
      return {
        text: 'Which session?',
        blocks: [
          {
            type: 'choices',
            prompt: 'Which session?',
            actionId: 'choose',
            choices: [{ label: 'Tue 8 Dec', value: fixture.sessionId }],
          },
          { type: 'buttons', buttons: [{ label: 'Never mind', actionId: 'confirm', value: 'no' }] },
        ],
      };
    }
    if (message.text === 'my bookings') {
      return {
        text: 'One booking.',
        blocks: [
          {
            type: 'buttons',
            buttons: [
              { label: 'Cancel this booking', actionId: 'cancel_booking', value: 'reg-1', style: 'danger' },
            ],
          },
        ],
      };
    }
    if (message.action?.id === 'confirm' && message.action.value === 'no')
      return { text: 'OK, nothing changed.', blocks: [] };
    if (message.text === 'formatting') {
      return {
        text: '*Due soon*\n• Fire Safety\n• GDPR',
        blocks: [{ type: 'section', text: '*Due soon*\n• Fire Safety\n• GDPR' }],
      };
    }
    return base.handler(message);
  };
  const app = new Hono();
  settleTurnsWith(
    mountTeams(
      app,
      testDeps(testDb.db, undefined, { TEAMS_EMULATOR: true, publicUrl: 'http://127.0.0.1:1' }),
      handler,
    ).idle,
  );
  service = await listen(app);
  const other = new Hono();
  settleTurnsWith(
    mountTeams(
      other,
      testDeps(testDb.db, undefined, { TEAMS_EMULATOR: true, publicUrl: 'http://127.0.0.1:1' }),
      handler,
    ).idle,
  );
  replica = await listen(other);
});

afterAll(async () => {
  await service?.close();
  await replica?.close();
  await connector?.close();
  await testDb?.drop();
});

type Card = { type: string; version: string; body: Record<string, any>[] };
const cardOf = (call: { body?: Record<string, unknown> }) =>
  (call.body!.attachments as { contentType: string; content: Card }[]).find((a) => a.contentType === CARD)
    ?.content;
const say = (text: string, fields: Record<string, unknown> = {}) =>
  postActivity(service.url, personalActivity(connector.serviceUrl, PRIYA, { text, ...fields }));
const submit = (value: Record<string, unknown>, replyToId?: string) =>
  postActivity(
    service.url,
    personalActivity(connector.serviceUrl, PRIYA, { value, ...(replyToId ? { replyToId } : {}) }),
  );
const consent = (action: 'accept' | 'decline', fileId: unknown, name: string, url = service.url) =>
  postActivity(
    url,
    personalActivity(connector.serviceUrl, PRIYA, {
      type: 'invoke',
      name: 'fileConsent/invoke',
      value: {
        type: 'fileUpload',
        action,
        context: { fileId },
        ...(action === 'accept'
          ? {
              uploadInfo: {
                name,
                uploadUrl: connector.uploadUrl(name),
                contentUrl: `https://acme-my.sharepoint.com/personal/priya/Documents/${name}`,
                uniqueId: 'drive-item-1',
                fileType: 'csv',
              },
            }
          : {}),
      },
    }),
  );

describe('Teams cards', () => {
  it('answers with one card whose text is the summary, and shows typing first', async () => {
    const before = connector.activities().length;
    expect((await say('formatting')).status).toBe(200);
    const sent = connector.activities().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({ type: 'message', summary: 'Due soon • Fire Safety • GDPR' });
    expect(sent[0]!.body!.text).toBeUndefined();
    // One block per line (card markdown would run them together), single stars made bold.
    expect(cardOf(sent[0]!)!.body.map((b) => b.text)).toEqual(['**Due soon**', '• Fire Safety', '• GDPR']);
    expect(connector.typing().length).toBeGreaterThan(0);
  });

  it('lets "Never mind" submit past a required choice', async () => {
    await say('pick a session');
    const card = cardOf(connector.activities().at(-1)!)!;
    const sets = card.body.filter((b) => b.type === 'ActionSet').flatMap((b) => b.actions);
    expect(sets.find((a) => a.title === 'Choose')).toMatchObject({ associatedInputs: 'auto' });
    expect(sets.find((a) => a.title === 'Never mind')).toMatchObject({
      type: 'Action.Submit',
      associatedInputs: 'none',
      data: { rollcallAction: 'confirm', value: 'no' },
    });
    expect(card.body.find((b) => b.type === 'Input.ChoiceSet')).toMatchObject({ isRequired: true });

    // What Teams sends for that button: its data only, no choice.
    const res = await submit({ rollcallAction: 'confirm', value: 'no' }, 'card-choice-1');
    expect(res.status).toBe(200);
    expect(received.at(-1)!.action).toEqual({ id: 'confirm', value: 'no' });
    const update = connector.updates().at(-1)!;
    expect(update.replyToId).toBe('card-choice-1');
    expect(update.body).toMatchObject({ id: 'card-choice-1', summary: 'OK, nothing changed.' });
  });

  it('asks before cancelling: the cancel button opens a confirmation step', async () => {
    await say('my bookings');
    const card = cardOf(connector.activities().at(-1)!)!;
    const cancel = card.body.find((b) => b.type === 'ActionSet')!.actions[0];
    expect(cancel).toMatchObject({
      type: 'Action.ShowCard',
      title: 'Cancel this booking',
      card: {
        body: [{ type: 'TextBlock', text: expect.stringContaining('Cancel this booking?') }],
        actions: [
          {
            type: 'Action.Submit',
            style: 'destructive',
            associatedInputs: 'none',
            data: { rollcallAction: 'cancel_booking', value: 'reg-1' },
          },
        ],
      },
    });
  });

  it('updates the pressed card to the outcome instead of posting a new one', async () => {
    const sent = connector.activities().length;
    const res = await submit({ rollcallAction: 'book_session', value: fixture.sessionId }, 'card-book-1');
    expect(res.status).toBe(200);
    expect(connector.activities().length).toBe(sent);
    const update = connector.updates().at(-1)!;
    expect(update.path).toBe(
      `/v3/conversations/${encodeURIComponent(`a:personal-${PRIYA.aadObjectId}`)}/activities/card-book-1`,
    );
    expect(update.body!.summary).toBe("You're booked on First Aid at Work.");
    expect(JSON.stringify(cardOf(update))).not.toContain('Action.Submit');
    expect(
      await testDb.db.prisma.registration.count({
        where: { personId: fixture.personId, status: 'confirmed' },
      }),
    ).toBe(1);
  });
});

describe('Teams files', () => {
  const offer = async () => {
    await say('compliance report for operations as csv');
    const consentCall = connector
      .activities()
      .filter((c) =>
        (c.body?.attachments as { contentType: string }[] | undefined)?.some(
          (a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent',
        ),
      )
      .at(-1)!;
    return (consentCall.body!.attachments as { name: string; content: Record<string, any> }[])[0]!;
  };

  it('sends a CSV through the consent flow: card, upload to the given URL, file info card', async () => {
    const card = await offer();
    expect(card.name).toBe('compliance-operations.csv');
    expect(card.content).toMatchObject({ sizeInBytes: CSV.length, description: 'compliance-operations.csv' });
    // Nothing inline: no data: URI anywhere.
    expect(JSON.stringify(connector.activities().slice(-3))).not.toContain('data:');

    const res = await consent('accept', card.content.acceptContext.fileId, card.name);
    expect(res.status).toBe(200);
    const upload = connector.uploads.at(-1)!;
    expect(upload.bytes.toString('utf8')).toBe(CSV);
    expect(upload.headers['content-range']).toBe(`bytes 0-${CSV.length - 1}/${CSV.length}`);
    const info = connector.activities().at(-1)!.body!.attachments as Record<string, unknown>[];
    expect(info).toEqual([
      {
        contentType: 'application/vnd.microsoft.teams.card.file.info',
        contentUrl: `https://acme-my.sharepoint.com/personal/priya/Documents/${card.name}`,
        name: card.name,
        content: { uniqueId: 'drive-item-1', fileType: 'csv' },
      },
    ]);

    // The same offer cannot be used twice.
    const uploads = connector.uploads.length;
    await consent('accept', card.content.acceptContext.fileId, card.name);
    expect(connector.uploads.length).toBe(uploads);
    expect(connector.activities().at(-1)!.body!.summary).toContain('expired');
  });

  it('uploads the file when the answer reaches another replica, and only once', async () => {
    const card = await offer();
    const fileId = card.content.acceptContext.fileId as string;
    expect(await testDb.db.prisma.teamsPendingFile.count({ where: { id: fileId } })).toBe(1);
    const uploads = connector.uploads.length;
    expect((await consent('accept', fileId, card.name, replica.url)).status).toBe(200);
    expect(connector.uploads.length).toBe(uploads + 1);
    expect(connector.uploads.at(-1)!.bytes.toString('utf8')).toBe(CSV);
    expect(await testDb.db.prisma.teamsPendingFile.count({ where: { id: fileId } })).toBe(0);
    // The first replica does not find it again.
    await consent('accept', fileId, card.name);
    expect(connector.uploads.length).toBe(uploads + 1);
  });

  it('refuses an answer from another conversation, leaving the offer in place', async () => {
    const card = await offer();
    const fileId = card.content.acceptContext.fileId as string;
    const uploads = connector.uploads.length;
    await postActivity(
      service.url,
      personalActivity(connector.serviceUrl, PRIYA, {
        type: 'invoke',
        name: 'fileConsent/invoke',
        conversation: { id: 'a:someone-else', conversationType: 'personal', tenantId: TENANT_ID },
        value: { type: 'fileUpload', action: 'decline', context: { fileId } },
      }),
    );
    expect(connector.uploads.length).toBe(uploads);
    expect(await testDb.db.prisma.teamsPendingFile.count({ where: { id: fileId } })).toBe(1);
  });

  it('uploads nothing when the person declines', async () => {
    const card = await offer();
    const uploads = connector.uploads.length;
    const res = await consent('decline', card.content.declineContext.fileId, card.name);
    expect(res.status).toBe(200);
    expect(connector.uploads.length).toBe(uploads);
    expect(connector.activities().at(-1)!.body!.summary).toBe("OK, I won't send compliance-operations.csv.");
  });

  it('links a signed, expiring download in a channel, and refuses a forged link', async () => {
    await say('<at>Rollcall</at> compliance report for operations as csv', {
      conversation: {
        id: '19:ops@thread.tacv2',
        conversationType: 'channel',
        isGroup: true,
        tenantId: TENANT_ID,
      },
    });
    const card = cardOf(connector.activities().at(-1)!)!;
    const link = JSON.stringify(card).match(/http:\/\/127\.0\.0\.1:1(\/teams\/files\/[^"]+)/)![1]!;
    // Served by any replica: the bytes and the signing key are in the database.
    const file = await fetch(`${replica.url}${link}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="compliance-operations.csv"');
    expect(await file.text()).toBe(CSV);
    const forged = link.replace(/\.([A-Za-z0-9_-]+)\//, '.AAAA$1/');
    expect((await fetch(`${service.url}${forged}`)).status).toBe(404);
    // The database holds the link's secret only as a hash.
    const [id, secret] = link.split('/')[3]!.split('.');
    const row = await testDb.db.prisma.teamsPendingFile.findUniqueOrThrow({ where: { id: id! } });
    expect(row.linkSecretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify({ ...row, content: undefined })).not.toContain(secret!);
    // Once expired, the link no longer works on any replica.
    await testDb.db.prisma.teamsPendingFile.update({ where: { id: id! }, data: { expiresAt: new Date(0) } });
    expect((await fetch(`${replica.url}${link}`)).status).toBe(404);
  });
});

describe('Teams installs', () => {
  it('greets a team once when added to it, however often Teams repeats the event', async () => {
    const install = () =>
      postActivity(
        service.url,
        personalActivity(connector.serviceUrl, PRIYA, {
          type: 'conversationUpdate',
          membersAdded: [{ id: BOT.id }],
          conversation: {
            id: '19:training@thread.tacv2',
            conversationType: 'channel',
            isGroup: true,
            tenantId: TENANT_ID,
          },
          channelData: { tenant: { id: TENANT_ID }, team: { id: '19:training@thread.tacv2' } },
        }),
      );
    expect((await install()).status).toBe(200);
    expect((await install()).status).toBe(200);
    const hellos = connector.activities().filter((c) => c.conversationId === '19:training@thread.tacv2');
    expect(hellos).toHaveLength(1);
    expect(hellos[0]!.body!.summary).toContain("Hi, I'm Rollcall");
    const stored = await testDb.db.prisma.teamsConversation.findMany({
      where: { conversationId: '19:training@thread.tacv2' },
    });
    expect(stored).toEqual([
      expect.objectContaining({
        tenantId: TENANT_ID,
        serviceUrl: connector.serviceUrl,
        scope: 'team',
        reference: expect.objectContaining({
          conversation: expect.objectContaining({ id: '19:training@thread.tacv2' }),
        }),
      }),
    ]);
  });

  const groupChatUpdate = (action: 'add' | 'remove') =>
    postActivity(
      service.url,
      personalActivity(connector.serviceUrl, PRIYA, {
        type: 'installationUpdate',
        action,
        conversation: {
          id: '19:lunch@thread.v2',
          conversationType: 'groupChat',
          isGroup: true,
          tenantId: TENANT_ID,
        },
      }),
    );
  const greetingsIn = (id: string) => connector.activities().filter((c) => c.conversationId === id).length;

  it('stores a group chat install, forgets it on removal, and greets again on a new install', async () => {
    expect((await groupChatUpdate('add')).status).toBe(200);
    expect((await groupChatUpdate('add')).status).toBe(200);
    expect(greetingsIn('19:lunch@thread.v2')).toBe(1);
    expect(
      await testDb.db.prisma.teamsConversation.findUnique({
        where: { conversationId: '19:lunch@thread.v2' },
      }),
    ).toMatchObject({ scope: 'groupChat', tenantId: TENANT_ID });

    expect((await groupChatUpdate('remove')).status).toBe(200);
    expect(
      await testDb.db.prisma.teamsConversation.count({ where: { conversationId: '19:lunch@thread.v2' } }),
    ).toBe(0);
    expect(greetingsIn('19:lunch@thread.v2')).toBe(1);

    await groupChatUpdate('add');
    expect(greetingsIn('19:lunch@thread.v2')).toBe(2);
  });

  it('greets once when two install events arrive at the same moment', async () => {
    const id = '19:race@thread.v2';
    const install = () =>
      postActivity(
        service.url,
        personalActivity(connector.serviceUrl, PRIYA, {
          type: 'installationUpdate',
          action: 'add',
          conversation: { id, conversationType: 'groupChat', isGroup: true, tenantId: TENANT_ID },
        }),
      );
    const answers = await Promise.all([install(), install(), install()]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(greetingsIn(id)).toBe(1);
    expect(await testDb.db.prisma.teamsConversation.count({ where: { conversationId: id } })).toBe(1);
  });

  it('sent only Adaptive Cards that the SDK validates against 1.5', async () => {
    const refreshed = await postActivity(
      service.url,
      executeInvoke(connector.serviceUrl, PRIYA, 'pick', { rollcallAction: 'x', value: 'pick a session' }),
    );
    invokeCards.push(((await refreshed.json()) as { value: unknown }).value);
    const cards = [
      ...connector.calls.flatMap((c) =>
        ((c.body?.attachments as { contentType: string; content: unknown }[] | undefined) ?? [])
          .filter((a) => a.contentType === CARD)
          .map((a) => a.content),
      ),
      ...invokeCards,
    ];
    expect(cards.length).toBeGreaterThan(8);
    for (const card of cards) expect(adaptiveCardProblems(card)).toEqual([]);
  });
});
