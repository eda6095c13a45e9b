/**
 * The admin API's idempotency keys are kept for their retry window (24 h) and then swept by
 * the registry's `prune-idempotency-keys` job, oldest first and at most N per run; keys still
 * inside the window keep replaying their answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/features/people/actor.ts';
import { loadActor } from '../../../src/features/people/index.ts';
import {
  claimIdempotencyKey,
  IDEMPOTENCY_KEY_RETENTION_MS,
  pruneIdempotencyKeys,
  saveIdempotentAnswer,
} from '../../../src/features/platform/index.ts';
import { jobDefinitions } from '../../../src/jobs/start-jobs.ts';
import { createTestDb, testDeps, type TestDb } from '../../helpers/test-db.ts';

const NOW = new Date('2026-11-28T09:00:00Z');
const HOUR = 3_600_000;
let t: TestDb;
let actor: Actor;

beforeAll(async () => {
  t = await createTestDb();
  const person = await t.db.prisma.person.create({
    data: { email: 'hr-sync@example.com', name: 'HR sync', roles: ['employee', 'admin'] },
  });
  actor = await loadActor(t.db.prisma, person.id);
});
afterAll(async () => t?.drop());

/** Stores a key with its answer as the API would, `hoursAgo` before NOW. */
async function keyAnswered(key: string, hoursAgo: number): Promise<void> {
  const deps = testDeps(t.db, new Date(NOW.getTime() - hoursAgo * HOUR));
  expect(await claimIdempotencyKey(deps, actor, { key, requestHash: `hash-${key}` })).toEqual({
    kind: 'claimed',
  });
  await saveIdempotentAnswer(deps, actor, { key, status: 201, body: `{"key":"${key}"}` });
}

const keysLeft = async () =>
  (await t.db.prisma.idempotencyKey.findMany({ orderBy: { createdAt: 'asc' } })).map((k) => k.key);

describe('idempotency key sweep', () => {
  it('deletes keys past the 24 h window, oldest first and at most N a run; recent ones stay and replay', async () => {
    await keyAnswered('three-days', 72);
    await keyAnswered('two-days', 48);
    await keyAnswered('a-day-and-an-hour', 25);
    await keyAnswered('twenty-three-hours', 23);
    await keyAnswered('just-now', 0);
    expect(IDEMPOTENCY_KEY_RETENTION_MS).toBe(24 * HOUR);
    const deps = testDeps(t.db, NOW);

    // Bounded: two a run, the oldest first; the third waits for the next run.
    expect(await pruneIdempotencyKeys(deps, { limit: 2 })).toBe(2);
    expect(await keysLeft()).toEqual(['a-day-and-an-hour', 'twenty-three-hours', 'just-now']);
    expect(await pruneIdempotencyKeys(deps, { limit: 2 })).toBe(1);
    expect(await keysLeft()).toEqual(['twenty-three-hours', 'just-now']);
    expect(await pruneIdempotencyKeys(deps, { limit: 2 })).toBe(0);

    // A key inside its window still replays its first answer.
    expect(
      await claimIdempotencyKey(deps, actor, {
        key: 'twenty-three-hours',
        requestHash: 'hash-twenty-three-hours',
      }),
    ).toEqual({ kind: 'replay', status: 201, body: '{"key":"twenty-three-hours"}' });
    // A pruned key is free again: a repeat a day later is a new request.
    expect(await claimIdempotencyKey(deps, actor, { key: 'two-days', requestHash: 'other' })).toEqual({
      kind: 'claimed',
    });
  });

  it('runs from the job registry: two hours on, the 23-hour-old key goes too', async () => {
    const job = jobDefinitions({ send: async () => ({ kind: 'sent' }) }).find(
      (j) => j.name === 'prune-idempotency-keys',
    );
    expect(job, 'prune-idempotency-keys is in the job registry').toBeDefined();
    await job!.run(testDeps(t.db, new Date(NOW.getTime() + 2 * HOUR)));
    expect((await keysLeft()).sort()).toEqual(['just-now', 'two-days']);
  });
});
