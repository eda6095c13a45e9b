/**
 * A commit from the SCORM runtime in the learner's browser: the SCO's CMI state is kept per
 * attempt and SCO, the attempt's result rolled up from its SCOs, and a completed (and, where
 * the package sets a pass mark, passed) attempt enters the learner record and tells the
 * learner, all in one transaction.
 *
 * Ordering rules: a commit whose sequence number is not above the last one applied is stale
 * (a slow autocommit overtaken by a later one) and ignored; once a SCO session terminated,
 * nothing more is taken for it until it is opened again, so a repeated terminate cannot add
 * the session time twice.
 */
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { recordCompletion } from '../completions/record-completion.ts';
import { enqueueNotification } from '../notifications/enqueue-notification.ts';
import { assertAttemptOwnership, manifestScoOf } from './attempt-access.ts';
import { verifyLaunchToken } from './launch-token.ts';
import { packageInfo } from './package-cache.ts';
import type { ManifestSco } from '../content/parse-manifest.ts';
import {
  isSuspendExit,
  percentOf,
  readSnapshot,
  type CompletionState,
  type SuccessState,
  type Thresholds,
} from './cmi-snapshot.ts';
import { earnsCompletion, rollUp, type ScoResult } from './rollup.ts';
import { checkCmi } from './check-cmi.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** CMI keys the player may leave out of an oversized final beacon (it sent them just before). */
const OMITTABLE = ['suspend_data', 'interactions'] as const;

const ZCommitBody = z.object({
  cmi: z.record(z.string(), z.unknown()).optional(),
  runtimeData: z.object({ cmi: z.record(z.string(), z.unknown()) }).optional(),
  commitSequence: z.number().int().min(0).max(2_000_000_000).optional(),
  omitted: z.array(z.enum(OMITTABLE)).optional(),
});

interface LockedAttempt {
  personId: string;
  courseId: string | null;
  packageId: string;
  finishedAt: Date | null;
  personStatus: string;
  stateId: string | null;
  terminated: boolean | null;
  commitSeq: number | null;
  totalTimeSeconds: number | null;
  storedCmi: unknown;
}

export interface RecordCommitInput {
  token: string;
  scoId: string;
  /** The parsed JSON body (sent as application/json, or text/plain by sendBeacon). */
  body: unknown;
  /** The runtime's final commit of a session (Terminate / LMSFinish). */
  terminate: boolean;
}

export type RecordCommitResult =
  | { kind: 'applied'; attemptStatus: string; completionRecorded: boolean }
  | { kind: 'ignored'; reason: 'stale' | 'after_terminate' | 'attempt_finished' };

