/**
 * Follow-ups and asking back, multi-turn through the CLI path on a real database with the
 * demo organisation: each turn reads and writes the dialogue state in ConversationState.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededConversation, say, press, demoEmail } from '../../helpers/conversation.ts';
import type { TestDb } from '../../helpers/test-db.ts';
import type { Deps } from '../../../src/deps.ts';
import type { FixedClock } from '../../../src/shared/clock.ts';

const PRIYA = demoEmail('priya.shah');
const MAYA = demoEmail('maya.chen');
const SAM = demoEmail('sam.brooks');

let testDb: TestDb;
let deps: Deps & { clock: FixedClock };

beforeAll(async () => {
  ({ testDb, deps } = await seededConversation());
});
afterAll(async () => {
  await testDb?.drop();
});

const buttons = (r: {
  blocks: { type: string; buttons?: { label: string; actionId: string; value: string }[] }[];
}) => r.blocks.flatMap((b) => (b.type === 'buttons' ? (b.buttons ?? []) : []));

async function bookingsOf(email: string): Promise<{ course: string; status: string; startsAt: Date }[]> {
  const regs = await deps.db.prisma.registration.findMany({
    where: { person: { email } },
    include: { session: { include: { course: true } } },
  });
  return regs.map((r) => ({ course: r.session.course.code, status: r.status, startsAt: r.session.startsAt }));
}

const JORDAN = demoEmail('jordan.blake');
const NADIA = demoEmail('nadia.hussain');

const text = (r: { reply: { text: string } }) => r.reply.text;

describe('picking from the last list shown', () => {
  it('"the Manchester one" books the session at that place from the list', async () => {
    const list = await say(deps, JORDAN, 'first aid sessions', 'm');
    expect(text(list)).toMatch(/^2 sessions/);
    const picked = await say(deps, JORDAN, 'the Manchester one', 'm');
    expect(picked.intent).toBe('book_session');
    expect(text(picked)).toMatch(/booked on First Aid at Work, Thu 17 Dec.*Manchester/);
    expect(await bookingsOf(JORDAN)).toContainEqual(
      expect.objectContaining({ course: 'FA-101', status: 'confirmed' }),
    );
  });

  it('"the afternoon one" picks by time of day, then "cancel that" cancels that booking', async () => {
    await say(deps, PRIYA, 'fire safety sessions', 'a');
    const picked = await say(deps, PRIYA, 'the afternoon one', 'a');
    expect(text(picked)).toMatch(/booked on Fire Safety Awareness, Sun 6 Dec, 15:00/);
    const ny = (await bookingsOf(PRIYA)).find((b) => b.course === 'FS-100' && b.startsAt.getUTCDate() === 6);
    expect(ny?.status).toBe('confirmed');

    const cancelled = await say(deps, PRIYA, 'cancel that', 'a');
    expect(cancelled.intent).toBe('cancel_booking');
    expect(text(cancelled)).toMatch(/^Cancelled your place on Fire Safety Awareness, Sun 6 Dec/);
    const after = (await bookingsOf(PRIYA)).find(
      (b) => b.course === 'FS-100' && b.startsAt.getUTCDate() === 6,
    );
    expect(after?.status).toBe('cancelled');
  });

  it('"the second one" acts on the second session of the list', async () => {
    await say(deps, NADIA, 'fire safety sessions', 'o');
    const picked = await say(deps, NADIA, 'the second one', 'o');
    expect(picked.intent).toBe('book_session');
    expect(text(picked)).toMatch(/booked on Fire Safety Awareness, Sun 6 Dec/);
  });

  it('"that one" takes the only session shown', async () => {
    const list = await say(deps, NADIA, 'negotiation skills sessions', 't');
    expect(text(list)).toMatch(/^One session/);
    const picked = await say(deps, NADIA, 'that one', 't');
    expect(picked.intent).toBe('book_session');
    expect(await bookingsOf(NADIA)).toContainEqual(expect.objectContaining({ course: 'NEG-200' }));
  });

  it('says so when there is no list to pick from', async () => {
    const picked = await say(deps, NADIA, 'the third one', 'empty');
    expect(text(picked)).toMatch(/haven't shown you a list/);
  });
});

describe('repeating the last question or change', () => {
  it('"and next month?" asks the last question again for the new period', async () => {
    const first = await say(deps, PRIYA, 'what sessions are there this week?', 'q');
    expect(text(first)).toBe('No sessions this week.');
    const again = await say(deps, PRIYA, 'and next month?', 'q');
    expect(again.intent).toBe('find_sessions');
    expect(again.slots).toMatchObject({ when: { text: 'next month', from: '2026-12-01T00:00:00.000Z' } });
    expect(text(again)).toMatch(/^8 sessions next month/);
  });

  it('"same for Sam" repeats the booking for a report, within the rights of the one asking', async () => {
    // An employee may not book a colleague: the use case refuses and nothing is booked.
    await say(deps, JORDAN, 'negotiation skills sessions', 'j');
    await say(deps, JORDAN, 'that one', 'j');
    const refused = await say(deps, JORDAN, 'same for Sam', 'j');
    expect(refused.intent).toBe('book_session');
    expect(await bookingsOf(SAM)).not.toContainEqual(expect.objectContaining({ course: 'NEG-200' }));
    expect(text(refused)).not.toMatch(/booked on/);
  });
});

describe('correcting the pending draft', () => {
  it('"no, the 17th" changes the date and asks again; "yes" books it; "same for Sam" repeats it', async () => {
    const ask = await say(deps, MAYA, 'book Priya on first aid', 'd');
    expect(ask.reply.awaitingAnswer).toBe(true);
    const draft = await say(deps, MAYA, 'the first one', 'd');
    expect(text(draft)).toMatch(/^Book Priya Shah on First Aid at Work \(FA-101\) — Thu 3 Dec/);

    const corrected = await say(deps, MAYA, 'no, the 17th', 'd');
    expect(text(corrected)).toMatch(
      /^Changed to First Aid at Work \(FA-101\) — Thu 17 Dec.*Shall I go ahead\?/,
    );
    expect(corrected.reply.awaitingAnswer).toBe(true);
    expect(await bookingsOf(PRIYA)).not.toContainEqual(expect.objectContaining({ course: 'FA-101' }));

    const done = await say(deps, MAYA, 'yes', 'd');
    expect(text(done)).toMatch(/Priya Shah is booked on First Aid at Work, Thu 17 Dec/);
    const priya = (await bookingsOf(PRIYA)).filter((b) => b.course === 'FA-101');
    expect(priya.map((b) => b.startsAt.toISOString())).toEqual(['2026-12-17T09:00:00.000Z']);

    const same = await say(deps, MAYA, 'same for Sam', 'd');
    expect(text(same)).toMatch(/^Book Sam Brooks on First Aid at Work \(FA-101\) — Thu 17 Dec/);
    await say(deps, MAYA, 'yes', 'd');
    expect(await bookingsOf(SAM)).toContainEqual(
      expect.objectContaining({ course: 'FA-101', startsAt: new Date('2026-12-17T09:00:00.000Z') }),
    );
  });

  it('keeps the draft when the corrected date has no session', async () => {
    await say(deps, MAYA, 'book Priya on negotiation skills', 'k');
    const none = await say(deps, MAYA, 'no, tomorrow', 'k');
    expect(text(none)).toMatch(/still waiting/);
    const done = await say(deps, MAYA, 'yes', 'k');
    expect(text(done)).toMatch(/Priya Shah is booked on Negotiation Skills/);
  });

  it('"yes but for Sam" confirms the draft for another person', async () => {
    const draft = await say(deps, MAYA, 'book Priya on leadership foundations', 'y');
    expect(text(draft)).toMatch(/^Book Priya Shah on /);
    const done = await say(deps, MAYA, 'yes but for Sam', 'y');
    expect(done.intent).toBe('book_session');
    expect(text(done)).toMatch(/Sam Brooks/);
    expect(await bookingsOf(SAM)).toContainEqual(expect.objectContaining({ course: 'LEAD-300' }));
    expect(await bookingsOf(PRIYA)).not.toContainEqual(expect.objectContaining({ course: 'LEAD-300' }));
  });
});

describe('deciding the request last shown', () => {
  it('"decline it" declines the request the manager was just shown', async () => {
    const list = await say(deps, MAYA, 'show pending approvals', 'r');
    expect(text(list)).toMatch(/request/);
    const declined = await say(deps, MAYA, 'decline it', 'r');
    expect(declined.intent).toBe('approve_request');
    expect(text(declined)).toMatch(/^Declined/);
    expect(await bookingsOf(SAM)).toContainEqual(
      expect.objectContaining({ course: 'XL-110', status: 'declined' }),
    );
  });
});

describe('asking rather than guessing', () => {
  it('offers the likeliest readings as buttons, and a press runs that reading', async () => {
    // A manager's one word: a report, the team's compliance, or their own? Without a clear lead, it asks.
    const unsure = await say(deps, MAYA, 'expiring', 'c');
    expect(text(unsure)).toMatch(/^I'm not sure what you meant\. Did you mean: .*your team's compliance/);
    const offered = buttons(unsure.reply);
    const team = offered.find((b) => b.label === "Your team's compliance");
    expect(team?.actionId).toBe('say');
    const pressed = await press(deps, MAYA, 'say', team!.value, 'c');
    expect(pressed.intent).toBe('team_compliance');
  });

  it('redirects small talk to what one can ask', async () => {
    const joke = await say(deps, PRIYA, 'tell me a joke', 's');
    expect(text(joke)).toMatch(/only do training\. Here is what you can ask me/);
    expect(buttons(joke.reply).length).toBeGreaterThanOrEqual(3);
    const hello = await say(deps, PRIYA, 'hello there', 's');
    expect(text(hello)).toMatch(/^Hi Priya! I'm Rollcall/);
  });

  it('answers a message in another language in English, with examples', async () => {
    const es = await say(deps, PRIYA, '¿Dónde puedo reservar un curso de primeros auxilios?', 'l');
    expect(text(es)).toMatch(/^Sorry — I can only read English for now/);
    expect(buttons(es.reply).map((b) => b.actionId)).toContain('say');
  });

  it('answers "what can you do" with the capabilities', async () => {
    const can = await say(deps, PRIYA, 'what can you do', 'w');
    expect(can.intent).toBe('help');
    expect(text(can)).toMatch(/here is what you can ask me/);
  });
});
