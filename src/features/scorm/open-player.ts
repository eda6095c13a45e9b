/**
 * What the player page needs to start one SCO of a launched attempt: the SCO list for
 * navigation, the launch path, and the CMI state to load into the runtime before the content
 * initialises (location, suspend_data, status, score, total time, entry = resume after a
 * suspended exit). Opening a SCO starts a new runtime session for it: its terminated flag
 * clears and its commit sequence jumps to a new block, so a late beacon from the session
 * before (a reload, a second tab) is stale and cannot end or overwrite the new one.
 */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import type { ScormVersionName } from '../content/parse-manifest.ts';
import { loadLaunchedAttempt, manifestScoOf } from './attempt-access.ts';
import { formatIsoDuration, formatScorm12Time } from './cmi-snapshot.ts';

export interface PlayerSco {
  id: string;
  identifier: string;
  title: string;
  launchHref: string;
  status: string;
}

export type OpenPlayerResult =
  | {
      kind: 'ready';
      version: ScormVersionName;
      attemptId: string;
      courseTitle: string;
      learnerName: string;
      scos: PlayerSco[];
      current: PlayerSco;
      /** Loaded with loadFromJSON before the content calls Initialize. */
      initialCmi: Record<string, unknown>;
      /** The runtime's commit numbers (1, 2, …) are sent as sequenceBase + n. */
      sequenceBase: number;
    }
  | { kind: 'finished'; courseTitle: string; status: string };

export async function openPlayer(
  deps: Deps,
  input: { token: string; scoId?: string },
): Promise<OpenPlayerResult> {
  return inTransaction(deps.db.prisma, async (tx) => {
    const { attempt, pkg } = await loadLaunchedAttempt(deps, tx, input.token);
    const courseTitle = attempt.course?.title ?? pkg.title;
    if (attempt.finishedAt) return { kind: 'finished', courseTitle, status: attempt.status };
    const states = await tx.scoState.findMany({ where: { attemptId: attempt.id } });
    const scos: PlayerSco[] = pkg.scos.map((s) => ({
      id: s.id,
      identifier: s.identifier,
      title: s.title,
      launchHref: s.launchHref,
      status: states.find((st) => st.scoId === s.id)?.completionStatus ?? 'not_attempted',
    }));
    const current = input.scoId
      ? scos.find((s) => s.id === input.scoId)
      : (scos.find((s) => s.status !== 'completed') ?? scos[0]);
    if (!current) throw new AppError('NOT_FOUND', 'That part of the course does not exist.');

    const state = states.find((st) => st.scoId === current.id);
    const sequenceBase = nextSequenceBlock(state?.commitSeq ?? 0);
    if (state)
      await tx.scoState.update({
        where: { id: state.id },
        data: { commitSeq: sequenceBase, terminated: false },
      });
    else {
      await tx.scoState.create({
        data: {
          attemptId: attempt.id,
          scoId: current.id,
          completionStatus: 'not_attempted',
          commitSeq: sequenceBase,
        },
      });
    }

    const version = pkg.version;
    const entry = manifestScoOf(pkg.manifest, current.identifier);
    const saved = (state?.cmi ?? {}) as Record<string, unknown>;
    const resume = state?.exitMode === 'suspend';
    const learner = { id: attempt.person.email, name: attempt.person.name };
    const initialCmi = prune(
      version === 'scorm12'
        ? cmi12(saved, state, resume, learner, entry)
        : cmi2004(saved, state, resume, learner, entry),
    );
    return {
      kind: 'ready',
      version,
      attemptId: attempt.id,
      courseTitle,
      learnerName: attempt.person.name,
      scos,
      current,
      initialCmi,
      sequenceBase,
    };
  });
}

/** Room for 100,000 commits per session and 20,000 sessions per SCO within an int4. */
export const SEQUENCE_BLOCK = 100_000;
export function nextSequenceBlock(current: number): number {
  return (Math.floor(current / SEQUENCE_BLOCK) + 1) * SEQUENCE_BLOCK;
}

type SavedState =
  | { totalTimeSeconds: number; location: string | null; suspendData: string | null }
  | undefined;
type Learner = { id: string; name: string };
type Entry = ReturnType<typeof manifestScoOf>;

function cmi12(
  saved: Record<string, unknown>,
  state: SavedState,
  resume: boolean,
  learner: Learner,
  entry: Entry,
) {
  const core = (saved.core ?? {}) as Record<string, unknown>;
  const score = (core.score ?? {}) as Record<string, unknown>;
  const status =
    typeof core.lesson_status === 'string' && core.lesson_status ? core.lesson_status : 'not attempted';
  return {
    core: {
      student_id: learner.id,
      // SCORM 1.2 asks for "Last, First"; a display name is what people recognise.
      student_name: learner.name,
      lesson_location: state?.location ?? '',
      credit: 'credit',
      lesson_status: status,
      entry: resume ? 'resume' : state?.location || state?.suspendData ? '' : 'ab-initio',
      lesson_mode: 'normal',
      total_time: formatScorm12Time(state?.totalTimeSeconds ?? 0),
      score: { raw: str(score.raw), min: str(score.min), max: str(score.max) },
    },
    suspend_data: state?.suspendData ?? '',
    launch_data: entry?.launchData ?? '',
    student_data: { mastery_score: entry?.masteryScore != null ? String(entry.masteryScore) : '' },
  };
}

function cmi2004(
  saved: Record<string, unknown>,
  state: SavedState,
  resume: boolean,
  learner: Learner,
  entry: Entry,
) {
  const score = (saved.score ?? {}) as Record<string, unknown>;
  const completion = typeof saved.completion_status === 'string' ? saved.completion_status : 'unknown';
  const success = typeof saved.success_status === 'string' ? saved.success_status : 'unknown';
  const cmi: Record<string, unknown> = {
    learner_id: learner.id,
    learner_name: learner.name,
    location: state?.location ?? '',
    credit: 'credit',
    mode: 'normal',
    entry: resume ? 'resume' : state?.location || state?.suspendData ? '' : 'ab-initio',
    completion_status: completion,
    success_status: success,
    total_time: formatIsoDuration(state?.totalTimeSeconds ?? 0),
    suspend_data: state?.suspendData ?? '',
    launch_data: entry?.launchData ?? '',
    score: { scaled: str(score.scaled), raw: str(score.raw), min: str(score.min), max: str(score.max) },
  };
  if (typeof saved.progress_measure === 'string' || typeof saved.progress_measure === 'number') {
    cmi.progress_measure = String(saved.progress_measure);
  }
  if (entry?.scaledPassingScore != null) cmi.scaled_passing_score = String(entry.scaledPassingScore);
  if (entry?.completionThreshold != null) cmi.completion_threshold = String(entry.completionThreshold);
  return cmi;
}

/** Empty values are left out: the runtime rejects '' for typed elements such as scores. */
function prune(tree: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (value === '' || value == null) continue;
    if (typeof value === 'object' && !Array.isArray(value)) {
      const inner = prune(value as Record<string, unknown>);
      if (Object.keys(inner).length > 0) out[key] = inner;
    } else out[key] = value;
  }
  return out;
}

const str = (v: unknown) => (v == null ? '' : String(v));
