/**
 * Platform redeliveries (Slack retries an event for minutes when it did not see a 200 in
 * 3 s; Teams may resend) must not act twice. The first delivery inserts a
 * ProcessedEvent(platform, eventId) row; a redelivery finds it and is dropped. The insert
 * is one statement with ON CONFLICT DO NOTHING, so two replicas receiving the same retry at
 * once still agree on exactly one winner.
 */
import type { Deps } from '../../deps.ts';
import type { Channel } from '../../shared/channel.ts';
import { pruneOlderThan } from './prune-older-than.ts';

export type ProcessedEventOutcome = { kind: 'first' } | { kind: 'duplicate' };

export interface ProcessedEventInput {
  platform: Channel;
  eventId: string;
}

export async function recordProcessedEvent(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: ProcessedEventInput,
): Promise<ProcessedEventOutcome> {
  // One round trip on the Slack ack path (Prisma's createMany adds a transaction around it).
  const rows = await deps.db.sql.query(
    `INSERT INTO "ProcessedEvent" ("platform", "eventId", "processedAt") VALUES ($1::"Channel", $2, $3)
     ON CONFLICT DO NOTHING RETURNING 1 AS inserted`,
    [input.platform, input.eventId, deps.clock.now().toISOString()],
  );
  return rows.length === 1 ? { kind: 'first' } : { kind: 'duplicate' };
}

/**
 * Slack stops retrying after about 5 minutes (3 retries: immediately, 1 min, 5 min); an
 * hour keeps a wide margin over that window while the table stays small.
 */
export const PROCESSED_EVENT_RETENTION_MS = 60 * 60 * 1000;

/** Markers deleted per run at most; a backlog drains over the next runs. */
export const PROCESSED_EVENT_PRUNE_LIMIT = 10_000;

/** Deletes markers older than the retention window, oldest first, bounded; returns how many went. */
export async function pruneProcessedEvents(
  deps: Pick<Deps, 'db' | 'clock'>,
  retentionMs: number = PROCESSED_EVENT_RETENTION_MS,
  limit: number = PROCESSED_EVENT_PRUNE_LIMIT,
): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - retentionMs);
  return pruneOlderThan(deps, { table: 'ProcessedEvent', before, limit });
}
