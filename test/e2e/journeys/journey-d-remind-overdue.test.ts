/**
 * Journey d: a manager asks who in the team is overdue, gets the right names, says "remind
 * them", and each overdue person receives exactly one reminder, in their own inbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertInvariants, button, startJourney, tableRows } from '../harness.ts';

describe('journey d', () => {
  let j: Awaited<ReturnType<typeof startJourney>>;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it('journey d: a manager asks who is overdue, says "remind them", each overdue person gets one reminder', async () => {
    const marcus = j.web('marcus.reed@acme.example');
    const overdue = await marcus.say('who in my team is overdue?');
    const rows = tableRows(overdue);
    // The reply lists who is due or overdue; "remind them" means exactly those people.
    const overduePeople = [...new Set(rows.map((r) => r[0]!))].sort();
    expect(overduePeople.length).toBeGreaterThan(0);
    // The headline counts people, not requirements.
    const everyone = new Set(rows.map((r) => r[0]));
    expect(overdue.text).toContain(`${everyone.size} people`);

    // The team headline counts people, each once: the four groups add up to the team.
    const team = await marcus.say('how is my team doing on compliance?');
    const m =
      /^Your team \((\d+) people\): (\d+) compliant, (\d+) with training expiring, (\d+) with training due, (\d+) overdue\.$/.exec(
        team.text,
      );
    expect(m, team.text).not.toBeNull();
    const [total, ...groups] = m!.slice(1).map(Number);
    expect(groups.reduce((a, b) => a + b, 0)).toBe(total);

    await marcus.say('who in my team is overdue?');
    const ask = await marcus.say('remind them');
    expect(ask.awaitingAnswer).toBe(true);
    const sent = await marcus.press(button(ask, (b) => b.actionId === 'confirm' && b.value === 'yes'));
    expect(sent.text).toBe(`Done: ${overduePeople.length} reminders on the way.`);

    // Saying it twice does not nag anyone twice.
    const again = await marcus.say('remind them');
    if (again.awaitingAnswer)
      await marcus.press(button(again, (b) => b.actionId === 'confirm' && b.value === 'yes'));

    await j.advance(60_000);
    const people = await j.deps.db.prisma.person.findMany({
      where: { manager: { email: 'marcus.reed@acme.example' } },
      select: { name: true, email: true },
    });
    const all = await j.deps.db.prisma.person.findMany({ select: { name: true, email: true } });
    const emailOf = new Map(all.map((p) => [p.name, p.email]));
    for (const name of overduePeople) {
      const reminders = (await j.inbox(emailOf.get(name)!)).filter((n) => n.kind === 'training.reminder');
      expect(reminders, `${name}'s reminders`).toHaveLength(1);
      expect(reminders[0]!.reply.text).toMatch(/Marcus Reed asked me to remind you/);
    }
    // The page's live inbox (server-sent events) carries the same delivery.
    const first = emailOf.get(overduePeople[0]!)!;
    const stream = await fetch(`${j.service.url}/web/inbox/stream?email=${encodeURIComponent(first)}`);
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = stream.body!.getReader();
    let seen = '';
    while (!seen.includes('asked me to remind you'))
      seen += new TextDecoder().decode((await reader.read()).value);
    expect(seen).toContain('event: delivery');
    await reader.cancel();

    // Nobody outside the overdue list was reminded.
    for (const p of people.filter((p) => !overduePeople.includes(p.name))) {
      expect((await j.inbox(p.email)).filter((n) => n.kind === 'training.reminder')).toEqual([]);
    }
    await assertInvariants(j);
  });
});
