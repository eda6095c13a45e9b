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
    const draft = await avery.say(
      'schedule First Aid every Thursday 9am-4pm for 4 weeks in Room 2, 12 seats',
    );
    expect(draft.text).toBe('Who will teach it?');
    expect(draft.awaitingAnswer).toBe(true);
    const second = await avery.press(choose(draft, 'Dana Whitfield'));
    expect(second.text).toBe('Dana Whitfield leads it. Who teaches with them?');
    const confirm = await avery.press(choose(second, 'Rosa Delgado'));
    expect(confirm.text).toBe(
      'Schedule First Aid at Work every Thursday 09:00–16:00 (Europe/London), 4 sessions in London HQ – Training Room 2, 12 seats, with Dana Whitfield and Rosa Delgado?',
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

    await assertInvariants(j);
    const p = j.deps.db.prisma;
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
