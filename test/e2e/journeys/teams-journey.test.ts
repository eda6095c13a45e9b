/**
 * End to end on Teams with the real conversation core on the seeded demo organisation: a
 * personal chat asks for First Aid sessions, the card's "Book" submit books a seat, the card
 * it came from is updated to the outcome, and "what am I booked on?" lists the booking —
 * over real HTTP in the Bot Framework wire format, against a fake connector recording what
 * the service sends. Every Adaptive Card the journey produced is validated by the SDK (1.5).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  personalActivity,
  postActivity,
  type TeamsUser,
} from '../../integration/adapters/teams/activities.ts';
import { adaptiveCardProblems } from '../../integration/adapters/teams/card-validation.ts';
import { actionsOf, cardsOf, startTeamsJourney, type TeamsJourney } from '../teams-harness.ts';

const LEARNER: TeamsUser = { id: '29:learner', aadObjectId: 'aad-learner', name: 'Learner' };

describe('Teams with the real conversation core', () => {
  let t: TeamsJourney;
  let personId: string;

  beforeAll(async () => {
    t = await startTeamsJourney();
    const learner = await t.testDb.db.prisma.person.findFirstOrThrow({
      where: { status: 'active', roles: { has: 'employee' }, registrations: { none: {} } },
      orderBy: { email: 'asc' },
    });
    personId = learner.id;
    t.link(LEARNER, learner);
  });

  afterAll(async () => {
    await t?.close();
  });

  const say = (text: string) =>
    postActivity(t.service.url, personalActivity(t.connector.serviceUrl, LEARNER, { text }));

  it('finds sessions, books one from the card, updates that card, and lists the booking', async () => {
    expect((await say('what first aid sessions are there?')).status).toBe(200);
    const offer = t.connector.activities().at(-1)!;
    const book = cardsOf(offer)
      .flatMap((card) => actionsOf(card))
      .find((a) => a.type === 'Action.Submit' && a.data?.rollcallAction === 'book_session');
    expect(book, `a Book button among ${JSON.stringify(cardsOf(offer))}`).toBeDefined();
    const sessionId = book!.data.value as string;

    const sentBefore = t.connector.activities().length;
    const submit = await postActivity(
      t.service.url,
      personalActivity(t.connector.serviceUrl, LEARNER, { value: book!.data, replyToId: 'offer-card-1' }),
    );
    expect(submit.status).toBe(200);
    const registration = await t.testDb.db.prisma.registration.findFirst({ where: { personId, sessionId } });
    expect(registration).toMatchObject({ status: 'confirmed', sourceChannel: 'teams' });
    // The card that was pressed shows the outcome, its Book buttons spent; no new card.
    const update = t.connector.updates().at(-1)!;
    expect(update.body).toMatchObject({ id: 'offer-card-1' });
    expect(String(update.body!.summary)).toMatch(/booked/i);
    expect(
      cardsOf(update)
        .flatMap((card) => actionsOf(card))
        .some((a) => a.data?.rollcallAction === 'book_session'),
    ).toBe(false);
    expect(t.connector.activities().length).toBe(sentBefore);

    expect((await say('what am I booked on?')).status).toBe(200);
    const bookings = t.connector.activities().at(-1)!;
    expect(String(bookings.body!.summary)).toMatch(/1 upcoming booking/);
    expect(JSON.stringify(cardsOf(bookings))).toContain(registration!.id);
  });

  it('sent only Adaptive Cards that the SDK validates against 1.5', () => {
    const cards = t.connector.calls.flatMap(cardsOf);
    // The sessions offer, the updated card and the bookings answer at least.
    expect(cards.length).toBeGreaterThanOrEqual(3);
    for (const card of cards) expect(adaptiveCardProblems(card)).toEqual([]);
  });
});
