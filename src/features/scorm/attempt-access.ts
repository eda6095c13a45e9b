/**
 * Turns a launch token into the attempt it grants, checking the token's signature and expiry
 * and that the attempt really is that person's, for that course.
 */
import type { Deps } from '../../deps.ts';
import type { DbClient } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import type { ManifestSco, ParsedManifest } from '../content/parse-manifest.ts';
import { verifyLaunchToken, type LaunchClaims } from './launch-token.ts';
import { packageInfo } from './package-cache.ts';

export async function loadLaunchedAttempt(deps: Deps, db: DbClient, token: string) {
  const claims = verifyLaunchToken(deps.config, token, deps.clock.now());
  const attempt = await db.attempt.findUnique({
    where: { id: claims.attemptId },
    include: {
      person: { select: { id: true, name: true, email: true, status: true } },
      course: { select: { id: true, title: true, code: true } },
    },
  });
  assertAttemptOwnership(claims, attempt);
  return { claims, attempt: attempt!, pkg: await packageInfo(db, attempt!.packageId) };
}

export function assertAttemptOwnership(
  claims: LaunchClaims,
  attempt: { personId: string; courseId: string | null; person: { status: string } } | null,
): void {
  if (!attempt)
    throw new AppError(
      'NOT_FOUND',
      'That course attempt no longer exists. Ask Rollcall to launch the course again.',
    );
  if (attempt.personId !== claims.personId || attempt.courseId !== claims.courseId) {
    throw new AppError('FORBIDDEN', 'This course link belongs to someone else.');
  }
  if (attempt.person.status !== 'active')
    throw new AppError('FORBIDDEN', 'This account is no longer active.');
}

/** The SCO's manifest entry (thresholds, type, launch data) by identifier. */
export function manifestScoOf(manifest: unknown, identifier: string): ManifestSco | undefined {
  return (manifest as ParsedManifest | null)?.scos?.find((s) => s.identifier === identifier);
}
