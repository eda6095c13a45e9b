import type { Deps } from '../deps.ts';

/**
 * Platform de-duplication keys only need to outlive the platforms' retry windows (Slack
 * retries for minutes); keep a day, then delete in bounded batches.
 */
export async function pruneProcessedEvents(deps: Deps, keepHours = 24, batchSize = 5000): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - keepHours * 3_600_000);
  return deps.db.prisma.$executeRaw`
    DELETE FROM "ProcessedEvent" WHERE ctid IN (
      SELECT ctid FROM "ProcessedEvent" WHERE "processedAt" < ${cutoff} LIMIT ${batchSize})`;
}
