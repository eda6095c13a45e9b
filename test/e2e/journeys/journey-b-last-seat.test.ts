/**
 * Journey b: two people race for the last seat; the loser is waitlisted; the winner cancels;
 * the waitlisted one is promoted (auto mode) or offered (offer mode) and told in their own
 * inbox; Accept books, Decline passes to the next, an expired offer passes to the next.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertInvariants, button, startJourney, type WebReply } from '../harness.ts';

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
    const told = await j.inbox(loser);
    expect(told.map((n) => n.kind)).toContain('registration.promoted');
    expect(told.find((n) => n.kind === 'registration.promoted')!.reply.text).toMatch(/First Aid at Work/);

    const mine = await j.web(loser).say('what am I booked on?');
    expect(JSON.stringify(mine.blocks)).toContain('First Aid at Work');
    expect(JSON.stringify(mine.blocks)).toContain('Booked');
    await assertInvariants(j);
  });

  it('journey b: offer mode — Accept books, Decline passes to the next, an expired offer passes to the next', async () => {
    const at = (name: string) => `${name}@acme.example`;
    const bookers = [
      'anya.tanaka',
      'arjun.ali',
      'ava.jensen',
      'chen.silva',
      'daniel.khan',
      'diego.kowalski',
    ].map(at);
    const waiters = ['emma.jensen', 'ethan.evans', 'eva.costa'].map(at);
    const list = await j.web(bookers[0]!).say('what leadership sessions are there?');
    const book = button(list, (b) => b.label === 'Book #1');
    const held: WebReply[] = [];
    for (const who of bookers) held.push(await j.web(who).press(book));
    for (const r of held) expect(r.text).toMatch(/held a seat for you/);
    for (const who of waiters) {
      const full = await j.web(who).press(book);
      // Offer mode: the reply says what will happen, not "automatically".
      expect(full.text).toMatch(/offered to you/);
      const queued = await j
        .web(who)
        .press(button(full, (b) => b.actionId === 'confirm' && b.value === 'yes'));
      expect(queued.text).toMatch(/on the waitlist/);
    }

    // A seat frees: the first in the queue is offered it, in their inbox, with buttons.
    const cancelSeat = async (index: number) => {
      const r = await j
        .web(bookers[index]!)
        .press(button(held[index]!, (b) => b.actionId === 'cancel_booking'));
      const done = r.awaitingAnswer
        ? await j.web(bookers[index]!).press(button(r, (b) => b.actionId === 'confirm' && b.value === 'yes'))
        : r;
      expect(done.text).toMatch(/^Cancelled/);
      await j.advance(60_000);
    };
    const offerIn = async (email: string) => {
      const offers = (await j.inbox(email)).filter((n) => n.kind === 'registration.offered');
      expect(offers, `an offer in ${email}'s inbox`).toHaveLength(1);
      return offers[0]!.reply;
    };

    await cancelSeat(0);
    const accepted = await j
      .web(waiters[0]!)
      .press(button(await offerIn(waiters[0]!), (b) => b.actionId === 'accept_offer'));
    expect(accepted.text).not.toMatch(/recognise/);
    const firstMine = await j.web(waiters[0]!).say('what am I booked on?');
    expect(JSON.stringify(firstMine.blocks)).toContain('Leadership Foundations');
    expect(JSON.stringify(firstMine.blocks)).not.toContain('Waitlisted');

    await cancelSeat(1);
    const declined = await j
      .web(waiters[1]!)
      .press(button(await offerIn(waiters[1]!), (b) => b.actionId === 'decline_offer'));
    expect(declined.text).not.toMatch(/recognise/);
    await j.advance(60_000);
    // Declined: the seat passes to the next in the queue.
    await offerIn(waiters[2]!);

    // The third lets the offer lapse: it expires (48 h hold) and passes on — nobody is left,
    // so the seat is free again.
    await j.advance(49 * 3_600_000);
    expect((await j.inbox(waiters[2]!)).map((n) => n.kind)).toContain('registration.offer_expired');
    const regs = await j.deps.db.prisma.registration.findMany({
      where: { person: { email: { in: waiters } }, session: { course: { code: 'LEAD-300' } } },
      select: { status: true, person: { select: { email: true } } },
    });
    const byEmail = Object.fromEntries(regs.map((r) => [r.person.email, r.status]));
    expect(byEmail[waiters[0]!]).toMatch(/confirmed|pending_approval/);
    expect(byEmail[waiters[1]!]).toMatch(/cancelled|declined/);
    expect(byEmail[waiters[2]!]).not.toBe('offered');
    await assertInvariants(j);
  });
});
