/** Platform plumbing the surfaces share: de-duplicating redeliveries, keeping dialogue state. */
export {
  recordProcessedEvent,
  pruneProcessedEvents,
  PROCESSED_EVENT_RETENTION_MS,
  PROCESSED_EVENT_PRUNE_LIMIT,
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
  pruneIdempotencyKeys,
  IDEMPOTENCY_KEY_RETENTION_MS,
  type IdempotencyClaim,
} from './idempotency-keys.ts';
