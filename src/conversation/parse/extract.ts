/**
 * Slot extractors: pure functions over the normalised text. Each returns what it found and,
 * where useful, the span it used, so the leftover words can be read as the course name.
 */
import { rewriteForChrono } from './dates.ts';
import type { Money, PersonRef, Recurrence } from './intents.ts';

export interface Span {
  index: number;
  length: number;
}

const CURRENCY_SYMBOLS: Record<string, string> = { '£': 'GBP', $: 'USD', '€': 'EUR' };
const CURRENCY_WORDS: Record<string, string> = {
  gbp: 'GBP',
  usd: 'USD',
  eur: 'EUR',
  pounds: 'GBP',
  pound: 'GBP',
  quid: 'GBP',
  dollars: 'USD',
  dollar: 'USD',
  euros: 'EUR',
  euro: 'EUR',
  chf: 'CHF',
  cad: 'CAD',
  aud: 'AUD',
  jpy: 'JPY',
  inr: 'INR',
  sek: 'SEK',
};

/** "£400", "$1,250.50", "650 EUR", "eur 650", "2.5k GBP". Needs a currency; a bare number is not money. */
export function findMoney(text: string): (Money & Span) | undefined {
  const found = findUnsignedMoney(text);
  if (!found) return undefined;
  // "-£400", "minus 400 pounds": the sign stays, so the use case can refuse it with a reason.
  const before = text.slice(0, found.index);
  const sign = /(?:-|−|\bminus\s?)$/.exec(before);
  // A credit or refund takes money off: the amount is read as negative, and the use case
  // decides what a negative cost may be.
  if (!sign && found.amount !== '0.00' && /\b(?:credit|credited|refund|refunded|rebate)\b/.test(text))
    return { ...found, amount: `-${found.amount}` };
  if (!sign || found.amount === '0.00') return found;
  return { ...found, amount: `-${found.amount}`, index: sign.index, length: found.length + sign[0].length };
}

function findUnsignedMoney(text: string): (Money & Span) | undefined {
  const symbol = /([£$€])\s?(\d[\d,]*(?:\.\d{1,2})?)(k)?\b/i.exec(text);
  if (symbol)
    return {
      ...money(symbol[2]!, symbol[3], CURRENCY_SYMBOLS[symbol[1]!]!),
      index: symbol.index,
      length: symbol[0].length,
    };
  const after =
    /\b(\d[\d,]*(?:\.\d{1,2})?)(k)?\s?(gbp|usd|eur|pounds?|quid|dollars?|euros?|chf|cad|aud|jpy|inr|sek)\b/i.exec(
      text,
    );
  if (after)
    return {
      ...money(after[1]!, after[2], CURRENCY_WORDS[after[3]!.toLowerCase()]!),
      index: after.index,
      length: after[0].length,
    };
  const before = /\b(gbp|usd|eur|chf|cad|aud)\s?(\d[\d,]*(?:\.\d{1,2})?)(k)?\b/i.exec(text);
  if (before)
    return {
      ...money(before[2]!, before[3], CURRENCY_WORDS[before[1]!.toLowerCase()]!),
      index: before.index,
      length: before[0].length,
    };
  return undefined;
}

