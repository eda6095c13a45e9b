/** Platform plumbing the surfaces share: de-duplicating redeliveries, keeping dialogue state. */
export {
  recordProcessedEvent,
  pruneProcessedEvents,
  PROCESSED_EVENT_RETENTION_MS,
  type ProcessedEventInput,
  type ProcessedEventOutcome,
} from './record-processed-event.ts';
export {
  readDialogueState,
  writeDialogueState,
  type DialogueThread,
  type StoredDialogue,
} from './dialogue-state.ts';
export {
  claimIdempotencyKey,
  saveIdempotentAnswer,
  releaseIdempotencyKey,
  type IdempotencyClaim,
} from './idempotency-keys.ts';
