/**
 * The demo's people match their story: nobody has a completion or a registration from before
 * they joined; the new joiner has no history and a GDPR assignment due after joining; the
 * GDPR course has a real package so "start" works; one auto-mode and one offer-mode course
 * have sessions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJourney } from '../harness.ts';

describe('the demo', () => {
  let j: Awaited<ReturnType<typeof startJourney>>;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it('tells the truth about its people, its eLearning and its waitlist modes', async () => {
    const p = j.deps.db.prisma;
    const people = await p.person.findMany({
      select: {
        email: true,
        hireDate: true,
        completions: { select: { completedAt: true } },
        registrations: { select: { session: { select: { startsAt: true } } } },
      },
    });
    for (const person of people) {
      if (!person.hireDate) continue;
      for (const c of person.completions)
        expect(c.completedAt >= person.hireDate, `${person.email} completed before joining`).toBe(true);
      for (const r of person.registrations)
        expect(r.session.startsAt >= person.hireDate, `${person.email} attended before joining`).toBe(true);
    }
    const isla = people.find((x) => x.email === 'isla.novak@acme.example')!;
    expect(isla.completions).toEqual([]);
    const learning = await j.web('isla.novak@acme.example').say('my learning');
    expect(learning.text).toMatch(/Nothing overdue/);

    expect(await p.contentPackage.count({ where: { course: { code: 'GDPR-101' } } })).toBe(1);
    const modes = await p.course.findMany({
      where: { sessions: { some: { startsAt: { gt: j.deps.clock.now() } } } },
      select: { waitlistMode: true },
    });
    expect(new Set(modes.map((m) => m.waitlistMode))).toEqual(new Set(['auto_promote', 'offer']));
  });
});
