/** Completions: recording, importing and the expiry rules of completed courses. */
export { computeExpiry } from './expiry-rules.ts';
export {
  rowsFromCsv,
  importCompletions,
  type ImportRow,
  type ImportRowOutcome,
  type ImportCompletionsResult,
} from './import-completions.ts';
export { parseCsv } from './parse-csv.ts';
export {
  recordCompletion,
  type RecordCompletionInput,
  type RecordCompletionResult,
} from './record-completion.ts';
export { recordManualCompletion, type RecordManualCompletionInput } from './record-manual-completion.ts';
