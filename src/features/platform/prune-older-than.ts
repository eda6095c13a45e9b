/**
 * The one bounded pruner behind the retention jobs: deletes at most `limit` rows of `table`
 * whose `column` is before `before`, oldest first, in one statement. A backlog (a table
 * that was never pruned, a long outage) drains over several runs instead of one long
 * delete that holds locks and bloats a single transaction; the job runs again soon.
 */
import { Prisma } from '../../generated/prisma/client.ts';
import type { Deps } from '../../deps.ts';

/** Tables with a retention window; each has an index on its time column. */
const PRUNABLE = {
  ProcessedEvent: { column: 'processedAt', key: ['platform', 'eventId'] },
  IdempotencyKey: { column: 'createdAt', key: ['actorId', 'key'] },
} as const;

export type PrunableTable = keyof typeof PRUNABLE;

export async function pruneOlderThan(
  deps: Pick<Deps, 'db'>,
  input: { table: PrunableTable; before: Date; limit: number },
): Promise<number> {
  const { column, key } = PRUNABLE[input.table];
  // Identifiers come from the closed table above, never from a caller's string.
  const table = Prisma.raw(`"${input.table}"`);
  const time = Prisma.raw(`"${column}"`);
  const keys = Prisma.raw(key.map((k) => `"${k}"`).join(', '));
  return deps.db.prisma.$executeRaw`
    DELETE FROM ${table} WHERE (${keys}) IN (
      SELECT ${keys} FROM ${table} WHERE ${time} < ${input.before}::timestamptz
      ORDER BY ${time} LIMIT ${input.limit})`;
}
