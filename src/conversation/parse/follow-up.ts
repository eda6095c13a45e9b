/**
 * Follow-ups that point back at the last list or draft: "the second one", "that one", "the
 * Manchester one", "same for Sam", "and next month?", "no, Thursday", "yes but for Priya".
 * A closed grammar over the whole message (anchored), read before the model: these only make
 * sense in context, so the parse says what kind of reference it is and the dialogue resolves it.
 */
import { type DateContext, findDate } from './dates.ts';
import { wordNumber } from './extract.ts';
import type { FollowUp, PersonRef } from './intents.ts';
import { nfkc } from './normalise.ts';

const ORDINALS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  other: 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  last: -1,
  top: 1,
  bottom: -1,
};

/** Words that point at people as a group: references, never names or course words. */
const GROUP = /^(my team|my lot|my reports|my people|my staff|everyone|everybody|the team|all of them|them)$/;

export function readPerson(words: string): PersonRef | undefined {
  const w = words.trim();
  if (GROUP.test(w)) return { kind: 'team' };
  if (/^(me|myself)$/.test(w)) return { kind: 'self' };
  if (/^[a-z][a-z'-]{1,30}( [a-z][a-z'-]{1,30})?$/.test(w)) return { kind: 'name', name: w };
  return undefined;
}

