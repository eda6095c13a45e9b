/**
 * Reports and scheduling from chat on the demo organisation: whose report each person gets,
 * a refusal worded for the asker, and a schedule confirmed before it is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../src/deps.ts';
import { demoEmail, say, seededConversation } from '../../helpers/conversation.ts';
import type { TestDb } from '../../helpers/test-db.ts';

let testDb: TestDb;
let deps: Deps;
const ADMIN = demoEmail('avery.clarke');
const MANAGER = demoEmail('maya.chen');
const LEARNER = demoEmail('priya.shah');

beforeAll(async () => {
  ({ testDb, deps } = await seededConversation());
});
afterAll(async () => testDb?.drop());

const text = async (as: string, message: string, thread = '') =>
  (await say(deps, as, message, thread)).reply.text;

describe('reports from chat', () => {
  it("answers each asker with what they may see: a department, a manager's team", async () => {
    expect(await text(ADMIN, 'compliance report for Operations')).toMatch(
      /^Compliance for Operations: \d+ compliant/,
    );
    expect(await text(MANAGER, 'compliance report')).toMatch(/^Compliance for your team: \d+ compliant/);
    expect(await text(LEARNER, 'expiring report')).toBe('Expiring training for you');
  });

  it('counts completions for a manager and refuses a learner in their own words', async () => {
    expect(await text(MANAGER, 'completions report this year')).toBe('Completions, this year');
    expect(await text(LEARNER, 'completions report this year')).toBe(
      'Completion reports are for managers and admins. I can show your own record.',
    );
  });

  it('reports attendance and costs for an admin', async () => {
    expect(await text(ADMIN, 'attendance vs registrations last month')).toMatch(
      /^Attendance vs registrations, .*: \d+ of \d+ attended$/,
    );
    expect(await text(ADMIN, 'training costs report this quarter')).toMatch(/^Training costs, .*: total /);
  });
});

describe('scheduling from chat', () => {
  it('resolves course, venue and instructor, asks first, then schedules', async () => {
    const asked = await text(
      ADMIN,
      'schedule First Aid on 10 December 9am in Room 2 with Dana, 12 seats',
      's',
    );
    expect(asked).toMatch(
      /^Schedule First Aid at Work on Thu 10 Dec, 09:00–\d\d:\d\d \(Europe\/London\) in .*Room 2, 12 seats, with Dana Whitfield\?$/,
    );
    const before = await deps.db.prisma.session.count();
    await say(deps, ADMIN, 'yes', 's');
    expect(await deps.db.prisma.session.count()).toBe(before + 1);
  });

  it('asks which instructor when a name is not exactly one of them', async () => {
    expect(await text(ADMIN, 'schedule First Aid on 11 December 9am in Room 2 with Zed, 12 seats', 't')).toBe(
      'I couldn\'t find an instructor called "zed".',
    );
  });
});
