/**
 * The compliance-line-counts job's work: the deltas appended by every ComplianceStatus
 * change are added into ComplianceLineCount and deleted, in one statement per batch, so a
 * reader sees either the deltas or their sum, never both or neither. Only this job writes
 * the counts (one replica at a time, under the job's advisory lock), so no completion ever
 * waits on a shared counter row. Bounded: at most `maxBatches` batches of `batch` deltas
 * per run; a backlog (a bulk import, a reorganisation) is folded over the next runs, and
 * readers stay exact meanwhile because they add the unfolded deltas themselves.
 */
import type { Deps } from '../../deps.ts';
import type { DbClient } from '../../db/transaction.ts';

export interface FoldResult {
  deltas: number;
  batches: number;
}

export async function foldComplianceLineCounts(
  deps: Deps,
  options: { batch?: number; maxBatches?: number } = {},
): Promise<FoldResult> {
  const batch = options.batch ?? 50_000;
  const maxBatches = options.maxBatches ?? 20;
  let deltas = 0;
  let batches = 0;
  while (batches < maxBatches) {
    const folded = await foldLineCountBatch(deps.db.prisma, batch);
    if (folded === 0) break;
    deltas += folded;
    batches += 1;
    if (folded < batch) break;
  }
  return { deltas, batches };
}

/**
 * Folds up to `batch` committed deltas (oldest first) and returns how many. Deltas of
 * transactions still open are invisible here and wait for the next fold. A count that
 * reaches zero stays as a row (at most managers × requirements × 5 of them); readers skip
 * requirements with nothing to count.
 */
export async function foldLineCountBatch(db: DbClient, batch: number): Promise<number> {
  const rows = await db.$queryRaw<{ folded: number }[]>`
    WITH taken AS (
      DELETE FROM "ComplianceLineDelta"
      WHERE id IN (SELECT id FROM "ComplianceLineDelta" ORDER BY id LIMIT ${batch})
      RETURNING "managerKey", "requirementId", status, delta
    ),
    sums AS (
      SELECT "managerKey", "requirementId", status, sum(delta)::int AS delta
      FROM taken GROUP BY "managerKey", "requirementId", status
    ),
    added AS (
      INSERT INTO "ComplianceLineCount" AS c ("managerKey", "requirementId", status, count)
      SELECT "managerKey", "requirementId", status, delta FROM sums WHERE delta <> 0
      ON CONFLICT ("managerKey", "requirementId", status) DO UPDATE SET count = c.count + EXCLUDED.count
    )
    SELECT (SELECT count(*) FROM taken)::int AS folded`;
  return rows[0]?.folded ?? 0;
}
