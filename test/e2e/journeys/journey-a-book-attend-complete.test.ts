/**
 * Journey a: an employee finds a session and books it, is reminded the day before, attends
 * (the instructor marks it by message), gets the completion and certificate and a follow-up
 * in their inbox, and what they (and their manager, looking at their team member's record)
 * see changes at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertInvariants, button, startJourney, type WebReply } from '../harness.ts';

describe('journey a', () => {
  let j: Awaited<ReturnType<typeof startJourney>>;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it('journey a: find, book, reminded, attended (marked by the instructor), completion and certificate', async () => {
    const learner = 'aisha.walker@acme.example';
    const me = j.web(learner);
    const list = await me.say('what first aid sessions are there?');
    const booked = await me.press(button(list, (b) => b.label === 'Book #2'));
    expect(booked.text).toMatch(/^You're booked on First Aid at Work, Sat 19 Dec/);

    // Who teaches it and when, as the roster would say; the test only moves the clock.
    const p = j.deps.db.prisma;
    const session = await p.session.findFirstOrThrow({
      where: {
        registrations: { some: { person: { email: learner }, status: 'confirmed' } },
        course: { code: 'FA-101' },
      },
      include: { instructors: { include: { person: true } } },
    });
    j.deps.clock.set(new Date(session.startsAt.getTime() - 26 * 3_600_000));
    await j.advance(2 * 3_600_000);
    const reminders = (await j.inbox(learner)).filter((n) => n.kind === 'session.reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.reply.text).toMatch(/First Aid at Work starts within 24 hours/);

    // What the learner's manager sees of her record before the session: no First Aid yet.
    const learnerRow = await p.person.findUniqueOrThrow({
      where: { email: learner },
      include: { manager: true },
    });
    const manager = j.web(learnerRow.manager!.email);
    const teamView = async () => {
      const answer = await manager.say('what has Aisha completed?');
      return (answer.blocks as { type: string; rows?: string[][] }[])
        .flatMap((b) => (b.type === 'table' ? (b.rows ?? []) : []))
        .filter((r) => r.some((cell) => cell.includes('First Aid at Work')));
    };
    expect(await teamView()).toEqual([]);

    j.deps.clock.set(new Date(session.endsAt.getTime() + 10 * 60_000));
    await j.runJobs();
    const instructor = j.web(session.instructors[0]!.person.email);
    const which = await instructor.say('mark attendance');
    const choice = (which.blocks as { type: string; choices?: { label: string; value: string }[] }[])
      .flatMap((b) => (b.type === 'choices' ? (b.choices ?? []) : []))
      .find((c) => c.label.includes('First Aid at Work — Sat 19 Dec'))!;
    const roster = await instructor.press({ label: choice.label, actionId: 'choose', value: choice.value });
    expect(roster.text).toMatch(/4 on the roster, 0 marked/);
    const ask = await instructor.say('everyone attended');
    expect(ask.text).toMatch(/Aisha Walker/);
    const done = await instructor.press(button(ask, (b) => b.actionId === 'confirm' && b.value === 'yes'));
    expect(done.text).toMatch(/^Recorded \d+ attendance marks on First Aid at Work\. \d+ completions added/);

    await j.advance(60_000);
    const followUps = (await j.inbox(learner)).filter((n) => n.kind === 'session.followup');
    expect(followUps).toHaveLength(1);
    const person = await p.person.findUniqueOrThrow({ where: { email: learner } });
    const completion = await p.completion.findFirstOrThrow({
      where: { personId: person.id, course: { code: 'FA-101' }, source: { not: 'scorm' } },
      orderBy: { completedAt: 'desc' },
    });
    expect(await p.certificate.count({ where: { completionId: completion.id } })).toBe(1);
    // Within the minute, the manager's view of the team member shows the completion.
    const after = await teamView();
    expect(after).toHaveLength(1);
    expect(after[0]!.join(' ')).toMatch(/Completed|\d{1,2} \w{3} 20\d\d/);
    const completed = await me.say('what have I completed?');
    expect(JSON.stringify(completed.blocks)).toContain('First Aid at Work');
    await assertInvariants(j);
  });
});
