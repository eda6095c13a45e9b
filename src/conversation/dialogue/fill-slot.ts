/**
 * Reads a typed answer to a question for one missing value ("What is the vendor called?" →
 * "Acme Training"), or to "Who will teach it?" ("Dana and Lee"). A message that reads as a
 * new request of its own is left alone, so asking something else still works mid-question.
 */
import { findMoney } from '../parse/extract.ts';
import { type Intent, PLACED_CONFIDENCE } from '../parse/intents.ts';
import { normalise } from '../parse/normalise.ts';
import { parseMessage } from '../parse/parse-message.ts';
import type { DateContext } from '../parse/dates.ts';

/** The longest answer each slot's schema takes (parse/intents.ts). */
const MAX_LENGTH: Record<string, number> = {
  number: 40,
  vendor: 80,
  journey: 80,
  course: 120,
  meetingUrl: 500,
};

/** Longer than this, an answer that the parser places elsewhere is a new request. */
const ANSWER_WORDS = 4;

/** True when the text is better read as a request of its own than as an answer. */
export function isNewRequest(text: string, ctx: DateContext): boolean {
  if (text.trim().split(/\s+/).length < ANSWER_WORDS) return false;
  const parsed = parseMessage(text, ctx);
  return (
    parsed.confidence >= PLACED_CONFIDENCE &&
    !['unknown', 'small_talk', 'out_of_domain', 'follow_up'].includes(parsed.understood)
  );
}

/** The pending intent with `slot` filled from the answer, 'again' when the answer does not fit, or undefined for a new request. */
export function fillSlot(
  intent: Intent,
  slot: string,
  text: string,
  ctx: DateContext,
): Intent | 'again' | undefined {
  const answer = text
    .trim()
    .replace(/^(it'?s|it is|they'?re|called|the number is|number|po)\s*[:#]?\s+/i, '')
    .replace(/[.!]+$/, '')
    .trim();
  if (slot === 'money') {
    const money = findMoney(normalise(answer));
    if (money) return withSlot(intent, slot, { amount: money.amount, currency: money.currency });
    return isNewRequest(text, ctx) ? undefined : 'again';
  }
  if (slot === 'capacity') {
    const seats = /^(\d{1,6})\b/.exec(answer);
    if (seats) return withSlot(intent, slot, Number(seats[1]));
    return isNewRequest(text, ctx) ? undefined : 'again';
  }
  if (isNewRequest(text, ctx)) return undefined;
  // Within the schema's limits, so the draft kept for the confirm step still parses.
  if (!answer || answer.length > (MAX_LENGTH[slot] ?? 80)) return 'again';
  return withSlot(intent, slot, slot === 'number' ? answer.toUpperCase() : answer);
}

function withSlot(intent: Intent, slot: string, value: unknown): Intent {
  return { ...intent, slots: { ...intent.slots, [slot]: value } } as Intent;
}

/** "Dana", "Dana and Lee", "dana whitfield, lee": the names typed in answer to "Who will teach it?". */
export function namesTyped(text: string): string[] {
  return text
    .trim()
    .replace(/^(with|it'?s|it is|probably|maybe|how about|let'?s say)\s+/i, '')
    .replace(/[.!?]+$/, '')
    .split(/\s*(?:,|&|\band\b|\bplus\b)\s*/i)
    .map((n) => n.trim())
    .filter(Boolean);
}
