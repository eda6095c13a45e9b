/**
 * Most commits are autocommits that move the learner's place and suspend data but change
 * nothing the attempt's result is made of. Such a commit is written in one statement, with
 * no interactive transaction and no roll-up: the statement locks the attempt (as the full
 * path does, so the two never interleave), checks it is the token's person's and still open,
 * checks the commit number and the terminated sessions, and writes the state only if the
 * SCO's roll-up inputs and the course's completion settings are what the last roll-up used.
 * Anything else (first commit in this process, stale, terminate, a status, score or progress
 * change) is left to the full path, which decides and explains it.
 */
import type { Deps } from '../../deps.ts';
import type { ManifestSco } from '../content/parse-manifest.ts';
import { manifestScoOf } from './attempt-access.ts';
import { checkCmi } from './check-cmi.ts';
import { percentOf, readSnapshot, type CmiSnapshot, type Thresholds } from './cmi-snapshot.ts';
import type { LaunchClaims } from './launch-token.ts';
import { SEQUENCE_BLOCK } from './open-player.ts';
import type { PackageInfo } from './package-cache.ts';

const MAX_REMEMBERED = 20_000;
/** Attempt → package. An attempt's package never changes, so this needs no invalidation. */
const attemptPackages = new Map<string, string>();

export function rememberAttemptPackage(attemptId: string, packageId: string): void {
  if (attemptPackages.has(attemptId)) return;
  if (attemptPackages.size >= MAX_REMEMBERED) attemptPackages.delete(attemptPackages.keys().next().value!);
  attemptPackages.set(attemptId, packageId);
}

export const rememberedPackageOf = (attemptId: string): string | undefined => attemptPackages.get(attemptId);

export const thresholdsOf = (entry: ManifestSco | undefined): Thresholds => ({
  masteryScore: entry?.masteryScore ?? null,
  scaledPassingScore: entry?.scaledPassingScore ?? null,
  completionThreshold: entry?.completionThreshold ?? null,
});

export const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
export const decimalOrNull = (n: number | null, limit: number) =>
  n == null || Math.abs(n) > limit ? null : Math.round(n * 100) / 100;

/** The state columns a commit's snapshot becomes (as stored, rounded to the column types). */
export function stateColumnsOf(snap: CmiSnapshot) {
  return {
    completionStatus: snap.completion,
    successStatus: snap.success,
    scoreRaw: decimalOrNull(snap.scoreRaw, 999_999.99),
    scoreScaled: snap.scoreScaled == null ? null : clamp(snap.scoreScaled, -1, 1),
    progress: snap.progress,
  };
}

/**
 * Everything the roll-up reads from one SCO's state, as text. The settings hash is added in
 * SQL (md5 of the course's stored completion settings), so a settings change is seen at once.
 */
export function rollupInputKey(columns: ReturnType<typeof stateColumnsOf>, percent: number | null): string {
  return JSON.stringify([
    columns.completionStatus,
    columns.successStatus,
    columns.scoreRaw,
    columns.scoreScaled == null ? null : Math.round(columns.scoreScaled * 10_000) / 10_000,
    columns.progress == null ? null : Math.round(columns.progress * 10_000) / 10_000,
    percent,
  ]);
}

export interface QuietCommit {
  claims: LaunchClaims;
  scoId: string;
  cmi: Record<string, unknown>;
  commitSequence: number | undefined;
  omitted: readonly string[];
  terminate: boolean;
  now: Date;
}

/**
 * Writes the commit in one statement when it cannot change the attempt's result; null when
 * the full path must take it (nothing was written then).
 */
export async function tryQuietCommit(
  deps: Deps,
  pkg: PackageInfo | undefined,
  commit: QuietCommit,
): Promise<{ attemptStatus: string } | null> {
  const { commitSequence: sequence, claims } = commit;
  if (!pkg || commit.terminate || sequence === undefined || commit.omitted.length > 0) return null;
  const sco = pkg.scos.find((s) => s.id === commit.scoId);
  if (!sco) return null;
  try {
    // The full path answers a bad CMI after the ownership check, so it must give that answer.
    checkCmi(pkg.version, commit.cmi);
  } catch {
    return null;
  }
  const snap = readSnapshot(
    pkg.version,
    commit.cmi,
    thresholdsOf(manifestScoOf(pkg.manifest, sco.identifier)),
  );
  const key = rollupInputKey(stateColumnsOf(snap), percentOf(snap));
  const block = Math.floor(sequence / SEQUENCE_BLOCK) * SEQUENCE_BLOCK;
  // With "last" grading the newest SCO's score counts, and a write makes its SCO the newest.
  const singleSco = pkg.scos.length === 1;
  // Raw SQL, not Prisma's $queryRaw: the statement is fixed (so prepared once per connection),
  // and Prisma's per-query work (request building, interpreter, result mapping) cost as much
  // as the write.
  const rows = await deps.db.sql.query<{ status: string }>(
    QUIET_COMMIT_SQL,
    [
      claims.attemptId,
      claims.personId,
      claims.courseId,
      JSON.stringify(commit.cmi),
      snap.location,
      snap.suspendData,
      snap.exit,
      sequence,
      commit.scoId,
      block,
      key,
      singleSco,
      commit.now.toISOString(),
    ],
    'scorm-quiet-commit',
  );
  return rows[0] ? { attemptStatus: rows[0].status } : null;
}

/** The quiet commit's one statement; parameters in the order tryQuietCommit passes them. */
const QUIET_COMMIT_SQL = `
  WITH attempt AS (
    SELECT a.id, c."scormCompletion" AS settings
      FROM "Attempt" a
      JOIN "Person" p ON p.id = a."personId"
      LEFT JOIN "Course" c ON c.id = a."courseId"
     WHERE a.id = $1::uuid
       AND a."personId" = $2::uuid
       AND a."courseId" IS NOT DISTINCT FROM $3::uuid
       AND a."finishedAt" IS NULL
       AND p.status = 'active'
       FOR UPDATE OF a
  ), state AS (
    UPDATE "ScoState" s
       SET cmi = $4::jsonb, location = $5::text, "suspendData" = $6::text,
           -- updatedAt is wall time, as the @updatedAt of the full path writes it.
           "exitMode" = $7::text, "commitSeq" = $8::int, terminated = false,
           "updatedAt" = now()
      FROM attempt
     WHERE s."attemptId" = attempt.id AND s."scoId" = $9::uuid
       AND s."commitSeq" < $8::int
       AND NOT ($10::int = ANY (s."terminatedBlocks"))
       AND s."rollupKey" = $11::text || ':' || md5(coalesce(attempt.settings::text, ''))
       AND ($12::boolean OR coalesce(attempt.settings ->> 'grading', '') <> 'last')
    RETURNING s."attemptId"
  ), touched AS (
    UPDATE "Attempt" a SET "lastActivityAt" = $13::timestamptz
      FROM state WHERE a.id = state."attemptId"
    RETURNING a.status::text AS status
  )
  SELECT status FROM touched`;
