/**
 * One course result from a package's SCOs: the attempt is completed when every SCO is,
 * failed when any SCO failed, passed when every SCO that judged success passed. Score and
 * percentage average the SCOs that reported one. Pure.
 */
import type { AttemptStatus } from '../../generated/prisma/enums.ts';
import type { CompletionState, SuccessState } from './cmi-snapshot.ts';

export interface ScoResult {
  scormType: 'sco' | 'asset';
  /** Has the learner opened it in this attempt? */
  started: boolean;
  completion: CompletionState;
  success: SuccessState;
  scoreRaw: number | null;
  scoreScaled: number | null;
  percent: number | null;
  progress: number | null;
  totalTimeSeconds: number;
}

export interface AttemptRollup {
  status: AttemptStatus;
  completed: boolean;
  success: SuccessState;
  scoreRaw: number | null;
  scoreScaled: number | null;
  percent: number | null;
  /** 0–1: how far through the package the learner is. */
  progress: number;
  totalTimeSeconds: number;
}

export function rollUp(scos: ScoResult[], passRequired: boolean): AttemptRollup {
  // An asset never talks to the runtime: opening it is all it takes.
  const done = (s: ScoResult) => (s.scormType === 'asset' ? s.started : s.completion === 'completed');
  const completed = scos.length > 0 && scos.every(done);
  const judged = scos.filter((s) => s.success !== 'unknown');
  const success: SuccessState = judged.some((s) => s.success === 'failed')
    ? 'failed'
    : judged.length > 0 &&
        judged.every((s) => s.success === 'passed') &&
        (!passRequired || judged.length === scos.filter((s) => s.scormType === 'sco').length)
      ? 'passed'
      : 'unknown';
  const progress =
    scos.length === 0 ? 0 : scos.reduce((sum, s) => sum + (done(s) ? 1 : (s.progress ?? 0)), 0) / scos.length;
  const status: AttemptStatus = completed
    ? success === 'passed'
      ? 'passed'
      : success === 'failed'
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
    success,
    scoreRaw: average(scos.map((s) => s.scoreRaw)),
    scoreScaled: average(scos.map((s) => s.scoreScaled)),
    percent: average(scos.map((s) => s.percent)),
    progress: Math.round(progress * 10_000) / 10_000,
    totalTimeSeconds: scos.reduce((sum, s) => sum + s.totalTimeSeconds, 0),
  };
}

/**
 * Does this result enter the learner record? Completed, not failed, and passed where the
 * package sets a pass mark.
 */
export function earnsCompletion(r: AttemptRollup, passRequired: boolean): boolean {
  if (!r.completed || r.success === 'failed') return false;
  return !passRequired || r.success === 'passed';
}

function average(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v != null);
  if (known.length === 0) return null;
  return Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 10_000) / 10_000;
}
