/**
 * What a commit says, read out of the CMI tree the runtime sent, the same way for SCORM 1.2
 * (cmi.core.*) and 2004 (cmi.*), then judged by the package's thresholds: SCORM 1.2
 * passed/failed count as completed and the mastery score decides pass where the content does
 * not; in 2004 the scaled passing score and completion threshold do the same. Pure.
 */
import type { ScormVersionName } from '../content/parse-manifest.ts';

export type CompletionState = 'completed' | 'incomplete' | 'not_attempted' | 'browsed' | 'unknown';
export type SuccessState = 'passed' | 'failed' | 'unknown';

export interface CmiSnapshot {
  completion: CompletionState;
  success: SuccessState;
  scoreRaw: number | null;
  scoreMin: number | null;
  scoreMax: number | null;
  scoreScaled: number | null;
  progress: number | null;
  location: string | null;
  suspendData: string | null;
  exit: string | null;
  sessionSeconds: number;
}

export interface Thresholds {
  masteryScore: number | null;
  scaledPassingScore: number | null;
  completionThreshold: number | null;
}

type Tree = Record<string, unknown>;

/**
 * `finishing`: this is the session's final commit (Terminate / LMSFinish). A SCORM 1.2 SCO
 * that never set a status is then completed (SCORM 1.2 RTE 3.4.4, Moodle's rule, scorm-again's
 * autoCompleteLessonStatus), and "not attempted" is never kept for a session that ran.
 */
export function readSnapshot(
  version: ScormVersionName,
  cmi: Tree,
  thresholds: Thresholds,
  finishing = false,
): CmiSnapshot {
  return version === 'scorm12' ? read12(cmi, thresholds, finishing) : read2004(cmi, thresholds, finishing);
}

function read12(cmi: Tree, t: Thresholds, finishing: boolean): CmiSnapshot {
  const core = node(cmi.core);
  const score = node(core.score);
  const reported = str(core.lesson_status) ?? '';
  const status = finishing && (reported === '' || reported === 'not attempted') ? 'completed' : reported;
  const scoreRaw = num(score.raw);
  let completion: CompletionState =
    status === 'completed' || status === 'passed' || status === 'failed'
      ? 'completed'
      : status === 'incomplete'
        ? 'incomplete'
        : status === 'browsed'
          ? 'browsed'
          : status === 'not attempted'
            ? 'not_attempted'
            : 'unknown';
  let success: SuccessState = status === 'passed' ? 'passed' : status === 'failed' ? 'failed' : 'unknown';
  // The LMS judges pass/fail from the mastery score when the content gave a score but no verdict.
  // On LMSFinish a score against the mastery score decides whatever the status said (RTE 3.4.4).
  if (
    success === 'unknown' &&
    t.masteryScore != null &&
    scoreRaw != null &&
    (completion === 'completed' || finishing)
  ) {
    success = scoreRaw >= t.masteryScore ? 'passed' : 'failed';
  }
  if ((completion === 'unknown' || finishing) && success !== 'unknown') completion = 'completed';
  return {
    completion,
    success,
    scoreRaw,
    scoreMin: num(score.min),
    scoreMax: num(score.max),
    scoreScaled: null,
    progress: null,
    location: str(core.lesson_location),
    suspendData: str(cmi.suspend_data),
    exit: str(core.exit),
    sessionSeconds: parseScorm12Time(str(core.session_time)),
  };
}

function read2004(cmi: Tree, t: Thresholds, finishing: boolean): CmiSnapshot {
  const score = node(cmi.score);
  const scoreScaled = num(score.scaled);
  const progress = num(cmi.progress_measure);
  const completionStatus = str(cmi.completion_status) ?? 'unknown';
  const successStatus = str(cmi.success_status) ?? 'unknown';
  // RTE 4.2.4.1 / 4.2.22.1: with a threshold and a measure, the LMS decides.
  let completion: CompletionState =
    t.completionThreshold != null && progress != null
      ? progress >= t.completionThreshold
        ? 'completed'
        : 'incomplete'
      : completionStatus === 'completed'
        ? 'completed'
        : completionStatus === 'incomplete'
          ? 'incomplete'
          : completionStatus === 'not attempted'
            ? 'not_attempted'
            : 'unknown';
  const success: SuccessState =
    t.scaledPassingScore != null && scoreScaled != null
      ? scoreScaled >= t.scaledPassingScore
        ? 'passed'
        : 'failed'
      : successStatus === 'passed' || successStatus === 'failed'
        ? successStatus
        : 'unknown';
  if (completion === 'unknown' && progress === 1) completion = 'completed';
  if (finishing && completion === 'not_attempted') completion = 'incomplete';
  return {
    completion,
    success,
    scoreRaw: num(score.raw),
    scoreMin: num(score.min),
    scoreMax: num(score.max),
    scoreScaled,
    progress: progress != null ? clamp(progress, 0, 1) : null,
    location: str(cmi.location),
    suspendData: str(cmi.suspend_data),
    exit: str(cmi.exit),
    sessionSeconds: parseIsoDuration(str(cmi.session_time)),
  };
}

/** 0–100 from whatever the SCO reported: scaled first, then raw within min/max, then raw alone. */
export function percentOf(
  s: Pick<CmiSnapshot, 'scoreRaw' | 'scoreMin' | 'scoreMax' | 'scoreScaled'>,
): number | null {
  if (s.scoreScaled != null) return round2(clamp(s.scoreScaled, 0, 1) * 100);
  if (s.scoreRaw == null) return null;
  const min = s.scoreMin ?? 0;
  const max = s.scoreMax ?? 100;
  if (max <= min) return null;
  return round2(clamp(((s.scoreRaw - min) / (max - min)) * 100, 0, 100));
}

/** A suspended exit keeps the attempt open for resume; anything else ends the session normally. */
export const isSuspendExit = (exit: string | null): boolean => exit === 'suspend';

/** SCORM 1.2 CMITimespan: HHHH:MM:SS(.SS). */
export function parseScorm12Time(value: string | null): number {
  if (!value) return 0;
  const m = /^(\d{2,4}):(\d{2}):(\d{2})(\.\d{1,2})?$/.exec(value.trim());
  if (!m) return 0;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4] ?? 0);
}

/** SCORM 2004 timeinterval (ISO 8601 duration), months as 30 days and years as 365. */
export function parseIsoDuration(value: string | null): number {
  if (!value) return 0;
  const m =
    /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      value.trim(),
    );
  if (!m) return 0;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return y * 365 * 86400 + mo * 30 * 86400 + d * 86400 + h * 3600 + mi * 60 + s;
}

export function formatScorm12Time(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.min(9999, Math.floor(whole / 3600));
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export function formatIsoDuration(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `PT${Math.floor(whole / 3600)}H${Math.floor((whole % 3600) / 60)}M${whole % 60}S`;
}

function node(value: unknown): Tree {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Tree) : {};
}
function str(value: unknown): string | null {
  if (value == null) return null;
  const s =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : null;
  return s === null || s === '' ? null : s;
}
function num(value: unknown): number | null {
  const s = str(value);
  if (s == null) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
const round2 = (n: number) => Math.round(n * 100) / 100;
