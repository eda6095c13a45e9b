/**
 * End to end on Teams, Universal Actions: a waitlist offer reaches the learner's personal
 * chat through the proactive sender as a card that refreshes (Action.Execute buttons,
 * `refresh.userIds`); pressing Accept books the seat and the invoke response is the updated
 * card; a refresh invoke from the learner's manager then shows the offer as booked, and a
 * refresh from someone unrelated shows nothing of it. Real core, real database, real HTTP in
 * the Bot Framework wire format against a fake t.connector.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNotification } from '../../../src/features/notifications/render-notification.ts';
import { offerButtons } from '../../../src/features/registrations/notification-text.ts';
import {
  executeInvoke,
  personalActivity,
  postActivity,
  type TeamsUser,
} from '../../integration/adapters/teams/activities.ts';
import { adaptiveCardProblems } from '../../integration/adapters/teams/card-validation.ts';
import {
  actionsOf as allActionsOf,
  CARD,
  cardOf,
  startTeamsJourney,
  TEAMS_NOW as NOW,
  type Card,
  type TeamsJourney,
} from '../teams-harness.ts';

const LEARNER: TeamsUser = { id: '29:learner', aadObjectId: 'aad-learner', name: 'Learner' };
const MANAGER: TeamsUser = { id: '29:manager', aadObjectId: 'aad-manager', name: 'Manager' };
const OUTSIDER: TeamsUser = { id: '29:outsider', aadObjectId: 'aad-outsider', name: 'Outsider' };

/** The card's own buttons: its refresh action is how Teams asks again, not a button. */
const actionsOf = (card: Card): Card[] => allActionsOf(card.body, ['refresh']);
/** The card an invoke answered with (`application/vnd.microsoft.card.adaptive`). */
async function invokeCard(res: Response): Promise<Card> {
  expect(res.status).toBe(200);
  const body = (await res.json()) as { statusCode: number; type: string; value: Card };
  expect(body).toMatchObject({ statusCode: 200, type: CARD });
  return body.value;
}

describe('Teams Universal Actions on a waitlist offer', () => {
  let t: TeamsJourney;
  let learnerId: string;
  let registrationId: string;
  const seen: Card[] = [];

  beforeAll(async () => {
    t = await startTeamsJourney();
    const p = t.testDb.db.prisma;
    const learner = await p.person.findFirstOrThrow({
      where: {
        status: 'active',
        roles: { has: 'employee' },
        managerId: { not: null },
        registrations: { none: {} },
      },
      include: { manager: true },
      orderBy: { email: 'asc' },
    });
    const outsider = await p.person.findFirstOrThrow({
      where: {
        status: 'active',
        roles: { equals: ['employee'] },
        id: { notIn: [learner.id, learner.managerId!] },
        reports: { none: {} },
      },
      orderBy: { email: 'asc' },
    });
    learnerId = learner.id;
    const session = await p.session.findFirstOrThrow({
      where: { startsAt: { gt: NOW }, status: 'scheduled' },
      orderBy: { startsAt: 'asc' },
    });
    // The state the waitlist leaves behind when a seat frees on an "offer" course.
    const offered = await p.registration.create({
      data: {
        sessionId: session.id,
        personId: learner.id,
        status: 'offered',
        waitlistTicket: 1,
        offerExpiresAt: new Date(NOW.getTime() + 24 * 3600_000),
      },
    });
    registrationId = offered.id;
    t.link(LEARNER, learner);
    t.link(MANAGER, learner.manager!);
    t.link(OUTSIDER, outsider);
  });

  afterAll(async () => {
    await t?.close();
  });

  const invoke = (user: TeamsUser, verb: string, data: Record<string, unknown>) =>
    postActivity(t.service.url, executeInvoke(t.connector.serviceUrl, user, verb, data));

  it('sends a refreshing offer card, books on Accept, and shows each viewer the current state', async () => {
    // The learner has talked to Rollcall once, so it knows their personal chat.
    await postActivity(t.service.url, personalActivity(t.connector.serviceUrl, LEARNER, { text: 'hi' }));
    const sent = await t.mount.sender.send(
      learnerId,
      renderNotification('registration.offered', {
        text: 'A seat is free on your waitlisted session. Accept it before the offer lapses.',
        buttons: offerButtons(registrationId),
      }),
    );
    expect(sent).toEqual({ kind: 'sent' });
    const offerCard = cardOf(t.connector.activities().at(-1)!);
    seen.push(offerCard);
    expect(offerCard.refresh).toMatchObject({
      action: { type: 'Action.Execute', verb: 'refresh' },
      userIds: [LEARNER.id],
    });
    const accept = actionsOf(offerCard).find((a) => a.data?.rollcallAction === 'accept_offer');
    expect(accept).toMatchObject({
      type: 'Action.Execute',
      verb: 'accept_offer',
      data: { value: registrationId },
    });

    // Opening the chat before acting: the offer is still open, the buttons are still there.
    const before = await invokeCard(await invoke(LEARNER, 'refresh', offerCard.refresh.action.data));
    seen.push(before);
    expect(actionsOf(before).some((a) => a.data?.rollcallAction === 'accept_offer')).toBe(true);

    const pressed = await invokeCard(await invoke(LEARNER, 'accept_offer', accept!.data));
    seen.push(pressed);
    expect(JSON.stringify(pressed.body)).toMatch(/booked/i);
    expect(actionsOf(pressed).some((a) => a.data?.rollcallAction === 'accept_offer')).toBe(false);
    const row = await t.testDb.db.prisma.registration.findUniqueOrThrow({ where: { id: registrationId } });
    expect(row.status).toBe('confirmed');

    // The learner's manager refreshes the same card: it shows the booking, no buttons.
    const managerView = await invokeCard(await invoke(MANAGER, 'refresh', offerCard.refresh.action.data));
    seen.push(managerView);
    expect(JSON.stringify(managerView.body)).toContain('**Booked.**');
    expect(actionsOf(managerView)).toEqual([]);

    // Someone who may not see the registration learns nothing about it.
    const outsiderView = await invokeCard(await invoke(OUTSIDER, 'refresh', offerCard.refresh.action.data));
    seen.push(outsiderView);
    expect(JSON.stringify(outsiderView.body)).toContain('This card is for someone else.');
    expect(JSON.stringify(outsiderView.body)).not.toContain('Booked');

    // The learner's own later refresh shows the booking too, and the card stops refreshing.
    const after = await invokeCard(await invoke(LEARNER, 'refresh', offerCard.refresh.action.data));
    seen.push(after);
    expect(JSON.stringify(after.body)).toContain('**Booked.**');
    expect(after.refresh).toBeUndefined();
  });

  it('every card it produced validates against Adaptive Cards 1.5', () => {
    expect(seen.length).toBeGreaterThanOrEqual(5);
    for (const card of seen) expect(adaptiveCardProblems(card)).toEqual([]);
  });
});
