/** SCORM runtime: launching, the player, commits and roll-up. */
export { loadLaunchedAttempt, assertAttemptOwnership, manifestScoOf } from './attempt-access.ts';
export {
  readSnapshot,
  percentOf,
  isSuspendExit,
  parseScorm12Time,
  parseIsoDuration,
  formatScorm12Time,
  formatIsoDuration,
  type CompletionState,
  type SuccessState,
  type CmiSnapshot,
  type Thresholds,
} from './cmi-snapshot.ts';
export {
  getCourseProgress,
  type GetCourseProgressInput,
  type CourseProgress,
} from './get-course-progress.ts';
export { launchCourse, type LaunchCourseInput, type LaunchCourseResult } from './launch-course.ts';
export {
  LAUNCH_TOKEN_TTL_SECONDS,
  createLaunchToken,
  verifyLaunchToken,
  type LaunchClaims,
} from './launch-token.ts';
export {
  openPlayer,
  SEQUENCE_BLOCK,
  nextSequenceBlock,
  type PlayerSco,
  type OpenPlayerResult,
} from './open-player.ts';
export { packageInfo, type PackageInfo } from './package-cache.ts';
export { recordCommit, type RecordCommitInput, type RecordCommitResult } from './record-commit.ts';
export { rollUp, earnsCompletion, type ScoResult, type AttemptRollup } from './rollup.ts';
export {
  completionSettingsOf,
  DEFAULT_COMPLETION_SETTINGS,
  ZCompletionSettings,
  type CompletionSettings,
} from './completion-settings.ts';
export { setCompletionSettings, type SetCompletionSettingsInput } from './set-completion-settings.ts';
export {
  scormAttemptsReport,
  attemptCsvRow,
  interactionCsvRow,
  csvText,
  ATTEMPT_CSV_COLUMNS,
  INTERACTION_CSV_COLUMNS,
  type ScormAttemptsReport,
  type ScormAttemptsReportInput,
  type AttemptScoRow,
  type InteractionRow,
} from './scorm-attempts-report.ts';
