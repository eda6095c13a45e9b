/**
 * One course result from a package's SCOs, judged by the course's completion settings. Under
 * the default rule the attempt is satisfied when every SCO is completed and every SCO with a
 * pass mark passed; SCOs without a pass mark only need to complete. Under the score rule the
 * graded score (highest, average, sum or last of the SCOs' percentages) must reach the
 * threshold. Pure.
 */
import type { AttemptStatus } from '../../generated/prisma/enums.ts';
import type { CompletionState, SuccessState } from './cmi-snapshot.ts';
import { DEFAULT_COMPLETION_SETTINGS, type CompletionSettings } from './completion-settings.ts';

export interface ScoResult {
  scormType: 'sco' | 'asset';
  /** Has the learner opened it in this attempt? */
  started: boolean;
  completion: CompletionState;
  success: SuccessState;
  /** The manifest gives it a pass mark (mastery score or satisfied-by-measure). */
  hasPassMark: boolean;
  scoreRaw: number | null;
  scoreScaled: number | null;
  percent: number | null;
  progress: number | null;
  totalTimeSeconds: number;
  /** When its state was last written, for "last" grading. */
  updatedAt?: Date | null;
}

export interface AttemptRollup {
  status: AttemptStatus;
  /** Every SCO is done (completed, passed or failed): nothing more to do in this attempt. */
  completed: boolean;
  /** The course's completion rule is met: the attempt earns the course. */
  satisfied: boolean;
  success: SuccessState;
  scoreRaw: number | null;
  scoreScaled: number | null;
  percent: number | null;
  /** 0–1: how far through the package the learner is. */
  progress: number;
  totalTimeSeconds: number;
}

export function rollUp(
  scos: ScoResult[],
  settings: CompletionSettings = DEFAULT_COMPLETION_SETTINGS,
): AttemptRollup {
  // An asset never talks to the runtime: opening it is all it takes.
  const done = (s: ScoResult) => (s.scormType === 'asset' ? s.started : s.completion === 'completed');
  const completed = scos.length > 0 && scos.every(done);
  const marked = scos.filter((s) => s.hasPassMark && s.scormType === 'sco');
  const anyFailed = scos.some((s) => s.success === 'failed');
  const markedPassed = marked.every((s) => s.success === 'passed');
  const percent = grade(scos, settings.grading);
  const satisfied =
    settings.rule === 'score'
      ? percent != null && percent >= (settings.minPercent ?? 100)
      : completed && markedPassed && !marked.some((s) => s.success === 'failed');
  const judgedPassed = scos.some((s) => s.success === 'passed');
  const success: SuccessState = anyFailed
    ? satisfied && settings.rule === 'score'
      ? 'passed'
      : 'failed'
    : satisfied && (judgedPassed || marked.length > 0 || settings.rule === 'score')
      ? 'passed'
      : 'unknown';
  const progress =
    scos.length === 0 ? 0 : scos.reduce((sum, s) => sum + (done(s) ? 1 : (s.progress ?? 0)), 0) / scos.length;
  const status: AttemptStatus = satisfied
    ? success === 'passed'
      ? 'passed'
      : 'completed'
    : completed
      ? anyFailed
        ? 'failed'
        : 'completed'
      : scos.some((s) => s.started)
        ? scos.every((s) => !s.started || s.completion === 'browsed')
          ? 'browsed'
          : 'incomplete'
        : 'not_attempted';
  return {
    status,
    completed,
    satisfied,
    success,
    scoreRaw: combine(
      scos.map((s) => s.scoreRaw),
      settings.grading,
      scos,
    ),
    scoreScaled: combine(
      scos.map((s) => s.scoreScaled),
      settings.grading === 'sum' ? 'average' : settings.grading,
      scos,
    ),
    percent,
    progress: Math.round(progress * 10_000) / 10_000,
    totalTimeSeconds: scos.reduce((sum, s) => sum + s.totalTimeSeconds, 0),
  };
}

/**
 * Does this result enter the learner record? The course's rule is met. Under the default rule
 * a completed attempt with a failed SCO that carried no pass mark still counts: the content
 * judged it, the course did not ask for it.
 */
export function earnsCompletion(r: AttemptRollup): boolean {
  return r.satisfied;
}

/** The course percentage; "sum" adds percentages and caps at 100. */
function grade(scos: ScoResult[], grading: CompletionSettings['grading']): number | null {
  const value = combine(
    scos.map((s) => s.percent),
    grading,
    scos,
  );
  return value == null ? null : Math.min(100, value);
}

function combine(
  values: (number | null)[],
  grading: CompletionSettings['grading'],
  scos: ScoResult[],
): number | null {
  const known = values
    .map((v, i) => ({ v, at: scos[i]?.updatedAt?.getTime() ?? 0 }))
    .filter((x): x is { v: number; at: number } => x.v != null);
  if (known.length === 0) return null;
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  switch (grading) {
    case 'highest':
      return round(Math.max(...known.map((x) => x.v)));
    case 'sum':
      return round(known.reduce((a, x) => a + x.v, 0));
    case 'last':
      return round(known.reduce((a, x) => (x.at >= a.at ? x : a)).v);
    default:
      return round(known.reduce((a, x) => a + x.v, 0) / known.length);
  }
}
