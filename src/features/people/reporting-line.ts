import type { DbClient } from '../../db/transaction.ts';

/**
 * Everyone below `managerId`, at any depth, in one recursive query. The CTE stops at
 * people already seen, so a cycle in bad HR data cannot loop forever.
 */
export async function reportingLineIds(db: DbClient, managerId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE line(id, path) AS (
      SELECT p.id, ARRAY[p.id] FROM "Person" p WHERE p."managerId" = ${managerId}::uuid
      UNION ALL
      SELECT p.id, line.path || p.id FROM "Person" p JOIN line ON p."managerId" = line.id
      WHERE NOT p.id = ANY(line.path)
    )
    SELECT DISTINCT id::text AS id FROM line`;
  return rows.map((row) => row.id);
}

/** Is `personId` somewhere in `managerId`'s reporting line? */
export async function isInReportingLine(db: DbClient, managerId: string, personId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ found: boolean }[]>`
    WITH RECURSIVE chain(id, depth) AS (
      SELECT p."managerId", 1 FROM "Person" p WHERE p.id = ${personId}::uuid
      UNION ALL
      SELECT p."managerId", chain.depth + 1 FROM "Person" p JOIN chain ON p.id = chain.id
      WHERE chain.depth < 50
    )
    SELECT EXISTS (SELECT 1 FROM chain WHERE id = ${managerId}::uuid) AS found`;
  return rows[0]?.found ?? false;
}
