/**
 * A commit from the SCORM runtime in the learner's browser: the SCO's CMI state is kept per
 * attempt and SCO, the attempt's result rolled up from its SCOs, and a completed (and, where
 * the package sets a pass mark, passed) attempt enters the learner record and tells the
 * learner, all in one transaction.
 *
 * Ordering rules: each opening of a SCO is a runtime session with its own block of commit
 * numbers. A commit whose number is not above the last one applied is stale (a slow
 * autocommit overtaken by a later one) and its CMI ignored, but a session's final commit
 * always adds its session time once, even when a newer session of the SCO has written since
 * (a reload, the SCO reopened from the menu). A session that terminated takes nothing more.
 * Session time is capped at the wall time since the session (or the attempt) began.
 *
 * The attempt stays open for resume until the course's completion rule is met or every SCO
 * is done; an incomplete normal exit keeps it, as a suspend does.
 */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { recordCompletion } from '../completions/record-completion.ts';
import { enqueueNotification } from '../notifications/enqueue-notification.ts';
import { assertAttemptOwnership, manifestScoOf } from './attempt-access.ts';
import { verifyLaunchToken } from './launch-token.ts';
import { packageInfo, cachedPackageInfo } from './package-cache.ts';
import {
  clamp,
  decimalOrNull,
  rememberAttemptPackage,
  rememberedPackageOf,
  rollupInputKey,
  stateColumnsOf,
  thresholdsOf,
  tryQuietCommit,
} from './quiet-commit.ts';
import {
  isSuspendExit,
  percentOf,
  readSnapshot,
  type CompletionState,
  type SuccessState,
} from './cmi-snapshot.ts';
import { earnsCompletion, rollUp, type ScoResult } from './rollup.ts';
import { checkCmi } from './check-cmi.ts';
import { parseCommitBody } from './commit-body.ts';
import { completionSettingsOf } from './completion-settings.ts';
import { SEQUENCE_BLOCK } from './open-player.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface LockedAttempt {
  personId: string;
  courseId: string | null;
  packageId: string;
  finishedAt: Date | null;
  startedAt: Date;
  personStatus: string;
  courseCompletion: unknown;
  stateId: string | null;
  terminated: boolean | null;
  commitSeq: number | null;
  totalTimeSeconds: number | null;
  storedCmi: unknown;
  sessionBlock: number | null;
  sessionOpenedAt: Date | null;
  terminatedBlocks: number[] | null;
  settingsHash: string;
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
  | { kind: 'ignored'; reason: 'stale' | 'after_terminate' | 'attempt_finished'; timeAdded?: number };

