import { Prisma } from '../../generated/prisma/client.ts';
import type { DbClient } from '../../db/transaction.ts';

/**
 * Everyone below the manager: one range of the managerPath index (Person.managerPath is
 * '/1/a/3f/', the hex lineKeys from the top down, kept by a trigger). Path characters sort below '~', so
 * [path, path || '~') is exactly the subtree; the scalar subqueries run once (InitPlan).
 * `alias` is any table with id and "managerPath" columns (Person, ComplianceStatus).
 */
export function managerLineFilter(alias: Prisma.Sql, managerId: string, idColumn = 'id'): Prisma.Sql {
  const path = Prisma.sql`(SELECT m."managerPath" FROM "Person" m WHERE m.id = ${managerId}::uuid)`;
  return Prisma.sql`${alias}."managerPath" ~>=~ ${path} AND ${alias}."managerPath" ~<~ (${path} || '~')
    AND ${alias}.${Prisma.raw(`"${idColumn}"`)} <> ${managerId}::uuid`;
}

/**
 * Everyone below `managerId`, at any depth: one range scan of Person.managerPath (kept by a
 * trigger when managers change, see migration manager_path_compliance_status) instead of a
 * recursive walk, which took seconds for a top manager over 100,000 people.
 */
export async function reportingLineIds(db: DbClient, managerId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>(
    Prisma.sql`SELECT p.id::text AS id FROM "Person" p WHERE ${managerLineFilter(Prisma.sql`p`, managerId)}`,
  );
  return rows.map((row) => row.id);
}

/** Is `personId` somewhere in `managerId`'s reporting line? One primary-key look-up. */
export async function isInReportingLine(db: DbClient, managerId: string, personId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ found: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "Person" p
      WHERE p.id = ${personId}::uuid AND p.id <> ${managerId}::uuid
        AND position((SELECT '/' || to_hex(m."lineKey") || '/' FROM "Person" m WHERE m.id = ${managerId}::uuid)
                     IN p."managerPath") > 0
    ) AS found`;
  return rows[0]?.found ?? false;
}
