/**
 * Multi-turn conversations through the CLI path (the same function `chat --as … --json`
 * runs), on a real database with the demo organisation. Dialogue state lives in the
 * ConversationState table between turns, as it would across replicas.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededConversation, say, press, demoEmail } from '../../helpers/conversation.ts';
import type { TestDb } from '../../helpers/test-db.ts';
import type { Deps } from '../../../src/deps.ts';
import type { FixedClock } from '../../../src/shared/clock.ts';

const DANA = demoEmail('dana.whitfield');
const PRIYA = demoEmail('priya.shah');
const AVERY = demoEmail('avery.clarke');
const MAYA = demoEmail('maya.chen');

let testDb: TestDb;
let deps: Deps & { clock: FixedClock };

beforeAll(async () => {
  ({ testDb, deps } = await seededConversation());
});
afterAll(async () => {
  await testDb?.drop();
});

const lastButtons = (reply: { blocks: { type: string; buttons?: unknown[] }[] }) => reply.blocks.at(-1);

describe('help by role', () => {
  it('shows admins the admin examples and employees only their own', async () => {
    const admin = await say(deps, AVERY, 'help');
    const employee = await say(deps, PRIYA, 'what can you do?');
    const manager = await say(deps, MAYA, 'help');
    expect(admin.intent).toBe('help');
    expect(admin.reply.text).toContain('Admin');
    expect(employee.reply.text).not.toContain('Admin');
    expect(employee.reply.text).not.toContain('Your team');
    expect(manager.reply.text).toContain('Your team');
    for (const r of [admin, employee, manager]) expect(lastButtons(r.reply)?.type).toBe('buttons');
  });
});

describe('an ambiguous question resolved by a follow-up', () => {
  it('asks which session, then answers "the second one" from the stored state', async () => {
    const first = await say(deps, DANA, "who's on my session next week?", 'roster-1');
    expect(first.intent).toBe('session_roster');
    expect(first.reply.awaitingAnswer).toBe(true);
    const choices = first.reply.blocks.find((b) => b.type === 'choices');
    expect(choices && 'choices' in choices && choices.choices.length).toBe(2);

    const second = await say(deps, DANA, 'the second one', 'roster-1');
    expect(second.intent).toBe('session_roster');
    expect(second.reply.text).toMatch(/First Aid at Work, Thu 3 Dec, 09:00–16:00 GMT — 11\/12 seats taken/);
    const table = second.reply.blocks.find((b) => b.type === 'table');
    expect(table && 'rows' in table && table.rows.length).toBe(11);

    const state = await deps.db.prisma.conversationState.findFirstOrThrow({
      where: { channel: 'cli', threadKey: 'roster-1' },
    });
    expect(state.pending).toBeNull();
  });

  it('accepts a button press (choose, with the value) instead of text', async () => {
    await say(deps, DANA, "who's on my session next week?", 'roster-2');
    const chosen = await press(deps, DANA, 'choose', '1', 'roster-2');
    expect(chosen.reply.text).toMatch(/^Fire Safety Awareness, Tue 1 Dec/);
  });

  it('keeps threads apart: an answer in another thread is a new message', async () => {
    await say(deps, DANA, "who's on my session next week?", 'roster-3');
    const elsewhere = await say(deps, DANA, 'the second one', 'another-thread');
    expect(elsewhere.reply.text).not.toMatch(/seats taken/);
  });

  it('lets a pending question expire: a late "2" does nothing and says so', async () => {
    await say(deps, DANA, "who's on my session next week?", 'roster-4');
    deps.clock.advance(16 * 60_000);
    try {
      const late = await say(deps, DANA, '2', 'roster-4');
      expect(late.reply.text).toMatch(/expired/);
      expect(late.reply.text).not.toMatch(/seats taken/);
    } finally {
      deps.clock.advance(-16 * 60_000);
    }
  });

  it('drops the question when the person asks something else instead', async () => {
    await say(deps, DANA, "who's on my session next week?", 'roster-5');
    const other = await say(deps, DANA, 'what am I booked on?', 'roster-5');
    expect(other.intent).toBe('my_bookings');
    const state = await deps.db.prisma.conversationState.findFirstOrThrow({
      where: { channel: 'cli', threadKey: 'roster-5' },
    });
    expect(state.pending).toBeNull();
    // With the question gone, a bare number points at the last list shown, as "the second one" does.
    const after = await say(deps, DANA, '2', 'roster-5');
    await say(deps, DANA, "who's on my session next week?", 'roster-6');
    await say(deps, DANA, 'what am I booked on?', 'roster-6');
    const spelledOut = await say(deps, DANA, 'the second one', 'roster-6');
    expect(after.reply.text).toBe(spelledOut.reply.text);
  });
});

describe('rosters respect who is asking', () => {
  it('shows a manager only their own reporting line on a session they do not teach', async () => {
    const reply = await say(deps, MAYA, 'who is booked on the excel session?');
    expect(reply.intent).toBe('session_roster');
    const table = reply.reply.blocks.find((b) => b.type === 'table');
    const names = table && 'rows' in table ? table.rows.map((r) => r[0]) : [];
    const maya = await deps.db.prisma.person.findUniqueOrThrow({
      where: { email: MAYA },
      select: { id: true },
    });
    const all = await deps.db.prisma.registration.findMany({
      where: { session: { course: { code: 'XL-110' } }, status: { notIn: ['cancelled', 'declined'] } },
      select: { person: { select: { name: true, managerId: true } } },
    });
    const expected = all
      .filter((r) => r.person.managerId === maya.id)
      .map((r) => r.person.name)
      .sort();
    expect(expected.length).toBeLessThan(all.length);
    expect(names.sort()).toEqual(expected);
    expect(names).toContain('Sam Brooks');
    expect(reply.reply.text).toMatch(/only people in your reporting line/);
  });
});

describe('messages that are not requests', () => {
  it.each([
    ['empty', ''],
    ['nonsense', 'asdfghjkl qwerty'],
    ['10,000 characters', 'book '.repeat(2000)],
    ['non-English', '我想预订急救课程'],
    ['emoji', '🙂🙂🙂'],
  ])('answers %s helpfully, with next steps', async (_label, text) => {
    const result = await say(deps, PRIYA, text);
    expect(result.reply.text.length).toBeGreaterThan(20);
    expect(lastButtons(result.reply)?.type).toBe('buttons');
  });

  it('answers an unknown person with a clear error instead of crashing', async () => {
    await expect(say(deps, 'nobody@acme.example', 'help')).rejects.toThrow(/Nobody with the e-mail/);
  });

  it("shows times in the reader's own zone with the zone named", async () => {
    const london = await say(deps, PRIYA, 'fire safety sessions');
    const newYork = await say(deps, demoEmail('rosa.delgado'), 'fire safety sessions');
    const row = (r: typeof london) => {
      const t = r.reply.blocks.find((b) => b.type === 'table');
      return t && 'rows' in t ? t.rows[0]![2] : '';
    };
    expect(row(london)).toBe('Tue 1 Dec, 10:00–12:00 GMT');
    expect(row(newYork)).toMatch(/^Tue 1 Dec, 05:00–07:00 (EST|GMT-5)$/);
  });
});
