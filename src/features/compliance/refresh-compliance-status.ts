/**
 * Keeps the maintained ComplianceStatus rows in step with the record. Called with the
 * caller's transaction handle by every write that moves a status (a completion recorded or
 * imported, a person's HR details changed, requirements seeded or changed) and by the
 * nightly sweep, so the rows commit or roll back with the write itself. The rules are the
 * compliance SQL's (compliance-sql.ts): this only stores what it computes at `asOf`.
 */
import { Prisma } from '../../generated/prisma/client.ts';
import type { DbClient } from '../../db/transaction.ts';
import { complianceStatusesCte, nextChangeSql, type ComplianceScope } from './compliance-sql.ts';

export type RefreshTarget = { kind: 'people'; personIds: string[] } | { kind: 'everyone' };

/**
 * Rewrites the rows of `target`: people who left a requirement's audience or the
 * organisation lose theirs, everyone in an audience (hired or still to join) gets one.
 * Returns the number of rows written.
 */
export async function refreshComplianceStatus(
  db: DbClient,
  asOf: Date,
  target: RefreshTarget,
): Promise<number> {
  if (target.kind === 'people' && target.personIds.length === 0) return 0;
  const scope: ComplianceScope = target.kind === 'everyone' ? { kind: 'everyone' } : target;
  if (target.kind === 'people') {
    // Two writes for one person at once (two completions) must not both compute from a
    // snapshot without the other's row: the second waits here, then reads after the first
    // commits (READ COMMITTED takes a new snapshot per statement). In id order: no deadlock.
    await db.$queryRaw`
      SELECT id FROM "Person"
      WHERE id IN (${Prisma.join(target.personIds.map((id) => Prisma.sql`${id}::uuid`))})
      ORDER BY id FOR NO KEY UPDATE`;
  }
  await db.$executeRaw(
    target.kind === 'everyone'
      ? Prisma.sql`DELETE FROM "ComplianceStatus"`
      : Prisma.sql`DELETE FROM "ComplianceStatus"
          WHERE "personId" IN (${Prisma.join(target.personIds.map((id) => Prisma.sql`${id}::uuid`))})`,
  );
  return db.$executeRaw(statusUpsertSql(asOf, scope));
}

/**
 * One INSERT … ON CONFLICT writing the rows of everyone in `scope` at `asOf` (the bulk seed
 * runs it on its own connection).
 */
export function statusUpsertSql(asOf: Date, scope: ComplianceScope): Prisma.Sql {
  const next = nextChangeSql(
    Prisma.sql`s.met`,
    Prisma.sql`s.expires_at`,
    Prisma.sql`s.deadline_at`,
    Prisma.sql`s.joined_at`,
    asOf,
  );
  return Prisma.sql`
    ${complianceStatusesCte({ scope, asOf, includeNotApplicable: true, withEvidence: false })}
    INSERT INTO "ComplianceStatus" ("personId", "requirementId", status, met, "expiresAt", "deadlineAt",
      "applicableFrom", "evidenceCompletionId", "nextChangeAt", "departmentId", "managerPath", "updatedAt")
    SELECT s.person_id, s.req_id,
           CASE WHEN s.applicable THEN s.status ELSE 'not_applicable' END,
           s.met, s.expires_at, s.deadline_at, s.joined_at, s.evidence_completion_id, ${next},
           p."departmentId", p."managerPath", ${asOf}::timestamptz
    FROM statuses s JOIN "Person" p ON p.id = s.person_id
    WHERE s.in_audience
    ON CONFLICT ("personId", "requirementId") DO UPDATE SET
      status = EXCLUDED.status, met = EXCLUDED.met, "expiresAt" = EXCLUDED."expiresAt",
      "deadlineAt" = EXCLUDED."deadlineAt", "applicableFrom" = EXCLUDED."applicableFrom",
      "evidenceCompletionId" = EXCLUDED."evidenceCompletionId", "nextChangeAt" = EXCLUDED."nextChangeAt",
      "departmentId" = EXCLUDED."departmentId", "managerPath" = EXCLUDED."managerPath",
      "updatedAt" = EXCLUDED."updatedAt"`;
}

/**
 * The nightly sweep's step: rows whose stored status has moved with time alone
 * (compliant → expiring → due → overdue, a joiner's start date) are rewritten, at most
 * `batch` people per call; the caller repeats until it returns 0. Idempotent.
 */
export async function sweepComplianceStatus(db: DbClient, asOf: Date, batch = 500): Promise<number> {
  const rows = await db.$queryRaw<{ personId: string }[]>`
    SELECT DISTINCT "personId"::text AS "personId" FROM (
      SELECT "personId" FROM "ComplianceStatus" WHERE "nextChangeAt" < ${asOf}::timestamptz
      ORDER BY "nextChangeAt" LIMIT ${batch}
    ) due`;
  if (rows.length === 0) return 0;
  await refreshComplianceStatus(db, asOf, { kind: 'people', personIds: rows.map((r) => r.personId) });
  return rows.length;
}

/** True when people exist but no status was ever stored (right after the migration). */
export async function complianceStatusIsEmpty(db: DbClient): Promise<boolean> {
  const rows = await db.$queryRaw<{ empty: boolean }[]>`
    SELECT NOT EXISTS (SELECT 1 FROM "ComplianceStatus")
       AND EXISTS (SELECT 1 FROM "Person" WHERE status = 'active') AS empty`;
  return rows[0]?.empty ?? false;
}
