/**
 * Journey e: an admin schedules recurring series by message. The help's own example works;
 * a request without an instructor is asked who teaches before the confirm step, and the
 * answer keeps the request; a clash is shown in local time and overridden with a reason by
 * message; then one date is rescheduled (everyone booked is told) and another cancelled
 * (everyone told, waitlist closed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertInvariants, button, startJourney, type WebReply } from '../harness.ts';

const ISO = /\d{4}-\d\d-\d\dT\d\d:\d\d/;
const choices = (reply: WebReply): string[] =>
  (reply.blocks as { type: string; choices?: { label: string }[] }[]).flatMap((b) =>
    b.type === 'choices' ? (b.choices ?? []).map((c) => c.label) : [],
  );
const choose = (reply: WebReply, name: string) => {
  const index = choices(reply).findIndex((label) => label.includes(name));
  expect(index, `${name} among ${choices(reply)}`).toBeGreaterThanOrEqual(0);
  return { label: name, actionId: 'choose', value: String(index + 1) };
};
const yes = (reply: WebReply) => button(reply, (b) => b.actionId === 'confirm' && b.value === 'yes');

describe('journey e', () => {
  let j: Awaited<ReturnType<typeof startJourney>>;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it('journey e: an admin schedules series with two instructors by message, overrides a clash with a reason, reschedules and cancels a date', async () => {
    const avery = j.web('avery.clarke@acme.example');

    // The help's own series example, as written there (instructors looked up by role).
    const help = await avery.say('help');
    const example = /"(schedule First Aid every Tuesday[^"]+)"/.exec(help.text)?.[1];
    expect(example, help.text).toBeDefined();
    const asked = await avery.say(example!);
    expect(asked.text).toMatch(/with Dana Whitfield and Lee Okafor\?$/);
    const tuesdays = await avery.press(yes(asked));
    expect(tuesdays.text).toMatch(/^Scheduled 4 sessions: Every Tuesday/);

    // No instructor named: asked who teaches before anything is confirmed, from a list,
    // and the answers keep the request (course, days, venue, seats).
    const draft = await avery.say('schedule First Aid every Thursday 9am-4pm for 4 weeks in Room 2, 2 seats');
    expect(draft.text).toBe('Who will teach it?');
    expect(draft.awaitingAnswer).toBe(true);
    const second = await avery.press(choose(draft, 'Dana Whitfield'));
    expect(second.text).toBe('Dana Whitfield leads it. Who teaches with them?');
    const confirm = await avery.press(choose(second, 'Rosa Delgado'));
    expect(confirm.text).toBe(
      'Schedule First Aid at Work every Thursday 09:00–16:00 (Europe/London), 4 sessions in London HQ – Training Room 2, 2 seats, with Dana Whitfield and Rosa Delgado?',
    );

    // The room holds Fire Safety on the first Thursday: the clash is shown in local time.
    const clash = await avery.press(yes(confirm));
    expect(clash.text).toMatch(/clashes/);
    expect(JSON.stringify(clash.blocks)).not.toMatch(ISO);
    expect(JSON.stringify(clash.blocks)).toContain('Thu 3 Dec, 10:00–12:00 GMT');
    // A bare "yes" is not a reason; the request is still there to give one.
    const why = await avery.say('yes');
    expect(why.text).toMatch(/Tell me why/);
    const done = await avery.say('yes, because Fire Safety moves to Room 3 that day');
    expect(done.text).toMatch(
      /^Scheduled 4 sessions: Every Thursday .* with Dana Whitfield and Rosa Delgado\. Scheduled despite the clash because Fire Safety moves to Room 3 that day\.$/,
    );

    // Three learners book the third Thursday (two seats: the third waits), one the second.
    const p = j.deps.db.prisma;
    const learners = (
      await p.person.findMany({
        where: { status: 'active', location: { name: 'London' }, managerId: { not: null } },
        orderBy: { name: 'asc' },
        select: { email: true, roles: true },
      })
    )
      .filter((x) => x.roles.length === 1 && x.roles[0] === 'employee')
      .map((x) => x.email);
    const book = async (email: string, date: string) => {
      const me = j.web(email);
      let answer = await me.say(`book me on first aid on ${date}`);
      if (answer.awaitingAnswer)
        answer = await me.press(button(answer, (b) => b.actionId === 'confirm' && b.value === 'yes'));
      return answer.text;
    };
    expect(await book(learners[0]!, '10 Dec')).toMatch(/^You're booked on First Aid at Work, Thu 10 Dec/);
    expect(await book(learners[1]!, '17 Dec')).toMatch(/^You're booked on First Aid at Work, Thu 17 Dec/);
    expect(await book(learners[2]!, '17 Dec')).toMatch(/^You're booked on First Aid at Work, Thu 17 Dec/);
    expect(await book(learners[3]!, '17 Dec')).toMatch(/waitlist|waiting list/i);
    await j.runJobs();
    const before = async (email: string) => (await j.inbox(email)).length;
    const seen = await Promise.all(learners.slice(0, 4).map(before));

    // Reschedule one date: asked to confirm, then everyone booked is told in their inbox.
    const move = await avery.say('reschedule the First Aid session on 10 Dec to 11 Dec');
    expect(move.text).toMatch(
      /^Move First Aid at Work from Thu 10 Dec, 09:00–16:00 GMT to 2026-12-11 09:00–16:00 \(Europe\/London\)\? The 1 person booked or waiting will be told\.$/,
    );
    const moved = await avery.press(yes(move));
    expect(moved.text).toBe('Moved First Aid at Work to Fri 11 Dec, 09:00–16:00 GMT. 1 person will be told.');

    // Cancel another: a reason is asked for, then everyone booked or waiting is told.
    const cancel = await avery.say('cancel the First Aid session on 17 Dec');
    expect(cancel.text).toMatch(
      /^Cancel First Aid at Work, Thu 17 Dec, 09:00–16:00 GMT\? The 3 people booked or waiting will be told/,
    );
    const cancelled = await avery.say('yes, because the trainer is ill');
    expect(cancelled.text).toBe(
      'Cancelled First Aid at Work, Thu 17 Dec, 09:00–16:00 GMT. 3 people will be told, and the waitlist is closed.',
    );

    await j.runJobs();
    const news = async (i: number) => (await j.inbox(learners[i]!)).slice(seen[i]!);
    expect((await news(0)).map((n) => n.reply.text).join('\n')).toMatch(/Fri 11 Dec/);
    for (const i of [1, 2, 3]) {
      const told = (await news(i)).map((n) => n.reply.text).join('\n');
      expect(told, learners[i]).toMatch(/cancelled/i);
      expect(told, learners[i]).toMatch(/the trainer is ill/);
    }

    await assertInvariants(j);
    const thursdays = await p.session.findMany({
      where: {
        course: { code: 'FA-101' },
        seriesId: { not: null },
        instructors: { some: { person: { name: 'Rosa Delgado' } } },
      },
    });
    expect(thursdays).toHaveLength(4);
    const overridden = await p.auditEvent.findMany({ where: { action: 'session.conflict_overridden' } });
    expect(JSON.stringify(overridden.map((e) => e.after))).toContain('Fire Safety moves to Room 3 that day');
  });
});
