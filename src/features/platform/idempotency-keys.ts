/**
 * Idempotency keys for the admin API: the first request with a key claims it (one INSERT …
 * ON CONFLICT DO NOTHING, so of two concurrent repeats exactly one claims), runs, and stores
 * its answer; a repeat gets that answer back. Kept in the database so every replica agrees.
 * A request that failed releases its key, so the client can retry it with the same key.
 */
import type { Deps } from '../../deps.ts';
import type { Actor } from '../people/actor.ts';
import { pruneOlderThan } from './prune-older-than.ts';

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; body: string }
  /** The same key arrived with another request: refuse rather than guess. */
  | { kind: 'mismatch' }
  /** The first request with this key is still running. */
  | { kind: 'in_progress' };

export async function claimIdempotencyKey(
  deps: Deps,
  actor: Actor,
  input: { key: string; requestHash: string },
): Promise<IdempotencyClaim> {
  const db = deps.db.prisma;
  const { count } = await db.idempotencyKey.createMany({
    data: [
      {
        actorId: actor.personId,
        key: input.key,
        requestHash: input.requestHash,
        createdAt: deps.clock.now(),
      },
    ],
    skipDuplicates: true,
  });
  if (count === 1) return { kind: 'claimed' };
  const row = await db.idempotencyKey.findUnique({
    where: { actorId_key: { actorId: actor.personId, key: input.key } },
  });
  // Released between our insert and read: claim it again.
  if (!row) return claimIdempotencyKey(deps, actor, input);
  if (row.requestHash !== input.requestHash) return { kind: 'mismatch' };
  if (row.status === null || row.body === null) return { kind: 'in_progress' };
  return { kind: 'replay', status: row.status, body: row.body };
}

export async function saveIdempotentAnswer(
  deps: Deps,
  actor: Actor,
  input: { key: string; status: number; body: string },
): Promise<void> {
  await deps.db.prisma.idempotencyKey.update({
    where: { actorId_key: { actorId: actor.personId, key: input.key } },
    data: { status: input.status, body: input.body },
  });
}

export async function releaseIdempotencyKey(deps: Deps, actor: Actor, input: { key: string }): Promise<void> {
  await deps.db.prisma.idempotencyKey.deleteMany({
    where: { actorId: actor.personId, key: input.key, status: null },
  });
}

/**
 * A client retries with the same key for minutes, at most hours (Stripe keeps keys 24 h, and
 * clients are written against that); after a day a repeat is a new request, so its key can go.
 */
export const IDEMPOTENCY_KEY_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Keys deleted per run at most; a backlog drains over the next runs. */
export const IDEMPOTENCY_KEY_PRUNE_LIMIT = 5_000;

/**
 * The sweep job's work: keys (with their stored answers) older than the retention window
 * are deleted, oldest first, at most `limit` per run. Returns how many went.
 */
export async function pruneIdempotencyKeys(
  deps: Pick<Deps, 'db' | 'clock'>,
  options: { retentionMs?: number; limit?: number } = {},
): Promise<number> {
  const retentionMs = options.retentionMs ?? IDEMPOTENCY_KEY_RETENTION_MS;
  const before = new Date(deps.clock.now().getTime() - retentionMs);
  return pruneOlderThan(deps, {
    table: 'IdempotencyKey',
    before,
    limit: options.limit ?? IDEMPOTENCY_KEY_PRUNE_LIMIT,
  });
}
