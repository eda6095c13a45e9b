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
 * Only rows that differ are written, so the per-manager counts (line-summary.ts) see only
 * real moves. Returns the number of rows written.
 */
export async function refreshComplianceStatus(
  db: DbClient,
  asOf: Date,
  target: RefreshTarget,
): Promise<number> {
  if (target.kind === 'people' && target.personIds.length === 0) return 0;
  if (target.kind === 'people') {
    // Two writes for one person at once (two completions) must not both compute from a
    // snapshot without the other's row: the second waits here, then reads after the first
    // commits (READ COMMITTED takes a new snapshot per statement). In id order: no deadlock.
    await db.$queryRaw`
      SELECT id FROM "Person"
      WHERE id IN (${Prisma.join(target.personIds.map((id) => Prisma.sql`${id}::uuid`))})
      ORDER BY id FOR NO KEY UPDATE`;
  }
  return db.$executeRaw(statusUpsertSql(asOf, target));
}

/**
 * One statement bringing the rows of `target` in line with the record at `asOf` (the bulk
 * seed runs it on its own connection): rows no longer owed are deleted, new ones inserted,
 * changed ones updated, unchanged ones left alone (not even their updatedAt), because every
 * row written appends count deltas for each manager above the person.
 */
export function statusUpsertSql(asOf: Date, target: RefreshTarget): Prisma.Sql {
  const scope: ComplianceScope = target.kind === 'everyone' ? { kind: 'everyone' } : target;
  const targeted =
    target.kind === 'everyone'
      ? Prisma.sql`TRUE`
      : Prisma.sql`cs."personId" IN (${Prisma.join(target.personIds.map((id) => Prisma.sql`${id}::uuid`))})`;
  const next = nextChangeSql(
    Prisma.sql`s.met`,
    Prisma.sql`s.expires_at`,
    Prisma.sql`s.deadline_at`,
    Prisma.sql`s.joined_at`,
    asOf,
  );
  return Prisma.sql`
    ${complianceStatusesCte({ scope, asOf, includeNotApplicable: true, withEvidence: false })},
    fresh AS (
      SELECT s.person_id, s.req_id,
             CASE WHEN s.applicable THEN s.status ELSE 'not_applicable' END AS status,
             s.met, s.expires_at, s.deadline_at, s.joined_at, s.evidence_completion_id, ${next} AS next_change_at,
             p."departmentId", p."managerPath"
      FROM statuses s JOIN "Person" p ON p.id = s.person_id
      WHERE s.in_audience
    ),
    gone AS (
      DELETE FROM "ComplianceStatus" cs
      WHERE ${targeted}
        AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.person_id = cs."personId" AND f.req_id = cs."requirementId")
    )
    INSERT INTO "ComplianceStatus" AS cs ("personId", "requirementId", status, met, "expiresAt", "deadlineAt",
      "applicableFrom", "evidenceCompletionId", "nextChangeAt", "departmentId", "managerPath", "updatedAt")
    SELECT f.person_id, f.req_id, f.status, f.met, f.expires_at, f.deadline_at, f.joined_at,
           f.evidence_completion_id, f.next_change_at, f."departmentId", f."managerPath", ${asOf}::timestamptz
    FROM fresh f
    ON CONFLICT ("personId", "requirementId") DO UPDATE SET
      status = EXCLUDED.status, met = EXCLUDED.met, "expiresAt" = EXCLUDED."expiresAt",
      "deadlineAt" = EXCLUDED."deadlineAt", "applicableFrom" = EXCLUDED."applicableFrom",
      "evidenceCompletionId" = EXCLUDED."evidenceCompletionId", "nextChangeAt" = EXCLUDED."nextChangeAt",
      "departmentId" = EXCLUDED."departmentId", "managerPath" = EXCLUDED."managerPath",
      "updatedAt" = EXCLUDED."updatedAt"
    WHERE (cs.status, cs.met, cs."expiresAt", cs."deadlineAt", cs."applicableFrom", cs."evidenceCompletionId",
           cs."nextChangeAt", cs."departmentId", cs."managerPath")
      IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.met, EXCLUDED."expiresAt", EXCLUDED."deadlineAt",
           EXCLUDED."applicableFrom", EXCLUDED."evidenceCompletionId", EXCLUDED."nextChangeAt",
           EXCLUDED."departmentId", EXCLUDED."managerPath")`;
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
