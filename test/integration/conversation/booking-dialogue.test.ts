/**
 * The multi-turn flows the assistant must carry, through the CLI path on a real database:
 * an ambiguous booking resolved by a choice, a full session turned into a waitlist offer
 * accepted with "yes", "cancel that" after a booking, a manager's team question followed by
 * "remind the overdue ones" with a confirmation, and a polite refusal of someone else's record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededConversation, say, demoEmail } from '../../helpers/conversation.ts';
import type { TestDb } from '../../helpers/test-db.ts';
import type { Deps } from '../../../src/deps.ts';

const PRIYA = demoEmail('priya.shah');
const KOFI = demoEmail('kofi.mensah');
const MAYA = demoEmail('maya.chen');
const SAM = demoEmail('sam.brooks');
let testDb: TestDb;
let deps: Deps;

beforeAll(async () => {
  ({ testDb, deps } = await seededConversation());
});
afterAll(async () => {
  await testDb?.drop();
});

const personId = async (email: string) =>
  (await deps.db.prisma.person.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
const liveOn = async (email: string, code: string) =>
  deps.db.prisma.registration.findMany({
    where: {
      personId: await personId(email),
      session: { course: { code } },
      status: { in: ['confirmed', 'waitlisted', 'pending_approval'] },
    },
    select: { status: true, sessionId: true },
  });

describe('booking dialogue', () => {
  it('resolves an ambiguous booking with a choice, then "cancel that" cancels it', async () => {
    const ask = await say(deps, PRIYA, 'book me on first aid', 'b1');
    expect(ask.intent).toBe('book_session');
    expect(ask.reply.awaitingAnswer).toBe(true);
    const booked = await say(deps, PRIYA, 'the second one', 'b1');
    expect(booked.reply.text).toMatch(/^You're booked on First Aid at Work, Thu 17 Dec/);
    expect(await liveOn(PRIYA, 'FA-101')).toHaveLength(1);

    const cancelled = await say(deps, PRIYA, 'cancel that', 'b1');
    expect(cancelled.intent).toBe('cancel_booking');
    expect(cancelled.reply.text).toMatch(/^Cancelled your place on First Aid at Work, Thu 17 Dec/);
    expect(await liveOn(PRIYA, 'FA-101')).toHaveLength(0);
  });

  it('turns a full session into a waitlist offer accepted with "yes"', async () => {
    // Fill the last seat of next week's First Aid (one seat left in the demo).
    const first = await say(deps, SAM, 'book me on first aid on the 3rd', 'w0');
    expect(first.reply.text).toMatch(/^You're booked on First Aid at Work, Thu 3 Dec/);

    const offer = await say(deps, KOFI, 'book me on first aid on the 3rd', 'w1');
    expect(offer.reply.text).toMatch(/is full.*waitlist/);
    expect(offer.reply.awaitingAnswer).toBe(true);
    expect(await liveOn(KOFI, 'FA-101')).toHaveLength(0);

    const yes = await say(deps, KOFI, 'yes please', 'w1');
    expect(yes.intent).toBe('join_waitlist');
    expect(yes.reply.text).toMatch(/on the waitlist for First Aid at Work.*number 1 in the queue/);
    expect((await liveOn(KOFI, 'FA-101')).map((r) => r.status)).toEqual(['waitlisted']);
  });

  it('asks before booking someone else, and books them on "yes"', async () => {
    const ask = await say(deps, MAYA, 'book Priya on negotiation skills', 'o1');
    expect(ask.reply.text).toMatch(/^Book Priya Shah on Negotiation Skills/);
    expect(await liveOn(PRIYA, 'NEG-200')).toHaveLength(0);
    const done = await say(deps, MAYA, 'yes', 'o1');
    expect(done.reply.text).toMatch(/Priya Shah is booked on Negotiation Skills/);
    expect(await liveOn(PRIYA, 'NEG-200')).toHaveLength(1);
  });
});

describe('manager dialogue', () => {
  it('answers "how is my team doing?" then reminds the overdue ones after a confirmation', async () => {
    const team = await say(deps, MAYA, 'how is my team doing?', 'm1');
    expect(team.intent).toBe('team_compliance');
    expect(team.reply.text).toMatch(/^Your team \(\d+ people\)/);
    const before = await deps.db.prisma.notification.count({ where: { kind: 'training.reminder' } });

    const ask = await say(deps, MAYA, 'remind the overdue ones', 'm1');
    expect(ask.intent).toBe('nudge');
    expect(ask.reply.text).toMatch(/^I'll send a training reminder to \d+/);
    expect(await deps.db.prisma.notification.count({ where: { kind: 'training.reminder' } })).toBe(before);

    const sent = await say(deps, MAYA, 'yes', 'm1');
    expect(sent.reply.text).toMatch(/^Done: \d+ reminders? on the way/);
    const queued = await deps.db.prisma.notification.findMany({
      where: { kind: 'training.reminder' },
      select: { recipient: { select: { managerId: true } } },
    });
    expect(queued.length).toBeGreaterThan(before);
    const maya = await personId(MAYA);
    expect(queued.every((n) => n.recipient.managerId === maya)).toBe(true);
  });

  it("politely refuses someone else's record", async () => {
    const result = await say(deps, PRIYA, 'what has Kofi completed?');
    expect(result.intent).toBe('my_learning');
    expect(result.reply.text).toMatch(/^Sorry, that's not something I can do for you/);
    expect(result.reply.blocks.at(-1)?.type).toBe('buttons');
  });

  it('tells an employee without a team so, kindly', async () => {
    const result = await say(deps, PRIYA, 'how is my team doing on compliance?');
    expect(result.reply.text).toMatch(/don't have a team/);
  });
});
