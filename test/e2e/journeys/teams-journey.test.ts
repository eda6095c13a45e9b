/**
 * End to end on Teams with the real conversation core on the seeded demo organisation: a
 * personal chat asks for First Aid sessions, the card's "Book" submit books a seat, the card
 * it came from is updated to the outcome, and "what am I booked on?" lists the booking —
 * over real HTTP in the Bot Framework wire format, against a fake connector recording what
 * the service sends. Every Adaptive Card the journey produced is validated by the SDK (1.5).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { createConversationHandler } from '../../../src/conversation/handle-message.ts';
import { seedDemo } from '../../../src/seed/demo-seed.ts';
import { createTestDb, testDeps, type TestDb } from '../../helpers/test-db.ts';
import { listen, type Listening } from '../../helpers/listen.ts';
import { mountTeams } from '../../../adapters/teams/mount-teams.ts';
import {
  startFakeConnector,
  type ConnectorCall,
  type FakeConnector,
} from '../../integration/adapters/teams/fake-connector.ts';
import {
  personalActivity,
  postActivity,
  settleTurnsWith,
  type TeamsUser,
} from '../../integration/adapters/teams/activities.ts';
import { adaptiveCardProblems } from '../../integration/adapters/teams/card-validation.ts';

const NOW = new Date('2026-11-28T09:00:00Z');
const CARD = 'application/vnd.microsoft.card.adaptive';
const LEARNER: TeamsUser = { id: '29:learner', aadObjectId: 'aad-learner', name: 'Learner' };

// biome-ignore lint/suspicious/noExplicitAny: cards as recorded, read loosely
type Card = Record<string, any>;
const cardsOf = (call: ConnectorCall): Card[] =>
  ((call.body?.attachments as { contentType: string; content: Card }[] | undefined) ?? [])
    .filter((a) => a.contentType === CARD)
    .map((a) => a.content);
/** Every action on a card, ShowCard confirmations included. */
const actionsOf = (card: Card): Card[] => {
  const found: Card[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const n of node) walk(n);
    else if (node && typeof node === 'object') {
      const n = node as Card;
      if (typeof n.type === 'string' && n.type.startsWith('Action.')) found.push(n);
      for (const v of Object.values(n)) walk(v);
    }
  };
  walk(card);
  return found;
};

describe('Teams with the real conversation core', () => {
  let testDb: TestDb;
  let connector: FakeConnector;
  let service: Listening;
  let personId: string;

  beforeAll(async () => {
    testDb = await createTestDb();
    const deps = testDeps(testDb.db, NOW, { TEAMS_EMULATOR: true, publicUrl: 'http://127.0.0.1:1' });
    await seedDemo(testDb.db, deps.clock);
    const learner = await testDb.db.prisma.person.findFirstOrThrow({
      where: { status: 'active', roles: { has: 'employee' }, registrations: { none: {} } },
      orderBy: { email: 'asc' },
    });
    personId = learner.id;
    connector = await startFakeConnector();
    connector.members.set(LEARNER.id, {
      email: learner.email,
      aadObjectId: LEARNER.aadObjectId,
      name: LEARNER.name,
    });
    const app = new Hono();
    settleTurnsWith(mountTeams(app, deps, createConversationHandler(deps)).idle);
    service = await listen(app);
  });

  afterAll(async () => {
    await service?.close();
    await connector?.close();
    await testDb?.drop();
  });

  const say = (text: string) =>
    postActivity(service.url, personalActivity(connector.serviceUrl, LEARNER, { text }));

  it('finds sessions, books one from the card, updates that card, and lists the booking', async () => {
    expect((await say('what first aid sessions are there?')).status).toBe(200);
    const offer = connector.activities().at(-1)!;
    const book = cardsOf(offer)
      .flatMap(actionsOf)
      .find((a) => a.type === 'Action.Submit' && a.data?.rollcallAction === 'book_session');
    expect(book, `a Book button among ${JSON.stringify(cardsOf(offer))}`).toBeDefined();
    const sessionId = book!.data.value as string;

    const sentBefore = connector.activities().length;
    const submit = await postActivity(
      service.url,
      personalActivity(connector.serviceUrl, LEARNER, { value: book!.data, replyToId: 'offer-card-1' }),
    );
    expect(submit.status).toBe(200);
    const registration = await testDb.db.prisma.registration.findFirst({ where: { personId, sessionId } });
    expect(registration).toMatchObject({ status: 'confirmed', sourceChannel: 'teams' });
    // The card that was pressed shows the outcome, its Book buttons spent; no new card.
    const update = connector.updates().at(-1)!;
    expect(update.body).toMatchObject({ id: 'offer-card-1' });
    expect(String(update.body!.summary)).toMatch(/booked/i);
    expect(
      cardsOf(update)
        .flatMap(actionsOf)
        .some((a) => a.data?.rollcallAction === 'book_session'),
    ).toBe(false);
    expect(connector.activities().length).toBe(sentBefore);

    expect((await say('what am I booked on?')).status).toBe(200);
    const bookings = connector.activities().at(-1)!;
    expect(String(bookings.body!.summary)).toMatch(/1 upcoming booking/);
    expect(JSON.stringify(cardsOf(bookings))).toContain(registration!.id);
  });

  it('sent only Adaptive Cards that the SDK validates against 1.5', () => {
    const cards = connector.calls.flatMap(cardsOf);
    // The sessions offer, the updated card and the bookings answer at least.
    expect(cards.length).toBeGreaterThanOrEqual(3);
    for (const card of cards) expect(adaptiveCardProblems(card)).toEqual([]);
  });
});
