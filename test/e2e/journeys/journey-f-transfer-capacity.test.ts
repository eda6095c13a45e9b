/**
 * Journey f: an admin moves a learner to another session and raises a capacity by message.
 * The seat the move frees goes to the first person waiting; the raise promotes the next
 * ones in the order they joined; everyone concerned is told in their own inbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertInvariants, button, startJourney } from '../harness.ts';

describe('journey f', () => {
  let j: Awaited<ReturnType<typeof startJourney>>;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it('journey f: an admin transfers a learner and raises a capacity by message; the waitlist moves up in order', async () => {
    const p = j.deps.db.prisma;
    // Who is who, as the demo seeded it: someone booked on the nearly full First Aid, and
    // four London employees booked on no First Aid yet.
    const firstAid = await p.registration.findMany({
      where: { session: { course: { code: 'FA-101' }, startsAt: { gt: j.deps.clock.now() } } },
      select: { personId: true, status: true, session: { select: { startsAt: true } } },
      orderBy: { session: { startsAt: 'asc' } },
    });
    const nearlyFull = firstAid[0]!.session.startsAt;
    const moving = await p.person.findUniqueOrThrow({ where: { id: firstAid[0]!.personId } });
    const booked = new Set(firstAid.map((r) => r.personId));
    const [seat, ...waiting] = (
      await p.person.findMany({
        where: { status: 'active', location: { name: 'London' }, managerId: { not: null } },
        orderBy: { name: 'asc' },
        select: { id: true, email: true, name: true, roles: true },
      })
    )
      .filter((x) => x.roles.length === 1 && x.roles[0] === 'employee' && !booked.has(x.id))
      .slice(0, 4);
    const day = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      timeZone: 'Europe/London',
    }).format(nearlyFull);

    const book = async (email: string) => {
      const me = j.web(email);
      let answer = await me.say(`book me on first aid on ${day}`);
      if (answer.awaitingAnswer)
        answer = await me.press(button(answer, (b) => b.actionId === 'confirm' && b.value === 'yes'));
      return answer.text;
    };
    expect(await book(seat!.email)).toMatch(/^You're booked/);
    for (const w of waiting) expect(await book(w.email)).toMatch(/waitlist/i);
    await j.runJobs();
    const seen = new Map<string, number>();
    for (const who of [moving, ...waiting]) seen.set(who.email, (await j.inbox(who.email)).length);
    const news = async (email: string) =>
      (await j.inbox(email)).slice(seen.get(email)).map((n) => n.reply.text);

    // Transfer: asked to confirm, then moved; the freed seat goes to the first one waiting.
    const avery = j.web('avery.clarke@acme.example');
    const move = await avery.say(`transfer ${moving.name} to the First Aid session on 19 Dec`);
    expect(move.text).toMatch(
      new RegExp(
        `^Move ${moving.name}'s booking on First Aid at Work from .* to Sat 19 Dec.*\\? They will be told\\.$`,
      ),
    );
    const moved = await avery.press(button(move, (b) => b.actionId === 'confirm' && b.value === 'yes'));
    expect(moved.text).toBe(
      `Moved ${moving.name} to Sat 19 Dec, 09:00–16:00 GMT; they have been sent a message. 1 person moved up from the waitlist, in order: ${waiting[0]!.name}; they have been sent a message.`,
    );

    // Capacity: the next two move up, in the order they joined.
    const raise = await avery.say(`raise the capacity of the First Aid session on ${day} to 14`);
    expect(raise.text).toMatch(
      /from 12 to 14 seats\? The first 2 people on the waitlist move up, in order\.$/,
    );
    const raised = await avery.press(button(raise, (b) => b.actionId === 'confirm' && b.value === 'yes'));
    expect(raised.text).toMatch(
      new RegExp(
        `now has 14 seats \\(was 12\\)\\. 2 people moved up from the waitlist, in order: ${waiting[1]!.name}, ${waiting[2]!.name};`,
      ),
    );

    await j.runJobs();
    expect((await news(moving.email)).join('\n')).toMatch(
      /Your booking on First Aid at Work has moved to Sat 19 Dec/,
    );
    for (const w of waiting)
      expect((await news(w.email)).join('\n'), w.name).toMatch(/now booked|seat opened|promoted|booked on/i);
    await assertInvariants(j);
  });
});
