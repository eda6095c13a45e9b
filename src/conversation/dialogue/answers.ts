/** Reading a reply to a pending question: "yes", "no", "2", "the second one", a choice label. */
import { findOrdinal } from '../parse/extract.ts';
import { normalise } from '../parse/normalise.ts';

export function readYesNo(text: string): 'yes' | 'no' | undefined {
  const t = normalise(text);
  if (
    /^(y|yes|yeah|yep|yup|sure|ok|okay|go ahead|do it|please do|confirm|confirmed|correct|absolutely|of course|fine|sounds good|yes please|go for it)\b/.test(
      t,
    )
  )
    return 'yes';
  if (/^(n|no|nope|nah|cancel|stop|don'?t|do not|never ?mind|leave it|forget it|abort)\b/.test(t))
    return 'no';
  return undefined;
}

export function readChoice(text: string, count: number): number | undefined {
  const t = normalise(text);
  if (/\b(last|final)\s+(one|session|option)?\b/.test(t)) return count;
  const n = /^\s*#?(\d{1,2})\s*$/.exec(t)?.[1] ?? findOrdinal(t);
  const index = n === undefined ? undefined : Number(n);
  return index !== undefined && index >= 1 && index <= count ? index : undefined;
}

/** Looks like an answer to a question (so an expired one deserves "that question has expired"). */
export function looksLikeAnswer(text: string): boolean {
  return readYesNo(text) !== undefined || readChoice(text, 9) !== undefined;
}
