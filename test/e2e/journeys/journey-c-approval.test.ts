/**
 * Journey c: an employee asks for a session that needs approval; the manager approves from
 * the notification's own button in their inbox; the employee is told. The same for decline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertInvariants, button, startJourney, type WebReply } from '../harness.ts';

describe('journey c', () => {
  let j: Awaited<ReturnType<typeof startJourney>>;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it('journey c: a request needing approval, approved and declined from the notification buttons', async () => {
    // Two people of one manager, not yet on the Leadership session (chosen from the seed).
    const free = await j.deps.db.prisma.person.findMany({
      where: {
        status: 'active',
        manager: { isNot: null },
        registrations: { none: { session: { course: { code: 'LEAD-300' } } } },
      },
      orderBy: { name: 'asc' },
      select: { name: true, email: true, manager: { select: { email: true } } },
    });
    const firstPair = free.find(
      (p) => free.filter((q) => q.manager!.email === p.manager!.email).length >= 2,
    )!;
    const candidates = free.filter((q) => q.manager!.email === firstPair.manager!.email).slice(0, 2);
    const manager = firstPair.manager!.email;
    const [approved, declined] = candidates.map((c) => c.email) as [string, string];
    const [approvedName, declinedName] = candidates.map((c) => c.name) as [string, string];
    for (const who of [approved, declined]) {
      const list = await j.web(who).say('what leadership sessions are there?');
      const held = await j.web(who).press(button(list, (b) => b.label === 'Book #1'));
      expect(held.text).toMatch(/asked your manager to approve it/);
    }
    await j.advance(60_000);
    const requests = (await j.inbox(manager)).filter((n) => n.kind === 'registration.approval_requested');
    expect(requests.map((r) => r.reply.text.split(' asks')[0]).sort()).toEqual([approvedName, declinedName]);
    const of = (name: string) => requests.find((r) => r.reply.text.startsWith(name))!.reply;

    const yes = await j.web(manager).press(button(of(approvedName), (b) => b.actionId === 'approve_request'));
    expect(yes.text).not.toMatch(/recognise/);
    const noAsk = await j
      .web(manager)
      .press(button(of(declinedName), (b) => b.actionId === 'decline_request'));
    const no = noAsk.awaitingAnswer
      ? await j.web(manager).press(button(noAsk, (b) => b.actionId === 'confirm' && b.value === 'yes'))
      : noAsk;
    expect(no.text).not.toMatch(/recognise/);
    await j.advance(60_000);

    const toldYes = (await j.inbox(approved)).filter((n) => n.kind === 'registration.approved');
    expect(toldYes).toHaveLength(1);
    expect(toldYes[0]!.reply.text).toMatch(/approved your place on Leadership Foundations/);
    const toldNo = (await j.inbox(declined)).filter((n) => n.kind === 'registration.declined');
    expect(toldNo).toHaveLength(1);
    expect(toldNo[0]!.reply.text).toMatch(/declined your request/);

    const mine = await j.web(approved).say('what am I booked on?');
    expect(JSON.stringify(mine.blocks)).toContain('Leadership Foundations');
    await assertInvariants(j);
  });
});