export async function recordCommit(deps: Deps, input: RecordCommitInput): Promise<RecordCommitResult> {
  const parsed = parseCommitBody(input.body);
  const cmiIn = parsed.success ? (parsed.data.cmi ?? parsed.data.runtimeData?.cmi) : undefined;
  if (!parsed.success || !cmiIn)
    throw new AppError('VALIDATION', 'A commit must be a JSON object with the CMI data under "cmi".');
  const { commitSequence, omitted = [] } = parsed.data;
  const now = deps.clock.now();

  const claims = verifyLaunchToken(deps.config, input.token, now);
  if (!UUID.test(input.scoId)) throw new AppError('NOT_FOUND', 'That SCO is not part of this course.');

  // The common autocommit (place and suspend data moved, result unchanged) takes one statement.
  const knownPackage = rememberedPackageOf(claims.attemptId);
  const quiet = await tryQuietCommit(deps, knownPackage ? cachedPackageInfo(knownPackage) : undefined, {
    claims,
    scoId: input.scoId,
    cmi: cmiIn,
    commitSequence,
    omitted,
    terminate: input.terminate,
    now,
  });
  if (quiet) return { kind: 'applied', attemptStatus: quiet.attemptStatus, completionRecorded: false };

  return inTransaction(deps.db.prisma, async (tx) => {
    // One commit at a time per attempt (the roll-up reads every SCO's state). The same query
    // checks the attempt is the token's person's and reads the SCO's current state: each
    // query in a transaction costs, and commits are the hottest path in the LMS.
    const [row] = await tx.$queryRaw<LockedAttempt[]>`
      SELECT a."personId"::text AS "personId", a."courseId"::text AS "courseId", a."packageId"::text AS "packageId",
             a."finishedAt", a."startedAt", p.status::text AS "personStatus", c."scormCompletion" AS "courseCompletion",
             s.id::text AS "stateId", s.terminated, s."commitSeq", s."totalTimeSeconds",
             s."sessionBlock", s."sessionOpenedAt", s."terminatedBlocks",
             CASE WHEN ${omitted.length > 0} THEN s.cmi END AS "storedCmi",
             md5(coalesce(c."scormCompletion"::text, '')) AS "settingsHash"
      FROM "Attempt" a
      JOIN "Person" p ON p.id = a."personId"
      LEFT JOIN "Course" c ON c.id = a."courseId"
      LEFT JOIN "ScoState" s ON s."attemptId" = a.id AND s."scoId" = ${input.scoId}::uuid
      WHERE a.id = ${claims.attemptId}::uuid
      FOR UPDATE OF a`;
    assertAttemptOwnership(claims, row ? { ...row, person: { status: row.personStatus } } : null);
    const attempt = { id: claims.attemptId, ...row! };
    const pkg = await packageInfo(tx, attempt.packageId);
    rememberAttemptPackage(attempt.id, attempt.packageId);
    const sco = pkg.scos.find((s) => s.id === input.scoId);
    if (!sco) throw new AppError('NOT_FOUND', 'That SCO is not part of this course.');
    if (attempt.finishedAt) return { kind: 'ignored', reason: 'attempt_finished' } as const;

    const existing = attempt.stateId
      ? {
          id: attempt.stateId,
          commitSeq: attempt.commitSeq!,
          totalTimeSeconds: attempt.totalTimeSeconds!,
          cmi: attempt.storedCmi,
          sessionBlock: attempt.sessionBlock ?? 0,
          sessionOpenedAt: attempt.sessionOpenedAt,
          terminatedBlocks: attempt.terminatedBlocks ?? [],
        }
      : null;
    // A client that does not number its commits writes in the newest session.
    const sequence = commitSequence ?? Math.max(existing?.commitSeq ?? 0, existing?.sessionBlock ?? 0) + 1;
    const block = Math.floor(sequence / SEQUENCE_BLOCK) * SEQUENCE_BLOCK;
    if (existing?.terminatedBlocks.includes(block))
      return { kind: 'ignored', reason: 'after_terminate' } as const;
    // Session time can never exceed the wall time since this session (or the attempt) began.
    const openedAt =
      existing && block === existing.sessionBlock && existing.sessionOpenedAt
        ? existing.sessionOpenedAt
        : attempt.startedAt;
    const wallSeconds = Math.max(0, Math.ceil((now.getTime() - openedAt.getTime()) / 1000));
    const sessionSecondsOf = (seconds: number) => Math.min(Math.round(seconds), wallSeconds);
    const terminatedBlocks = input.terminate
      ? [...(existing?.terminatedBlocks ?? []), block].slice(-50)
      : (existing?.terminatedBlocks ?? []);
    if (existing && sequence <= existing.commitSeq) {
      if (!input.terminate) return { kind: 'ignored', reason: 'stale' } as const;
      // An earlier session's last word: its CMI is older than what is stored, its time is not.
      const snapshot = readSnapshot(
        pkg.version,
        cmiIn,
        thresholdsOf(manifestScoOf(pkg.manifest, sco.identifier)),
      );
      const added = sessionSecondsOf(snapshot.sessionSeconds);
      await tx.scoState.update({
        where: { id: existing.id },
        data: { totalTimeSeconds: existing.totalTimeSeconds + added, terminatedBlocks },
      });
      await tx.attempt.update({
        where: { id: attempt.id },
        data: { totalTimeSeconds: { increment: added }, lastActivityAt: now },
      });
      return { kind: 'ignored', reason: 'stale', timeAdded: added } as const;
    }

    const cmi = { ...cmiIn };
    const stored = (existing?.cmi ?? {}) as Record<string, unknown>;
    for (const key of omitted) if (key in stored) cmi[key] = stored[key];

    const { manifest, version } = pkg;
    checkCmi(version, cmi);
    const entry = manifestScoOf(manifest, sco.identifier);
    const snap = readSnapshot(version, cmi, thresholdsOf(entry), input.terminate);
    if (version === 'scorm12' && input.terminate) keepFinishStatus(cmi, snap.completion, snap.success);
    const totalTimeSeconds =
      (existing?.totalTimeSeconds ?? 0) + (input.terminate ? sessionSecondsOf(snap.sessionSeconds) : 0);
    const statusColumns = stateColumnsOf(snap);
    // What the roll-up below reads from this SCO, so the next commit can tell whether it must roll up.
    const percentNow = percentOf(readSnapshot(version, cmi, thresholdsOf(entry)));
    const columns = {
      cmi: cmi as Prisma.InputJsonValue,
      ...statusColumns,
      rollupKey: `${rollupInputKey(statusColumns, percentNow)}:${attempt.settingsHash}`,
      location: snap.location,
      suspendData: snap.suspendData,
      exitMode: snap.exit,
      totalTimeSeconds,
      commitSeq: sequence,
      terminated: input.terminate,
      terminatedBlocks,
    };
    const written = existing
      ? await tx.scoState.update({ where: { id: existing.id }, data: columns })
      : await tx.scoState.create({
          data: { attemptId: attempt.id, scoId: sco.id, sessionBlock: block, ...columns },
        });

    // Roll the package up from every SCO's latest state (one SCO: the state just written).
    const states =
      pkg.scos.length === 1 ? [written] : await tx.scoState.findMany({ where: { attemptId: attempt.id } });
    const results: ScoResult[] = pkg.scos.map((s) => {
      const state = states.find((st) => st.scoId === s.id);
      const m = manifestScoOf(manifest, s.identifier);
      return {
        scormType: m?.scormType ?? 'sco',
        hasPassMark: m?.masteryScore != null || m?.scaledPassingScore != null,
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
        updatedAt: state?.updatedAt ?? null,
      };
    });
    const rolled = rollUp(results, completionSettingsOf(attempt.courseCompletion));
    // Unfinished work keeps the attempt open whatever the exit; a suspend keeps it even when done.
    const finished = input.terminate && !isSuspendExit(snap.exit) && (rolled.completed || rolled.satisfied);
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
    if (settled && earnsCompletion(rolled) && attempt.courseId) {
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

/** The status the LMS decided on LMSFinish is the one the SCO sees when it is opened again. */
function keepFinishStatus(cmi: Record<string, unknown>, completion: CompletionState, success: SuccessState) {
  const core = (cmi.core && typeof cmi.core === 'object' ? cmi.core : {}) as Record<string, unknown>;
  const reported = typeof core.lesson_status === 'string' ? core.lesson_status : '';
  if (reported !== '' && reported !== 'not attempted' && reported !== 'completed') return;
  const decided =
    success === 'passed'
      ? 'passed'
      : success === 'failed'
        ? 'failed'
        : completion === 'completed'
          ? 'completed'
          : null;
  if (decided && decided !== reported) cmi.core = { ...core, lesson_status: decided };
}
const formatPercent = (p: number) => (Number.isInteger(p) ? String(p) : p.toFixed(1).replace(/\.0$/, ''));
