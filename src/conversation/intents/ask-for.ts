/** One question for one missing value, whose typed answer handle-message.ts reads (dialogue/fill-slot.ts). */
import type { Intent } from '../parse/intents.ts';
import { reply } from '../reply/build.ts';
import type { Reply } from '../types.ts';
import type { Turn } from './turn.ts';

/** Asks for one missing value; the next message that is not a new request fills it (handle-message.ts). */
export function askFor(turn: Turn, intent: Intent, slot: string, question: string): Reply {
  turn.pending = { kind: 'fill_slot', intent, slot, prompt: question };
  return reply(question, {
    next: [{ label: 'Never mind', actionId: 'confirm', value: 'no' }],
    awaitingAnswer: true,
  });
}
