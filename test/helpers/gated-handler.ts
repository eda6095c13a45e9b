/**
 * A conversation handler whose turns all wait until the test opens the gate: slow work
 * (the language model, a busy database) without a clock, so the ack-queue tests assert
 * order and outcome, never milliseconds.
 */
import type { ConversationHandler } from '../../src/conversation/types.ts';

export function gatedHandler() {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const state = { started: 0, finished: 0 };
  const handler: ConversationHandler = async (m) => {
    state.started++;
    await gate;
    state.finished++;
    return { text: `Done: ${m.text}`, blocks: [] };
  };
  return { handler, state, open };
}
