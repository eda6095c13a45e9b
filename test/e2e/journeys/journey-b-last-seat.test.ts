/**
 * Journey b: two people race for the last seat; the loser is waitlisted; the winner cancels;
 * the waitlisted one is promoted (auto mode) or offered (offer mode) and told in their own
 * inbox; Accept books, Decline passes to the next, an expired offer passes to the next.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertInvariants, button, startJourney, type Journey, type WebReply } from '../harness.ts';

const inbox = async (j: Journey, email: string) => {
  const res = await fetch(`${j.service.url}/web/inbox?email=${encodeURIComponent(email)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { kind: string; reply: WebReply }[] }).items;
};

describe('journey b', () => {
  let j: Awaited<ReturnType<typeof startJourney>>;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it('journey b: a race for the last seat, the loser waitlisted, promoted in auto mode and told', async () => {
    const aisha = 'aisha.walker@acme.example';
    const amelia = 'amelia.khan@acme.example';
    const list = await j.web(aisha).say('what first aid sessions are there?');
    expect(JSON.stringify(list.blocks)).toContain('1 of 12 left');
    const book = button(list, (b) => b.label === 'Book #1');

    const [first, second] = await Promise.all([j.web(aisha).press(book), j.web(amelia).press(book)]);
    const booked = [first, second].filter((r) => r.text.startsWith("You're booked"));
    const full = [first, second].filter((r) => r.text.includes('is full'));
    expect(booked).toHaveLength(1);
    expect(full).toHaveLength(1);
    const [winner, loser] = booked[0] === first ? [aisha, amelia] : [amelia, aisha];

    const waitlisted = await j
      .web(loser)
      .press(button(full[0]!, (b) => b.actionId === 'confirm' && b.value === 'yes'));
    expect(waitlisted.text).toMatch(/waitlist/i);

    const cancel = await j.web(winner).press(button(booked[0]!, (b) => b.actionId === 'cancel_booking'));
    const cancelled = cancel.awaitingAnswer
      ? await j.web(winner).press(button(cancel, (b) => b.actionId === 'confirm' && b.value === 'yes'))
      : cancel;
    expect(cancelled.text).toMatch(/^Cancelled your place on First Aid at Work/);

    // The outbox runs: the promoted person is told in their own inbox.
    await j.advance(60_000);
    const told = await inbox(j, loser);
    expect(told.map((n) => n.kind)).toContain('registration.promoted');
    expect(told.find((n) => n.kind === 'registration.promoted')!.reply.text).toMatch(/First Aid at Work/);

    const mine = await j.web(loser).say('what am I booked on?');
    expect(JSON.stringify(mine.blocks)).toContain('First Aid at Work');
    expect(JSON.stringify(mine.blocks)).toContain('Booked');
    await assertInvariants(j);
  });
});
