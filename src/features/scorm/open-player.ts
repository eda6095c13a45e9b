/**
 * What the player page needs to start one SCO of a launched attempt: the SCO list for
 * navigation, the launch path, and the CMI state to load into the runtime before the content
 * initialises (location, suspend_data, status, score, total time, entry = resume after a
 * suspended exit; in 2004 also interactions, objectives, comments and learner preferences, so
 * a resume is exact). Objectives the manifest declares are there from the first launch.
 * Opening a SCO starts a new runtime session for it with a block of commit numbers of its
 * own, above every earlier session's: the earlier session's last commits still count (its
 * time adds up), and cannot overwrite what the new session writes after them.
 */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { judgeDelivery } from './judge-navigation.ts';
import { AppError } from '../../shared/app-error.ts';
import type { ScormVersionName, TocNode } from '../content/parse-manifest.ts';
import { loadLaunchedAttempt, manifestScoOf } from './attempt-access.ts';
import { formatIsoDuration, formatScorm12Time } from './cmi-snapshot.ts';
import { readPrerequisites } from './prerequisites.ts';

export interface PlayerSco {
  id: string;
  identifier: string;
  title: string;
  launchHref: string;
  status: string;
  /** The status in words for the table of contents ("Not started", "In progress", "Passed"…). */
  statusText: string;
}

export type OpenPlayerResult =
  | {
      kind: 'ready';
      version: ScormVersionName;
      attemptId: string;
      courseTitle: string;
      learnerName: string;
      scos: PlayerSco[];
      /** Folders and parts as the manifest groups them (older imports: none, a flat list). */
      toc: TocNode[];
      current: PlayerSco;
      /** Loaded with loadFromJSON before the content calls Initialize. */
      initialCmi: Record<string, unknown>;
      /** The runtime's commit numbers (1, 2, …) are sent as sequenceBase + n. */
      sequenceBase: number;
      /** SCORM 2004 sequencing: the activity tree for scorm-again's engine and its saved state. */
      sequencing: { activityTree: unknown; state: string | null } | null;
      /** The SCO was asked for by name (a menu link), not picked by the server. */
      chosen: boolean;
      /** The attempt is finished and earned the course: shown in review mode, nothing saved. */
      review: boolean;
    }
  | { kind: 'finished'; courseTitle: string; status: string };

