/**
 * When the optional LLM is asked: only for a parse below PLACED_CONFIDENCE, never for a
 * message marked as another language, and never when nothing is configured. Its tool call
 * has already been validated by the intent schemas (tools.ts); here it is merged with the
 * parse: if it agrees with the parser's finer reading (a journey question answered as
 * `my_learning`), the finer reading stays and the model's slots are used.
 */
import type { Actor } from '../../features/people/actor.ts';
import type { IntentInterpreter } from '../handle-message.ts';
import {
  HANDLED_AS,
  type Intent,
  INTENT_NAMES,
  type ParsedMessage,
  PLACED_CONFIDENCE,
  type UnderstoodIntentName,
} from '../parse/intents.ts';

export interface Consulted {
  intent: Intent;
  understood: UnderstoodIntentName;
  source: 'parser' | 'llm';
}

export function shouldConsult(parsed: ParsedMessage): boolean {
  return parsed.confidence < PLACED_CONFIDENCE && !parsed.language && parsed.understood !== 'follow_up';
}

export async function consultBelowThreshold(
  parsed: ParsedMessage,
  text: string,
  actor: Actor,
  now: Date,
  interpreter: IntentInterpreter | undefined,
): Promise<Consulted> {
  const fromParser: Consulted = {
    intent: { intent: parsed.intent, slots: parsed.slots } as Intent,
    understood: parsed.understood,
    source: 'parser',
  };
  if (!interpreter || !shouldConsult(parsed)) return fromParser;
  const fromLlm = await interpreter.interpret(text, actor, now).catch(() => undefined);
  if (!fromLlm || fromLlm.intent === 'unknown') return fromParser;
  const handledAsParsed = (INTENT_NAMES as readonly string[]).includes(parsed.understood)
    ? parsed.understood
    : HANDLED_AS[parsed.understood as keyof typeof HANDLED_AS];
  const agrees = handledAsParsed === fromLlm.intent;
  return { intent: fromLlm, understood: agrees ? parsed.understood : fromLlm.intent, source: 'llm' };
}
