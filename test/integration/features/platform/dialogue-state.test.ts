/** Dialogue state is kept per person, channel and thread; the CLI has a channel of its own. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../../src/deps.ts';
import type { Actor } from '../../../../src/features/people/index.ts';
import { readDialogueState, writeDialogueState } from '../../../../src/features/platform/index.ts';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { makePerson } from '../../../helpers/tms-fixtures.ts';

let t: TestDb;
let deps: Deps;
let person: Actor;
let other: Actor;

beforeAll(async () => {
  t = await createTestDb();
  deps = testDeps(t.db, new Date('2026-11-28T09:00:00Z'));
  person = await makePerson(t.db);
  other = await makePerson(t.db);
});
afterAll(async () => t?.drop());

describe('dialogue state', () => {
  it('keeps the CLI and the web chat apart, and one person from another', async () => {
    const expires = new Date('2026-11-28T09:15:00Z');
    await writeDialogueState(deps, person, {
      channel: 'cli',
      threadKey: 't',
      context: { lastCourseId: 'c-cli' },
      pending: { kind: 'confirm' },
      pendingExpiresAt: expires,
    });
    await writeDialogueState(deps, person, {
      channel: 'web',
      threadKey: 't',
      context: { lastCourseId: 'c-web' },
      pending: undefined,
      pendingExpiresAt: null,
    });
    expect(await readDialogueState(deps, person, { channel: 'cli', threadKey: 't' })).toEqual({
      context: { lastCourseId: 'c-cli' },
      pending: { kind: 'confirm' },
      pendingExpiresAt: expires,
    });
    expect(await readDialogueState(deps, person, { channel: 'web', threadKey: 't' })).toMatchObject({
      context: { lastCourseId: 'c-web' },
      pending: null,
    });
    expect(await readDialogueState(deps, other, { channel: 'cli', threadKey: 't' })).toBeUndefined();
    const rows = await t.db.prisma.conversationState.findMany({ where: { personId: person.personId } });
    expect(rows.map((r) => `${r.channel}:${r.threadKey}`).sort()).toEqual(['cli:t', 'web:t']);
  });

  it('overwrites the thread on the next write', async () => {
    await writeDialogueState(deps, person, {
      channel: 'cli',
      threadKey: 't',
      context: {},
      pending: undefined,
      pendingExpiresAt: null,
    });
    expect(await readDialogueState(deps, person, { channel: 'cli', threadKey: 't' })).toEqual({
      context: {},
      pending: null,
      pendingExpiresAt: null,
    });
  });
});