export function lightNormalise(raw: string): string {
  return nfkc(raw)
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/[?!.\s]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every form below starts with one of these words: most messages are ruled out at once. */
const OPENERS =
  /^\s*(?:not|hang on|correction|now|repeat|then|next|1st|2nd|3rd|4th|5th|fourth|fifth|ah|oh|er|um|whichever|do|take|can you|could you|please|i'?ll|i'?d|i prefer|let'?s|go|pick|choose|the|that|this|same|and|what|how|yes|yeah|yep|ok|okay|sure|but|no|nope|sorry|actually|i meant|wait|hang on|oops|whichever|first|second|third|last|1st|2nd|3rd|do|number|option|#|\d{1,2}\s*$|not|scratch|change|make|should|it should|now|also|ditto|[a-z]+(?: [a-z]+)? (?:too|as well|also)\W*$)\b/i;

/** "2", "number 3", "option two", "#1": a position in the list just shown, said on its own. */
const NUMBERED =
  /^(?:(?:number|no\.?|option|#) ?)?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)(?: one| please| pls)?$/;

/** Parts of day, weekdays and formats that pick one session of a list ("the morning session"). */
const SESSION_ATTRIBUTE =
  /^the (morning|afternoon|evening|am|pm|early|earlier|late|later|online|virtual|remote|in-person|face to face|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend) (?:session|class|course|slot|date)$/;

/** What people add after pointing ("the first one pls", "that one looks good", "the 3rd one down"). */
const TRAILING =
  /(?:[, ]+(?:pls|plz|please|thanks|thank you|ta|then|looks good|sounds good|looks great|looks best|is best|is fine|works|works for me|would be great|down|for me))+$/;

/** What "X too" may name that is not a person ("me too", "that too", "next week as well"). */
const NOT_A_PERSON =
  /^(me|i|that|this|it|them|those|these|one|him|her|next|tomorrow|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|excel|gdpr|forklift|fire safety|first aid|leadership)\b/;

/** The message as both readings see it: lower case, dashes as commas, courtesy at the end gone. */
function followUpText(raw: string): string {
  return lightNormalise(raw)
    .replace(/\s*[—–]\s*|\s+-\s+/g, ', ')
    .replace(TRAILING, '');
}

export function findFollowUp(raw: string, ctx: DateContext): FollowUp | undefined {
  if (!OPENERS.test(raw)) return undefined;
  const t = followUpText(raw);
  const found = pickOrCorrect(t, ctx, raw);
  if (found) return found;
  // "i'll take the second", "go with the leeds one": a pick after a verb of choosing.
  const choice = CHOOSE_LEAD.test(t)
    ? t
        .replace(CHOOSE_LEAD, '')
        .replace(
          /^(?:the )?(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th|top|bottom)$/,
          'the $1 one',
        )
    : '';
  const chosen = choice ? pickOrCorrect(choice, ctx, raw) : undefined;
  if (chosen && ['ordinal', 'that', 'attribute'].includes(chosen.kind)) return chosen;
  // "no, the other one", "sorry, the second one": a pick said again after a "no".
  const again =
    /^(?:no|nope|sorry|actually|oops|wait|hang on)[, ]+(?:i meant |i mean |sorry[, ]+)?(.+)$/.exec(t);
  const picked = again ? pickOrCorrect(again[1]!, ctx, raw) : undefined;
  return picked && ['ordinal', 'that', 'attribute'].includes(picked.kind) ? picked : undefined;
}

/** `raw` is the message as written, for the capitals of a name. */
function pickOrCorrect(t: string, ctx: DateContext, raw = t): FollowUp | undefined {
  let m =
    /^(?:the |that )?(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th|other|top|bottom) (?:one|session|option|date|course)$/.exec(
      t,
    );
  if (m) return { kind: 'ordinal', ordinal: ORDINALS[m[1]!]! };
  // "1st", "third option", "the 2nd": a position said alone.
  m = /^(?:the )?(1st|2nd|3rd|4th|5th|first|second|third|fourth|fifth)(?: option| choice)?$/.exec(t);
  if (m) return { kind: 'ordinal', ordinal: ORDINALS[m[1]!]! };
  // "last one on the list", "the one at the bottom", "the top one of those".
  m =
    /^(?:the )?(first|last|top|bottom) one (?:on|in|of) (?:the|that|this) (?:list|lot|ones?)$/.exec(t) ??
    /^the one at the (top|bottom)(?: of the list)?$/.exec(t);
  if (m) return { kind: 'ordinal', ordinal: ORDINALS[m[1]!]! };
  // A bare number only when it does not begin with "no" read as the word ("no 3" is number 3 too).
  m = NUMBERED.exec(t);
  if (m) {
    const ordinal = wordNumber(m[1]!);
    if (ordinal >= 1 && ordinal <= 20 && (/^(number|no|option|#)/.test(t) || /^\d/.test(t)))
      return { kind: 'ordinal', ordinal };
  }
  // "yeah that", "ok this one": agreeing to the thing just shown.
  if (
    /^(?:(?:yes|yeah|yep|ok|okay|sure)[, ]+)?(?:that|this)(?: one| 1| session)?$/.test(t) ||
    /^(?:do|take|pick) (?:that|this)(?: one| 1)?$|^(?:that|this)(?:'s| is) the one$|^the one (?:you|we) (?:just )?(?:mentioned|said|showed|found|suggested)$/.test(
      t,
    )
  )
    return { kind: 'that' };
  m =
    SESSION_ATTRIBUTE.exec(t) ??
    /^the ([a-z-]+(?: [a-z-]+)?) (?:one|session|class|course|date)$/.exec(t) ??
    /^whichever(?: one)? (has (?:space|room|seats|places)|is (?:soonest|earliest|closest|nearest|free))$/.exec(
      t,
    ) ??
    /^(?:the one|whichever(?: one)?)(?: that(?:'s| is)?| which is|'s)? (?:is |was )?(?:on|at|in|with) (?:the )?([a-z0-9 ]+)$/.exec(
      t,
    );
  if (m) {
    // "the one on tuesday": a day is kept as a date too, for the dialogue to match on ("the
    // one on the 17th" reaches here as "17th", which reads as a date only after "the").
    const when = findDate(m[1]!, ctx) ?? (/^\d/.test(m[1]!) ? findDate(`the ${m[1]}`, ctx) : undefined);
    // A day with a part of it ("the friday afternoon one") keeps its date; a part alone does not.
    const dayAndPart = /\b(morning|afternoon|evening)\b/.test(m[1]!) && m[1]!.includes(' ');
    const day = when && (!when.range.hasTime || dayAndPart) ? { when: when.range } : {};
    return { kind: 'attribute', attribute: m[1]!, ...day };
  }
  m =
    /^(?:(?:and )?do )?(?:the )?same(?: again| thing)? for ([a-z' -]+)$/.exec(t) ??
    // "can you do that for rosa too", "repeat that for avery".
    /^(?:can you |could you |please )?(?:do|repeat) (?:that|this|it|the same) for ([a-z' -]+?)(?: too| as well| also)?$/.exec(
      t,
    ) ??
    // "now do chloe", "then do jo too".
    /^(?:now|and now|then|next) do ([a-z' -]+?)(?: too| as well)?$/.exec(t);
  if (m) {
    const person = readPerson(m[1]!);
    if (person) return { kind: 'same_for', person };
  }
  // "and lily as well", "now ravi too", "ditto for sam", "also jo": the same again for them.
  m =
    /^(?:(?:and|now|also|plus) )?(?:for )?([a-z][a-z'-]+(?: [a-z][a-z'-]+)?) (?:too|as well|also)$/.exec(t) ??
    /^(?:ditto|same with|also|and also) (?:for )?([a-z][a-z'-]+(?: [a-z][a-z'-]+)?)$/.exec(t);
  if (m && !NOT_A_PERSON.test(m[1]!)) {
    const person = readPerson(m[1]!);
    if (person) return { kind: 'same_for', person };
  }
  // "and Lee?", "what about Olivia Grant", "how about ben's": a name written as one, or owned.
  m = /^(?:and|what about|how about) (?:for )?([a-z][a-z'-]+(?: [a-z][a-z'-]+)?)$/.exec(t);
  if (m && !NOT_A_PERSON.test(m[1]!)) {
    const named = m[1]!.replace(/'s$/, '');
    const written = raw.replace(/[?!.\s]+$/, '');
    const asName = named
      .split(' ')
      .every((w) => new RegExp(`\\b${w[0]!.toUpperCase()}${w.slice(1)}\\b`).test(written));
    const person = (asName || m[1]!.endsWith("'s")) && readPerson(named);
    if (person) return { kind: 'same_for', person };
  }
  m = /^(?:and|what about|how about) (?:for )?(my team|my lot|my reports|everyone|everybody)$/.exec(t);
  if (m) return { kind: 'same_for', person: { kind: 'team' } };
  // "and for priya?": the same request for someone else ("what about excel" stays a question).
  m = /^(?:and|what about|how about) for ([a-z' -]+)$/.exec(t);
  if (m) {
    const person = readPerson(m[1]!);
    if (person) return { kind: 'same_for', person };
  }
  m = /^(?:and|what about|how about) (.+)$/.exec(t);
  if (m) {
    const when = findDate(m[1]!, ctx);
    if (when && when.length >= m[1]!.replace(/^(on|in|for) /, '').length - 4)
      return { kind: 'and_period', when: when.range };
  }
  m =
    /^(yes|yeah|yep|ok|okay|sure)?[, ]*but (?:for|with) ([a-z' -]+)$/.exec(t) ??
    /^(yes|yeah|yep|ok|okay|sure)?[, ]*but (?:book|do|make it|put) ([a-z'-]+(?: [a-z'-]+)?) instead$/.exec(t);
  if (m) {
    const person = readPerson(m[2]!);
    if (person) return { kind: 'correction', person, ...(m[1] ? { confirms: true } : {}) };
  }
  m =
    /^(?:ah |oh |er |um )?(?:no|nope|sorry|actually|i meant|no i meant|wait|hang on|oops)[, ]+(?:(?:wrong (?:date|day|one)|sorry|no)[, ]+)*(?:make (?:it|that) |i meant |on |for |(?:it )?should be (?:on )?|can we (?:do|make it) |let'?s (?:do|make it) )?(.+?)(?: instead)?$/.exec(
      t,
    ) ??
    // "not that day, wednesday", "scratch that, make it 21 dec", "change that to the 16th".
    /^(?:not (?:that|this) (?:day|date|one)|scratch that|change (?:that|it)|make it|(?:it )?should be|move it|correction:?)[, ]*(?:to |make it |on |for |(?:it )?should be )?(.+)$/.exec(
      t,
    );
  if (m) {
    // Only a date on its own ("no, thursday"), not a new request that mentions one.
    const when = findDate(m[1]!, ctx);
    if (when && when.length >= m[1]!.length - 4) return { kind: 'correction', when: when.range };
    // "no, for alex not me": the one it is for, less the one it is not.
    const named = m[1]!.replace(/,? not (?:me|myself|him|her|them|[a-z]+)$/, '');
    const forWhom = /^for /.test(m[0]!.split(/[, ]+/).slice(1).join(' '))
      ? named
      : /^(?:it'?s|it is|that'?s) for (.+)$/.exec(named)?.[1];
    const person = forWhom ? readPerson(forWhom) : undefined;
    if (person) return { kind: 'correction', person };
  }
  // "not the 10th, the 11th" (the date after the comma), "hang on, thursday not tuesday" (before "not").
  const meant =
    /^not [^,]+, (.+)$/.exec(t)?.[1] ??
    /^(?:hang on|wait|sorry|oops|actually)[, ]+(.+?),? not [a-z0-9 ]+$/.exec(t)?.[1];
  const when = meant ? findDate(meant, ctx) : undefined;
  if (when && when.length >= meant!.length - 4) return { kind: 'correction', when: when.range };
  return undefined;
}

/** Verbs of choosing (not of booking, which the model reads with its own slots). */
const CHOOSE_LEAD =
  /^(?:(?:ok|okay|yes|yeah|yep|sure|great|right)[, ]+)*(?:i'?ll (?:take|have|go for|go with|do)|i'?d (?:like|prefer)|i prefer|let'?s (?:do|go with|go for)|go (?:with|for)|pick|choose)\s+/;

/** Words people put before a pick: "i'll take the second", "go with the leeds one", "book the 9am one". */
const PICK_LEAD =
  /^(?:(?:ok|okay|yes|yeah|yep|sure|great|right|hmm|um|erm)[, ]+)*(?:i'?ll (?:take|have|go for|go with|do)|i'?d (?:like|prefer)|i want|i prefer|let'?s (?:do|go with|go for)|go (?:with|for)|give me|put me (?:on|down for)|book(?: me(?: on| onto| in)?)?|sign me up for|pick|choose|take|make it)\s+/;

/**
 * A looser reading for a message the model calls a follow-up but the closed grammar above
 * does not parse: the pick after a verb ("i'll take the second"), an ordinal alone ("second
 * please"), or "the … one" inside a longer sentence ("yes the leeds one looks good").
 */
export function findLooseFollowUp(raw: string, ctx: DateContext): FollowUp | undefined {
  const t = followUpText(raw);
  const rest = t.replace(PICK_LEAD, '');
  if (rest !== t) {
    const picked = pickOrCorrect(rest, ctx, raw);
    if (picked) return picked;
  }
  // "and omar?" in lower case, once the model has read it as a follow-up: the same for them.
  const other = /^(?:and|what about|how about) (?:for )?([a-z][a-z'-]+(?: [a-z][a-z'-]+)?)$/.exec(rest);
  if (other && !NOT_A_PERSON.test(other[1]!) && !findDate(other[1]!, ctx)) {
    const person = readPerson(other[1]!.replace(/'s$/, ''));
    if (person) return { kind: 'same_for', person };
  }
  const ordinal =
    /^(?:the )?(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th|top|bottom)(?: one)?$/.exec(rest);
  if (ordinal) return { kind: 'ordinal', ordinal: ORDINALS[ordinal[1]!]! };
  const one = /\bthe ([a-z0-9:.]+(?: [a-z0-9:.]+)?) one\b/.exec(rest);
  if (one && !/^(same|other|right|wrong)$/.test(one[1]!)) {
    const position = ORDINALS[one[1]!];
    if (position) return { kind: 'ordinal', ordinal: position };
    const when = findDate(one[1]!, ctx);
    const day = when && !when.range.hasTime ? { when: when.range } : {};
    return { kind: 'attribute', attribute: one[1]!, ...day };
  }
  return undefined;
}