export async function openPlayer(
  deps: Deps,
  input: { token: string; scoId?: string },
): Promise<OpenPlayerResult> {
  return inTransaction(deps.db.prisma, async (tx) => {
    const { attempt, pkg } = await loadLaunchedAttempt(deps, tx, input.token);
    const courseTitle = attempt.course?.title ?? pkg.title;
    // A finished attempt that earned the course opens for review (nothing is recorded); one that
    // did not is over.
    const review = attempt.finishedAt != null;
    if (review && !['completed', 'passed'].includes(attempt.status))
      return { kind: 'finished', courseTitle, status: attempt.status };
    const states = await tx.scoState.findMany({ where: { attemptId: attempt.id } });
    const scos: PlayerSco[] = pkg.scos.map((s) => ({
      id: s.id,
      identifier: s.identifier,
      title: s.title,
      launchHref: s.launchHref,
      status: states.find((st) => st.scoId === s.id)?.completionStatus ?? 'not_attempted',
      statusText: statusInWords(
        states.find((st) => st.scoId === s.id)?.completionStatus ?? null,
        states.find((st) => st.scoId === s.id)?.successStatus ?? null,
      ),
    }));
    // SCORM 1.2 prerequisites: a part opens once the parts it names are completed.
    const done = (identifier: string) =>
      scos.find((s) => s.identifier === identifier)?.status === 'completed';
    const blockedBy = (sco: PlayerSco): string[] | null => {
      const rule = readPrerequisites(manifestScoOf(pkg.manifest, sco.identifier)?.prerequisites);
      if (rule.kind !== 'script' || rule.test(done)) return null;
      return rule.identifiers
        .filter((id) => !done(id))
        .map((id) => scos.find((s) => s.identifier === id)?.title ?? id);
    };
    const current = input.scoId
      ? scos.find((s) => s.id === input.scoId)
      : (scos.find((s) => s.status !== 'completed' && !blockedBy(s)) ?? scos[0]);
    if (!current) throw new AppError('NOT_FOUND', 'That part of the course does not exist.');
    const blocked = blockedBy(current);
    if (blocked)
      throw new AppError(
        'INVALID_STATE',
        `"${current.title}" opens once you have completed ${blocked.map((t) => `"${t}"`).join(' and ')}.`,
      );

    // SCORM 2004: the engine judges a chosen part before its session opens (see judge-navigation).
    const sequencing = pkg.manifest.sequencing;
    if (sequencing && input.scoId && !review) {
      const judged = judgeDelivery(sequencing.activityTree, attempt.sequencingState, current.identifier);
      if (judged.kind === 'refused')
        throw new AppError(
          'INVALID_STATE',
          `\u201c${current.title}\u201d is not available now: the course\u2019s rules do not allow it yet.`,
          { refusedSco: current.identifier },
        );
    }

    const state = states.find((st) => st.scoId === current.id);
    const sequenceBase = nextSequenceBlock(Math.max(state?.commitSeq ?? 0, state?.sessionBlock ?? 0));
    const session = { sessionBlock: sequenceBase, sessionOpenedAt: deps.clock.now(), terminated: false };
    if (review) {
      // Review opens no session: nothing it sends is kept.
    } else if (state) await tx.scoState.update({ where: { id: state.id }, data: session });
    else {
      await tx.scoState.create({
        data: { attemptId: attempt.id, scoId: current.id, completionStatus: 'not_attempted', ...session },
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
        : cmi2004(saved, state, resume, learner, entry, globalObjectives(pkg.manifest, pkg.scos, states)),
    );
    if (review) {
      // SCORM review mode: the content shows what was done and the LMS gives it no credit.
      if (version === 'scorm12') {
        const core = initialCmi.core as Record<string, unknown>;
        initialCmi.core = { ...core, lesson_mode: 'review', credit: 'no-credit', entry: '' };
      } else Object.assign(initialCmi, { mode: 'review', credit: 'no-credit', entry: '' });
    }
    return {
      kind: 'ready',
      version,
      attemptId: attempt.id,
      courseTitle,
      learnerName: attempt.person.name,
      scos,
      toc: pkg.manifest.toc ?? [],
      current,
      initialCmi,
      sequenceBase,
      sequencing: pkg.manifest.sequencing
        ? { activityTree: pkg.manifest.sequencing.activityTree, state: attempt.sequencingState }
        : null,
      chosen: Boolean(input.scoId),
      review,
    };
  });
}

/** What a table of contents says about a part. */
export function statusInWords(completion: string | null, success: string | null): string {
  if (success === 'passed') return 'Passed';
  if (success === 'failed') return 'Failed';
  switch (completion) {
    case 'completed':
      return 'Completed';
    case 'incomplete':
      return 'In progress';
    case 'browsed':
      return 'Browsed';
    case 'unknown':
      return 'Started';
    default:
      return 'Not started';
  }
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
    objectives: saved.objectives && typeof saved.objectives === 'object' ? saved.objectives : {},
    student_data: { mastery_score: entry?.masteryScore != null ? String(entry.masteryScore) : '' },
  };
}

function cmi2004(
  saved: Record<string, unknown>,
  state: SavedState,
  resume: boolean,
  learner: Learner,
  entry: Entry,
  globals: Map<string, GlobalObjective>,
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
  // Everything else the SCO wrote comes back as it was (RTE 4.2: a resumed attempt keeps its data).
  for (const key of ['interactions', 'comments_from_learner', 'learner_preference'] as const) {
    if (saved[key] && typeof saved[key] === 'object') cmi[key] = saved[key];
  }
  cmi.objectives = objectivesFor(saved.objectives, entry, globals);
  if (entry?.scaledPassingScore != null) cmi.scaled_passing_score = String(entry.scaledPassingScore);
  if (entry?.completionThreshold != null) cmi.completion_threshold = String(entry.completionThreshold);
  return cmi;
}

/**
 * The SCO's saved objectives, then any the manifest declares that it has not written yet,
 * primary first (ids only: their status is unknown until the SCO or a global objective says).
 */
function objectivesFor(
  saved: unknown,
  entry: Entry,
  globals: Map<string, GlobalObjective>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const ids = new Set<string>();
  if (saved && typeof saved === 'object') {
    for (const value of Object.values(saved as Record<string, unknown>)) {
      if (!value || typeof value !== 'object') continue;
      const id = (value as { id?: unknown }).id;
      if (typeof id !== 'string' || id === '' || ids.has(id)) continue;
      ids.add(id);
      out[String(Object.keys(out).length)] = value;
    }
  }
  for (const objective of entry?.objectives ?? []) {
    if (ids.has(objective.id)) continue;
    ids.add(objective.id);
    const value: Record<string, unknown> = { id: objective.id };
    // A global objective another SCO wrote is read through this objective's map.
    for (const map of objective.maps) {
      const global = globals.get(map.target);
      if (!global) continue;
      if (map.readSatisfied && global.success) value.success_status = global.success;
      if (map.readMeasure && global.scaled != null) value.score = { scaled: String(global.scaled) };
    }
    out[String(Object.keys(out).length)] = value;
  }
  return out;
}

interface GlobalObjective {
  success: 'passed' | 'failed' | null;
  scaled: number | null;
}

/**
 * Global objectives of the attempt: what each SCO's objectives with a write map last said,
 * read from their saved CMI (objective maps, SCORM 2004 SN 4.2.1.2).
 */
function globalObjectives(
  manifest: unknown,
  scos: { id: string; identifier: string }[],
  states: { scoId: string; cmi: unknown }[],
): Map<string, GlobalObjective> {
  const globals = new Map<string, GlobalObjective>();
  for (const sco of scos) {
    const objectives = manifestScoOf(manifest, sco.identifier)?.objectives ?? [];
    if (!objectives.some((o) => o.maps.some((m) => m.writeSatisfied || m.writeMeasure))) continue;
    const cmi = states.find((st) => st.scoId === sco.id)?.cmi as Record<string, unknown> | undefined;
    const written = Object.values((cmi?.objectives ?? {}) as Record<string, Record<string, unknown>>);
    for (const objective of objectives) {
      const value = written.find((w) => w && w.id === objective.id);
      if (!value) continue;
      const success =
        value.success_status === 'passed' || value.success_status === 'failed' ? value.success_status : null;
      const rawScaled = (value.score as Record<string, unknown> | undefined)?.scaled;
      const scaled = rawScaled === '' || rawScaled == null ? null : Number(rawScaled);
      for (const map of objective.maps) {
        const global = globals.get(map.target) ?? { success: null, scaled: null };
        if (map.writeSatisfied && success) global.success = success;
        if (map.writeMeasure && scaled != null && Number.isFinite(scaled)) global.scaled = scaled;
        globals.set(map.target, global);
      }
    }
  }
  return globals;
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