function money(digits: string, thousands: string | undefined, currency: string): Money {
  let [whole, fraction = ''] = digits.replace(/,/g, '').split('.');
  if (thousands) {
    // "2.5k" → 2500.00, kept in strings so no float ever touches the amount.
    const padded = (fraction + '000').slice(0, 3);
    whole = String(Number(whole) * 1000 + Number(padded));
    fraction = '';
  }
  return { amount: `${String(Number(whole))}.${(fraction + '00').slice(0, 2)}`, currency };
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const ORDINAL_WORDS: Record<string, number> = {
  other: 2,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  '2': 2,
  '3': 3,
  '4': 4,
};

/** "every Tuesday 9am for 4 weeks", "every 2nd Thursday until 2027-03-01", "fortnightly on fridays, 6 times". */
export function findRecurrence(
  text: string,
  untilDate?: (words: string) => string | undefined,
): (Recurrence & Span) | undefined {
  const every =
    /\b(?:every|each)\s+(?:(other|second|2nd|third|3rd|fourth|4th|[234])\s+)?(?:week\s+on\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)s?\b/.exec(
      text,
    ) ??
    /\b(weekly|fortnightly|biweekly)\s+on\s+(sunday|monday|tuesday|wednesday|thursday|friday|saturday)s?\b/.exec(
      text,
    ) ??
    /\b(?:on\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)s\b.*?\b(for\s+\d+\s+weeks|until)\b/.exec(
      text,
    );
  if (!every) return undefined;
  let interval = 1;
  let weekdayWord: string;
  if (every[0].startsWith('every') || every[0].startsWith('each')) {
    interval = every[1] ? (ORDINAL_WORDS[every[1]] ?? 1) : 1;
    weekdayWord = every[2]!;
  } else if (/^(weekly|fortnightly|biweekly)/.test(every[0])) {
    interval = every[1] === 'weekly' ? 1 : 2;
    weekdayWord = every[2]!;
  } else {
    weekdayWord = every[1]!;
  }
  const rule: Recurrence = { frequency: 'weekly', interval, weekday: WEEKDAYS.indexOf(weekdayWord) };
  const times = findTimes(text);
  if (times.startTime) rule.startTime = times.startTime;
  if (times.endTime) rule.endTime = times.endTime;
  const forWeeks =
    /\bfor\s+(\d{1,3}|two|three|four|five|six|eight|ten|twelve)\s+(weeks?|sessions?|times|occurrences)\b/.exec(
      text,
    ) ?? /\b(\d{1,3})\s+(times|sessions|occurrences)\b/.exec(text);
  if (forWeeks) {
    const n = wordNumber(forWeeks[1]!);
    // "for 8 weeks" every 2nd week is 4 sessions; "6 times" is 6 sessions.
    rule.count = /^weeks?$/.test(forWeeks[2]!) ? Math.max(1, Math.ceil(n / interval)) : n;
  }
  const until = /\buntil\s+([a-z0-9 ,/-]+?)(?=\s+(?:in|at|with|for)\b|[,.]|$)/.exec(text);
  if (until && untilDate) {
    const date = untilDate(until[1]!);
    if (date) rule.until = date;
  }
  return { ...rule, index: every.index, length: every[0].length };
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
};
/** The counts people spell out, as a regex alternation ("twelve|eighteen|…"). */
export const COUNT_WORDS = `(?:twenty|thirty|forty|fifty)-(?:one|two|three|four|five|six|seven|eight|nine)|${Object.keys(NUMBER_WORDS).join('|')}`;
/** "three" or "3" as 3 (the words people spell small counts and list positions with). */
export function wordNumber(word: string): number {
  return NUMBER_WORDS[word] ?? compoundNumber(word) ?? Number(word);
}

/** "9am", "9:30", "9am-12pm", "09:00 to 12:30", "from 2 until 4pm" → HH:mm. */
export function findTimes(original: string): { startTime?: string; endTime?: string } {
  const text = rewriteForChrono(original)
    .replace(/\bnoon\b/g, '12:00')
    .replace(/\bmidnight\b/g, '00:00');
  const range =
    /\b(?:from\s+)?(\d{1,2})(?::(\d{2}))?\s?(am|pm)?\s?(?:-|–|to|until|till)\s?(\d{1,2})(?::(\d{2}))?\s?(am|pm)?\b/.exec(
      text,
    );
  if (range && (range[3] || range[6] || range[2] || range[5])) {
    const endMeridiem = range[6];
    const startMeridiem =
      range[3] ?? (endMeridiem === 'pm' && Number(range[1]) < Number(range[4]) ? 'pm' : undefined);
    return {
      startTime: hhmm(range[1]!, range[2], startMeridiem),
      endTime: hhmm(range[4]!, range[5], endMeridiem),
    };
  }
  const single =
    /\b(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s?(am|pm)\b|(?:\bat\s+|(?<![\d:./£$€-]))([01]?\d|2[0-3]):([0-5]\d)\b/.exec(
      text,
    ) ?? /\bat\s+(\d{1,2})()()\b(?!\s*(?:seats?|places?|people|%|\/|-\d))/.exec(text);
  if (single)
    return {
      startTime: single[4] ? hhmm(single[4], single[5], undefined) : hhmm(single[1]!, single[2], single[3]),
    };
  return {};
}

function hhmm(hour: string, minute: string | undefined, meridiem: string | undefined): string {
  let h = Number(hour) % 24;
  if (meridiem === 'pm' && h < 12) h += 12;
  if (meridiem === 'am' && h === 12) h = 0;
  return `${String(h).padStart(2, '0')}:${(minute ?? '00').padStart(2, '0')}`;
}

/** "12 seats", "capacity 12", "max 10 people", "for 15 learners". */
export function findCapacity(text: string): number | undefined {
  const m =
    SIZE_IN_PEOPLE.exec(text) ??
    /\b(?:capacity|max(?:imum)?|cap|capped|limit(?:ed)?)\s*(?:of\s*|to\s*|at\s*|is\s*)?(-?\d+)\b/.exec(text);
  // Exact, even when absurd ("99999999999 seats"): the use case refuses it with a reason.
  return m ? wordNumber(m[1]!) : undefined;
}

/** "twenty-four" → 24: a tens word and a unit, as people spell a class size. */
function compoundNumber(words: string): number | undefined {
  const m = /^(twenty|thirty|forty|fifty)[- ](one|two|three|four|five|six|seven|eight|nine)$/.exec(words);
  return m ? NUMBER_WORDS[m[1]!]! + NUMBER_WORDS[m[2]!]! : undefined;
}

const SIZE_IN_PEOPLE = new RegExp(
  `(-?\\d+|\\b(?:${COUNT_WORDS}))\\s*(?:seats?|places?|spaces?|spots?|people|learners|attendees|participants|delegates)\\b`,
);

/** "in Room 2", "at the Warehouse Bay", "in conference room a". */
export function findVenue(text: string): string | undefined {
  const m =
    /\b(?:in|at)\s+((?:training\s+)?room\s+[a-z0-9]+|(?:the\s+)?(?:warehouse bay|conference room\s+[a-z0-9]+|[a-z]+ (?:hq|office|bay)))\b/.exec(
      text,
    );
  return m ? m[1]!.replace(/^the\s+/, '') : undefined;
}

/** "with Dana and Lee", "with dana, lee and rosa" (names only; resolved against instructors later). */
export function findInstructors(text: string): string[] | undefined {
  const m = /\bwith\s+([a-z][a-z'-]+(?:\s*(?:,|and|&)\s*[a-z][a-z'-]+)*)/.exec(text);
  if (!m) return undefined;
  const names = m[1]!
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((n) => n.trim())
    .filter((n) => n && !STOP_NAMES.has(n));
  return names.length ? names : undefined;
}

/** Words that look like names after "with", "book", "remind" but are not people. */
const STOP_NAMES = new Set([
  'me',
  'us',
  'myself',
  'them',
  'him',
  'her',
  'everyone',
  'everybody',
  'all',
  'the',
  'a',
  'an',
  'my',
  'our',
  'team',
  'it',
  'that',
  'this',
  'those',
  'these',
  'people',
  'on',
  'in',
  'for',
  'to',
  'seats',
  'capacity',
  'overdue',
  'expiring',
  'room',
  'i',
  'you',
  'someone',
  'anyone',
  'session',
  'sessions',
  'course',
  'onto',
  'into',
  'up',
  'down',
  'out',
  'first',
  'fire',
  'excel',
  'forklift',
  'gdpr',
  'leadership',
  'negotiation',
  'security',
  'next',
  'tomorrow',
  'today',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'whoever',
  'who',
  'any',
  'some',
  'we',
  'room',
  'space',
  'more',
  'someone',
  'somebody',
  'a',
  'his',
  'their',
  'everyone',
  'people',
  'reminders',
  'reminder',
  // Words that open a sentence the way a name would ("nobody has…", "no one was…", "training will…").
  'nobody',
  'one',
  'of',
  'from',
  'as',
  'noone',
  'what',
  'which',
  'there',
  'training',
  'trainer',
  'instructor',
  'class',
  'he',
  'she',
  'they',
  'attendance',
  'manual',
  'data',
  'health',
]);

/**
 * Words that may follow a first name without being a surname ("book sam again on…", "mark
 * dana absent for…"): a second word is read as a surname only when it is none of these.
 */
const NOT_SURNAMES = new Set([
  ...STOP_NAMES,
  'again',
  'now',
  'too',
  'also',
  'back',
  'please',
  'pls',
  'asap',
  'instead',
  'absent',
  'present',
  'partially',
  'fully',
  'only',
  'never',
  'left',
  'did',
  "didn't",
  'attended',
  'late',
  'sick',
  'no-show',
  'no',
  'here',
  'there',
  'off',
  'and',
  'or',
  'will',
  'can',
  'is',
  'was',
  'has',
  'as',
  'at',
  'by',
  'with',
  'onto',
  'request',
  'booking',
  'registration',
]);

/**
 * A first name, then maybe a surname. The second word is a surname only when the message
 * wrote both capitalised ("Sam Brooks") and it is none of NOT_SURNAMES: in lower case "book
 * sam brooks on…" and "book asbestos awareness on…" look alike, and a course word is no name.
 */
const FULL = '([a-z][a-z-]+)(?:\\s+([a-z][a-z-]+))?';

/** Verbs that act on somebody's booking, attendance, request or reminder: "swap kofi onto…". */
const ACT_ON =
  'book|register|enrol|enroll|unenrol|unenroll|sign off|sign up|sign|signup|add|put|get|cancel|remind|nudge|chase|approve|approved|decline|declined|reject|rejected|deny|denied|refuse|refused|mark|tick off|log|record|withdraw|remove|drop|pull|unregister|message|email|tell|ping|poke|set|move|transfer|switch|swap|shift|excuse|assign|allocate';
const ACT_ON_WORDS = new Set(ACT_ON.split('|'));

/**
 * What may follow a full name written in lower case ("book grace liu on…", "kofi mensah
 * attended"): a second word before one of these is a surname, not the start of a course.
 */
const AFTER_FULL_NAME =
  /^\s*$|^\s*(?:on|onto|to|for|from|in|into|out|off|as|about|'s|was|is|attended|did|didn't|partially|left|never|missed|has|hasn't|needs|will|can|should)\b/;

/** Somebody other than the speaker: "book Priya on…", "Sam's request", "my team", "mark bob as a no-show". */
export function findPerson(text: string, raw?: string): (PersonRef & Span) | undefined {
  const team =
    /\b(my (?:whole )?(?:team|reports|direct reports|people|staff|department|lot)|the team|everyone in my team|my team members)\b/.exec(
      text,
    );
  if (team) return { kind: 'team', index: team.index, length: team[0].length };
  const patterns = [
    // One word before "'s": the word before it may as well be a verb ("deny maria's request").
    /\b(?:([a-z][a-z-]+)\s+)?([a-z][a-z-]+)'s\s+(?:[a-z]+\s+){0,2}?(?:requests?|bookings?|registration|approval|place|seat|spot|excel|leadership|first|fire)\b/,
    new RegExp(
      `\\b(?:${ACT_ON})\\s+(?:[^\\sa-z]+\\s+)?${FULL}\\s+(?:on|onto|in|into|for|as|up|about|re|regarding|down|from|off|out|to|'s|absent|present|attended|partial|late|missing|no-show|a no-show)\\b`,
    ),
    // "send a reminder to maria", "drop a note to ben about …", "the leadership request from jordan".
    /\b(?:reminder|nudge|note|message|ping|email)\s+(?:to|for)\s+([a-z][a-z-]+)\b/,
    new RegExp(`\\brequests?\\s+(?:from|by)\\s+${FULL}$`),
    /\b(?:remind|nudge|chase|chase up|ping|poke|approve|decline|reject|deny|follow up with)\s+([a-z][a-z-]+)$/,
    // "the pending one from mia", "that booking from jordan".
    new RegExp(`\\b(?:one|booking|application|ask)\\s+(?:from|by)\\s+${FULL}$`),
    // "ruby no show", "kofi absent", "ben off sick", "dmitri no-showed".
    /^([a-z][a-z-]+)\s+(?:no[- ]?show(?:ed)?|absent|present|off sick|sick|dnf|dna(?:'d)?)\b/,
    new RegExp(
      `^(?:(?:yes|yeah|ok|okay|sure|no|nope|sadly|unfortunately)[, ]+)?${FULL}\\s+(?:was|is|wasn't|didn't|did not|attended|partially|left|arrived|showed|turned|missed|came|only|stayed|went|headed|never|will|won't|can|can't|cannot|may|needs|has|hasn't|should|must|wants)\\b`,
    ),
    // "send ben a reminder", "drop siobhan a note".
    /\b(?:send|drop|give|shoot)\s+([a-z][a-z-]+)\s+(?:a|an)\s+(?:quick\s+)?(?:reminder|nudge|note|message|ping|email|line)\b/,
    // "secure a spot for rosa on leadership", "a place for jo on…".
    new RegExp(`\\b(?:spot|place|seat)\\s+for\\s+${FULL}\\s+(?:on|in|at|onto)\\b`),
    // "that's a no from me for ben".
    /\bfrom me for\s+([a-z][a-z-]+)$/,
    // "deny tomasz his fire safety request".
    /\b(?:deny|approve|decline|reject|refuse)\s+([a-z][a-z-]+)\s+(?:his|her|their)\b/,
    // "happy for isla to go on…", "fine for sam to attend…".
    new RegExp(`\\bfor\\s+${FULL}\\s+to\\s+(?:go|attend|do|join|take|book|have)\\b`),
    // "does kofi have a valid …", "has priya got …".
    /^(?:does|did|has|have|is)\s+([a-z][a-z-]+)\s+(?:have|got|hold|holds|finished|completed|done|passed)\b/,
    // "book sam for gdpr"… but "enrol me for coaching" names the course, not a person.
    /(?<!\b(?:me|us|myself|i)\s)\bfor\s+([a-z][a-z-]+)$/,
    // "ping sam to…", "make dana the trainer", "can tom teach…", "give it to alex".
    /^(?:ping|poke|hassle|chase|nudge|remind|give|make|can|could|let|have|assign|allocate|put|get|follow up with)\s+([a-z][a-z-]+)\s+(?!up\b|on\b|in\b|onto\b)[a-z]/,
    /\b(?:give|hand|pass) it to\s+([a-z][a-z-]+)$/,
    /\b(?:add|put|move|transfer)\s+([a-z][a-z-]+)\s+(?:to|onto)\b/,
  ];
  for (const [i, pattern] of patterns.entries()) {
    const found = pattern.exec(text);
    // The possessive's first group is the word before the name: a first name only when both
    // were written capitalised ("Tom Fletcher's booking"), else it is dropped.
    const m = i === 0 && found ? possessive(found, raw) : found;
    if (m && !STOP_NAMES.has(m[1]!) && !/^(i|we|he|she)$/.test(m[1]!)) {
      const afterSecond = m[2] ? text.slice(m.index + m[0].indexOf(m[2]) + m[2].length) : '';
      const surname =
        m[2] &&
        !NOT_SURNAMES.has(m[2]) &&
        // The possessive (i === 0) has decided already whether its two words are one name.
        (i === 0 || (raw && writtenAsName(raw, m[1]!, m[2])) || AFTER_FULL_NAME.test(afterSecond))
          ? m[2]
          : undefined;
      const name = surname ? `${m[1]} ${surname}` : m[1]!;
      const start = m.index + m[0].indexOf(name);
      return {
        kind: 'name',
        name,
        index: start,
        length: name.length + (text.slice(start + name.length).startsWith("'s") ? 2 : 0),
      };
    }
  }
  return undefined;
}

/** A possessive match as [whole, first, surname?]: "shift Tom Fletcher's booking" → tom fletcher. */
function possessive(m: RegExpExecArray, raw: string | undefined): RegExpExecArray {
  const [whole, before, name] = m;
  // "cancel hannah kim's place" in lower case: the word before is a first name unless it is a
  // verb or a little word ("Cancel Omar's" is no full name, even capitalised).
  const full =
    before &&
    raw &&
    !NOT_SURNAMES.has(before) &&
    !ACT_ON_WORDS.has(before) &&
    (writtenAsName(raw, before, name!) || raw.toLowerCase() === raw);
  const shaped = (full ? [whole, before, name] : [whole, name]) as unknown as RegExpExecArray;
  shaped.index = m.index;
  return shaped;
}

const capitalised = (word: string) => word[0]!.toUpperCase() + word.slice(1);

/** Whether the message wrote "First Last" with capitals, as people write a person's name. */
function writtenAsName(raw: string, first: string, last: string): boolean {
  return new RegExp(`\\b${capitalised(first)}\\s+${capitalised(last)}\\b`).test(raw);
}

/** "it", "that", "that session", "the same one": refers back to the last thing mentioned. */
export function findPronounRef(text: string): boolean {
  return /\b(?:on|onto|to|for|from|cancel|book|move)\s+(?:it|that|this|that one|this one|that session|this session|the same one|the one (?:you|we) (?:mentioned|found|said))\b|^(?:cancel|book|drop|decline|approve|reject)\s+(?:it|that|this)\b|\b(?:it|that)$|\bthe (?:morning|afternoon|evening|earlier|later|same|other) one\b/.test(
    text,
  );
}

/** "the second one", "2nd", "option 3", "number two", "the last one". */
export function findOrdinal(text: string): number | undefined {
  const words: Record<string, number> = {
    first: 1,
    '1st': 1,
    one: 1,
    second: 2,
    '2nd': 2,
    two: 2,
    third: 3,
    '3rd': 3,
    three: 3,
    fourth: 4,
    '4th': 4,
    four: 4,
    fifth: 5,
    '5th': 5,
    five: 5,
  };
  const m =
    /\b(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th)\s+(?:one|session|option|date)\b/.exec(
      text,
    ) ??
    /\b(?:option|number|no\.?|#)\s*(\d|one|two|three|four|five)\b/.exec(text) ??
    /^(\d)$/.exec(text.trim());
  if (!m) return undefined;
  return words[m[1]!] ?? Number(m[1]);
}

const COST_CATEGORIES: [RegExp, 'venue' | 'facilitator' | 'travel' | 'materials' | 'catering' | 'other'][] = [
  [/\b(venue|room hire|room|hall)\b/, 'venue'],
  [/\b(facilitator|trainer|instructor|speaker|tutor|coach)\b/, 'facilitator'],
  [
    /\b(travel|train fares?|train tickets?|rail|flights?|taxi|cab|mileage|parking|fuel|petrol|hotel|accommodation)\b/,
    'travel',
  ],
  [/\b(materials?|workbooks?|handouts?|printing|books)\b/, 'materials'],
  [/\b(catering|caterers?|lunch|food|coffee|refreshments|snacks|breakfast|sandwiches)\b/, 'catering'],
];
/** The category named first: "travel costs for the forklift trainer" is travel. */
export function findCostCategory(text: string) {
  let best: { at: number; category: (typeof COST_CATEGORIES)[number][1] } | undefined;
  for (const [pattern, category] of COST_CATEGORIES) {
    const at = pattern.exec(text)?.index;
    // "the trainer's train fare", "trainer travel": the trainer is whose cost, not what kind.
    if (at !== undefined && category !== 'facilitator' && (!best || at < best.at)) best = { at, category };
  }
  if (best) return best.category;
  return COST_CATEGORIES.find(([pattern, category]) => category === 'facilitator' && pattern.test(text))?.[1];
}
