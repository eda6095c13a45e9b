/**
 * "start the GDPR course" and "my learning" answer from one learner record: when the launch
 * reply names a due date, it is the date "my learning" shows for that course (a valid
 * completion settles an old assignment, so its original due date is never repeated).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededConversation, say, demoEmail } from '../../helpers/conversation.ts';
import type { TestDb } from '../../helpers/test-db.ts';
import type { Deps } from '../../../src/deps.ts';
import type { FixedClock } from '../../../src/shared/clock.ts';

let testDb: TestDb;
let deps: Deps & { clock: FixedClock };

beforeAll(async () => {
  ({ testDb, deps } = await seededConversation());
});
afterAll(async () => {
  await testDb?.drop();
});

type Block = { type: string; rows?: string[][] };

/** The due column of the course's row in the to-do and overdue tables of "my learning". */
function dueShown(blocks: Block[], courseTitle: string): string | undefined {
  for (const block of blocks) {
    if (block.type !== 'table') continue;
    const row = block.rows?.find((r) => r[0] === courseTitle && /\d{4}$/.test(r[1] ?? ''));
    if (row) return row[1];
  }
  return undefined;
}

describe('launching a course agrees with my learning', () => {
  it.each(['priya.shah', 'sam.brooks', 'kofi.mensah', 'isla.novak', 'maya.chen'])(
    'the due date %s is told on launch is the one my learning shows',
    async (who) => {
      const email = demoEmail(who);
      const learning = await say(deps, email, 'my learning', `${who}-learning`);
      const due = dueShown(learning.reply.blocks as Block[], 'GDPR Basics');
      const launch = await say(deps, email, 'start the GDPR course', `${who}-launch`);
      const told = /already enrolled on GDPR Basics \(due ([^)]+)\)/.exec(launch.reply.text)?.[1];
      if (told !== undefined) expect(told).toBe(due);
      else expect(launch.reply.text).toMatch(/enrolled on GDPR Basics/);
    },
  );

  it('Priya, whose GDPR completion is valid, is not told her old assignment date', async () => {
    const email = demoEmail('priya.shah');
    const learning = await say(deps, email, 'my learning', 'priya-check-learning');
    const launch = await say(deps, email, 'start the GDPR course', 'priya-check-launch');
    const due = dueShown(learning.reply.blocks as Block[], 'GDPR Basics');
    expect(due).toBeDefined();
    expect(launch.reply.text).toContain(`(due ${due})`);
  });
});