export async function recordCommit(deps: Deps, input: RecordCommitInput): Promise<RecordCommitResult> {
  const parsed = ZCommitBody.safeParse(input.body);
  const cmiIn = parsed.success ? (parsed.data.cmi ?? parsed.data.runtimeData?.cmi) : undefined;
  if (!parsed.success || !cmiIn)
    throw new AppError('VALIDATION', 'A commit must be a JSON object with the CMI data under "cmi".');
  const { commitSequence, omitted = [] } = parsed.data;
  const now = deps.clock.now();

  const claims = verifyLaunchToken(deps.config, input.token, now);
  if (!UUID.test(input.scoId)) throw new AppError('NOT_FOUND', 'That SCO is not part of this course.');

  return inTransaction(deps.db.prisma, async (tx) => {
    // One commit at a time per attempt (the roll-up reads every SCO's state). The same query
    // checks the attempt is the token's person's and reads the SCO's current state: each
    // query in a transaction costs, and commits are the hottest path in the LMS.
    const [row] = await tx.$queryRaw<LockedAttempt[]>`
      SELECT a."personId"::text AS "personId", a."courseId"::text AS "courseId", a."packageId"::text AS "packageId",
             a."finishedAt", p.status::text AS "personStatus",
             s.id::text AS "stateId", s.terminated, s."commitSeq", s."totalTimeSeconds",
             CASE WHEN ${omitted.length > 0} THEN s.cmi END AS "storedCmi"
      FROM "Attempt" a
      JOIN "Person" p ON p.id = a."personId"
      LEFT JOIN "ScoState" s ON s."attemptId" = a.id AND s."scoId" = ${input.scoId}::uuid
      WHERE a.id = ${claims.attemptId}::uuid
      FOR UPDATE OF a`;
    assertAttemptOwnership(claims, row ? { ...row, person: { status: row.personStatus } } : null);
    const attempt = { id: claims.attemptId, ...row! };
    const pkg = await packageInfo(tx, attempt.packageId);
    const sco = pkg.scos.find((s) => s.id === input.scoId);
    if (!sco) throw new AppError('NOT_FOUND', 'That SCO is not part of this course.');
    if (attempt.finishedAt) return { kind: 'ignored', reason: 'attempt_finished' } as const;

    const existing = attempt.stateId
      ? {
          id: attempt.stateId,
          terminated: attempt.terminated!,
          commitSeq: attempt.commitSeq!,
          totalTimeSeconds: attempt.totalTimeSeconds!,
          cmi: attempt.storedCmi,
        }
      : null;
    if (existing?.terminated) return { kind: 'ignored', reason: 'after_terminate' } as const;
    if (existing && commitSequence != null && commitSequence <= existing.commitSeq) {
      return { kind: 'ignored', reason: 'stale' } as const;
    }

    const cmi = { ...cmiIn };
    const stored = (existing?.cmi ?? {}) as Record<string, unknown>;
    for (const key of omitted) if (key in stored) cmi[key] = stored[key];

    const { manifest, version } = pkg;
    checkCmi(version, cmi);
    const entry = manifestScoOf(manifest, sco.identifier);
    const snap = readSnapshot(version, cmi, thresholdsOf(entry));
    const totalTimeSeconds =
      (existing?.totalTimeSeconds ?? 0) + (input.terminate ? Math.round(snap.sessionSeconds) : 0);
    const columns = {
      cmi: cmi as Prisma.InputJsonValue,
      completionStatus: snap.completion,
      successStatus: snap.success,
      scoreRaw: decimalOrNull(snap.scoreRaw, 999_999.99),
      scoreScaled: snap.scoreScaled == null ? null : clamp(snap.scoreScaled, -1, 1),
      progress: snap.progress,
      location: snap.location,
      suspendData: snap.suspendData,
      exitMode: snap.exit,
      totalTimeSeconds,
      commitSeq: commitSequence ?? (existing?.commitSeq ?? 0) + 1,
      terminated: input.terminate,
    };
    const written = existing
      ? await tx.scoState.update({ where: { id: existing.id }, data: columns })
      : await tx.scoState.create({ data: { attemptId: attempt.id, scoId: sco.id, ...columns } });

    // Roll the package up from every SCO's latest state (one SCO: the state just written).
    const states =
      pkg.scos.length === 1 ? [written] : await tx.scoState.findMany({ where: { attemptId: attempt.id } });
    const results: ScoResult[] = pkg.scos.map((s) => {
      const state = states.find((st) => st.scoId === s.id);
      const m = manifestScoOf(manifest, s.identifier);
      return {
        scormType: m?.scormType ?? 'sco',
        started: Boolean(state),
        completion: (state?.completionStatus ?? 'not_attempted') as CompletionState,
        success: (state?.successStatus ?? 'unknown') as SuccessState,
        scoreRaw: state?.scoreRaw == null ? null : Number(state.scoreRaw),
        scoreScaled: state?.scoreScaled == null ? null : Number(state.scoreScaled),
        percent: state
          ? percentOf(readSnapshot(version, state.cmi as Record<string, unknown>, thresholdsOf(m)))
          : null,
        progress: state?.progress == null ? null : Number(state.progress),
        totalTimeSeconds: state?.totalTimeSeconds ?? 0,
      };
    });
    const passRequired = manifest.scos.some((s) => s.masteryScore != null || s.scaledPassingScore != null);
    const rolled = rollUp(results, passRequired);
    const finished =
      input.terminate && !isSuspendExit(snap.exit) && (pkg.scos.length === 1 || rolled.completed);
    await tx.attempt.update({
      where: { id: attempt.id },
      data: {
        status: rolled.status,
        successStatus: rolled.success,
        scoreRaw: decimalOrNull(rolled.scoreRaw, 999_999.99),
        scoreScaled: rolled.scoreScaled == null ? null : clamp(rolled.scoreScaled, -1, 1),
        progress: rolled.progress,
        totalTimeSeconds: rolled.totalTimeSeconds,
        lastActivityAt: now,
        finishedAt: finished ? now : null,
      },
    });

    // A result is settled when the SCO session ends, or earlier when the content gave its
    // verdict (passed): content often says "completed" on its last page before its quiz is
    // scored, and the learner record should carry the score.
    const settled = input.terminate || rolled.success === 'passed';
    let completionRecorded = false;
    if (settled && earnsCompletion(rolled, passRequired) && attempt.courseId) {
      const recorded = await recordCompletion(tx, deps.clock, {
        source: 'scorm',
        attemptId: attempt.id,
        personId: attempt.personId,
        courseId: attempt.courseId,
        completedAt: now,
        score: decimalOrNull(rolled.scoreRaw, 999_999.99),
        percent: rolled.percent,
      });
      if (recorded.kind === 'recorded') {
        completionRecorded = true;
        const course = await tx.course.findUnique({
          where: { id: attempt.courseId },
          select: { title: true },
        });
        const title = course?.title ?? pkg.title;
        const percentText = rolled.percent == null ? '' : `: ${formatPercent(rolled.percent)}%`;
        await enqueueNotification(tx, {
          kind: 'course.completed',
          recipientId: attempt.personId,
          dueAt: now,
          dedupeKey: `course.completed:${attempt.id}`,
          payload: {
            text: `You completed ${title}${percentText}`,
            courseId: attempt.courseId,
            courseTitle: title,
            completionId: recorded.completionId,
            attemptId: attempt.id,
            percent: rolled.percent,
            score: rolled.scoreRaw,
            expiresAt: recorded.expiresAt?.toISOString() ?? null,
          },
        });
        await recordAudit(tx, {
          actorId: attempt.personId,
          action: 'attempt.completed',
          entityType: 'Attempt',
          entityId: attempt.id,
          after: {
            status: rolled.status,
            percent: rolled.percent,
            score: rolled.scoreRaw,
            completionId: recorded.completionId,
          },
        });
      }
    }
    return { kind: 'applied', attemptStatus: rolled.status, completionRecorded } as const;
  });
}

const thresholdsOf = (entry: ManifestSco | undefined): Thresholds => ({
  masteryScore: entry?.masteryScore ?? null,
  scaledPassingScore: entry?.scaledPassingScore ?? null,
  completionThreshold: entry?.completionThreshold ?? null,
});
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
const decimalOrNull = (n: number | null, limit: number) =>
  n == null || Math.abs(n) > limit ? null : Math.round(n * 100) / 100;
const formatPercent = (p: number) => (Number.isInteger(p) ? String(p) : p.toFixed(1).replace(/\.0$/, ''));
