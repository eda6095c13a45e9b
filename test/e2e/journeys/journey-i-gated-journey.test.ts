/**
 * Journey i: a learner on a gated learning journey (the new joiner on the New Starter
 * Journey) asks how far along she is, starts the next step, and is refused a locked step
 * with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertInvariants, button, startJourney, type WebReply } from '../harness.ts';

const rows = (reply: WebReply): string[][] =>
  (reply.blocks as { type: string; rows?: string[][] }[]).flatMap((b) =>
    b.type === 'table' ? (b.rows ?? []) : [],
  );

describe('journey i', () => {
  let j: Awaited<ReturnType<typeof startJourney>>;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it('journey i: a learner on a gated journey sees how far along she is, starts the next step, is refused a locked one with the reason', async () => {
    const isla = j.web('isla.novak@acme.example');

    const mine = await isla.say('my journeys');
    expect(mine.text).toBe('New Starter Journey: 0 of 3 steps done. Next: GDPR Basics (online course).');

    const progress = await isla.say('how far am I on my new starter journey?');
    expect(progress.text).toBe(mine.text);
    expect(rows(progress)).toEqual([
      ['1', 'GDPR Basics', 'Open now'],
      ['2', 'Information Security Awareness', 'Locked until GDPR Basics is done'],
      ['3', 'Fire Safety Awareness', 'Locked until Information Security Awareness is done'],
    ]);

    // The next step is online: "book the next step" opens it (the demo's GDPR package).
    const next = await isla.say('book the next step');
    button(next, (b) => b.actionId === 'link');
    const url = (next.blocks as { type: string; buttons?: { actionId: string; url?: string }[] }[])
      .flatMap((b) => b.buttons ?? [])
      .find((b) => b.actionId === 'link' && b.url)?.url;
    expect(url?.startsWith(`${j.service.url}/scorm/launch/`)).toBe(true);
    expect(next.text).toMatch(/GDPR Basics/);
    // The same from the progress reply's button.
    const started = await isla.press(button(progress, (b) => b.actionId === 'launch_course'));
    expect(started.text).toMatch(/GDPR Basics/);

    // A locked step is refused, and the reply says what comes first.
    let locked = await isla.say('book me on fire safety');
    if (locked.text.includes('Which one'))
      locked = await isla.press({ label: '1', actionId: 'choose', value: '1' });
    if (locked.awaitingAnswer)
      locked = await isla.press(button(locked, (b) => b.actionId === 'confirm' && b.value === 'yes'));
    expect(locked.text).toMatch(
      /On your New Starter Journey journey, Information Security Awareness \(SEC-101\) comes first\./,
    );

    await assertInvariants(j);
    const p = j.deps.db.prisma;
    const isl = await p.person.findUniqueOrThrow({ where: { email: 'isla.novak@acme.example' } });
    expect(
      await p.registration.count({
        where: { personId: isl.id, status: { in: ['confirmed', 'waitlisted', 'pending_approval'] } },
      }),
    ).toBe(0);
  });
});
