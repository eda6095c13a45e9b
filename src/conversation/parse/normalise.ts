/**
 * Lower-cases, strips polite padding and fixes common typos before the rules run. Typos are
 * fixed against a small vocabulary of the words the rules key on (edit distance 1, or 2 for
 * long words), so "cancle my boking" reads as "cancel my booking" without touching names.
 */

const VOCABULARY = [
  'book',
  'booking',
  'bookings',
  'booked',
  'cancel',
  'cancelled',
  'session',
  'sessions',
  'waitlist',
  'certificate',
  'certificates',
  'compliance',
  'compliant',
  'schedule',
  'scheduled',
  // Real words one letter from another vocabulary word: without them "expired" became "expire".
  'expired',
  'lapsed',
  // Two letters from "schedule": without these, every "reschedule" was "fixed" into it.
  'reschedule',
  'rescheduled',
  'rescheduling',
  'report',
  'attendance',
  'attended',
  'remind',
  'reminder',
  'approve',
  'request',
  'recommend',
  'learning',
  'overdue',
  'tomorrow',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'monday',
  'sunday',
  'register',
  'registered',
  'available',
  'training',
  'course',
  'courses',
  'completed',
  'expiring',
  'december',
  'january',
  'february',
  'november',
  'october',
  'september',
  'roster',
  'excel',
  'forklift',
  'safety',
  'leadership',
  'negotiation',
  'security',
  'upcoming',
  'next',
  'month',
  'week',
  'quarter',
  'decline',
  'suggest',
  'launch',
  'start',
  'team',
  'venue',
  'catering',
  'materials',
  'facilitator',
  'learner',
  'programme',
  'program',
  'operations',
  'seats',
  'every',
  'weeks',
  'please',
  'calendar',
  'certification',
  'expire',
  'expires',
  'attendees',
  'sign',
  'show',
  'first',
  'fire',
  'what',
];
const VOCAB_SET = new Set(VOCABULARY);
/** Real words one edit away from a vocabulary word ("that"/"what", "look"/"book"): never "fixed". */
const KNOWN = new Set(
  (
    'that this than then them they their there these those when where which while with from have ' +
    'look took cook hook boot lock rock mean need take make tell give send show shop snow slow text test best rest ' +
    'five fine hire fist fires sing sign song seek week weak meek team tear teams star stars state smart sport ' +
    'sessions course source coarse court count month mouth night nice same some come came done gone none does dose ' +
    'want went wont what whats whom whose also just more most must much many only once over just your yours ' +
    'mine mind kind find fund bank back block blocks books booking cancels store start starts started open opens ' +
    'attendee report reports sport remind remain rewind learn lean clean early earn year years here hear heard held help ' +
    'shall still well will wall walk work word world days day dates date data late later list last lost past post ' +
    'next near seat seats sets step steps stop room rooms cost costs post host most ones once onto into unto ' +
    'bring brings lunch launch launches starting started please place places plans plan plane team ' +
    // Other forms of vocabulary words, which edit distance would "fix" into them.
    'facilitate facilitates facilitated facilitating approved approves declined requested requests reminded ' +
    'reminders launched suggested recommended recommends learners weekly venues registers lapse lapses ' +
    // First names one letter from a vocabulary word ("avery"/"every").
    'avery'
  ).split(' '),
);

/** Shorthands and misspellings too far from the word for edit distance to be safe. */
const REWRITES: [RegExp, string][] = [
  [/\bbok\b/g, 'book'],
  [/\btmrw\b|\btmr\b|\btomoz\b/g, 'tomorrow'],
  [/\bnxt\b/g, 'next'],
  [/\bpls\b|\bplz\b|\bplease\b/g, ' '],
  [/\bthx\b|\bthanks\b|\bthank you\b|\bcheers\b|\bta\b(?=[.!]?$)/g, ' '],
  [/\bwait[\s-]?list\b|\bwaiting[\s-]list\b|\bwaitinglist\b/g, 'waitlist'],
  [/\bno[\s-]show\b/g, 'no-show'],
  [/\bthurs?\b/g, 'thursday'],
  [/\btues?\b/g, 'tuesday'],
  [/\bweds?\b/g, 'wednesday'],
  [/\bfri\b/g, 'friday'],
  [/\bmon\b/g, 'monday'],
  [/\bcert\b/g, 'certificate'],
  [/\bcerts\b/g, 'certificates'],
  [/\benroll?\b|\benrol\b/g, 'enrol'],
  [/\bu\b/g, 'you'],
  [/\br\b/g, 'are'],
  [/\bim\b/g, "i'm"],
  [/\bwhos\b/g, "who's"],
  [/\bwhats\b/g, "what's"],
  [/’/g, "'"],
];

const ANY_REWRITE = new RegExp(REWRITES.map(([pattern]) => pattern.source).join('|'));

const POLITE =
  /^(hi|hello|hey|hiya|yo|ok|okay|so|um+|er+|right|morning|good morning|good afternoon)\b[\s,!.]*|^(could|can|would|will) you( please)?( kindly)?\s+|^(i was wondering if you could|i'?d like you to|would it be possible to|is it possible to|please could you|could you possibly)\s+|^(rollcall|bot)[,:!.]*\s+/;

/** Who a greeting is addressed to: with nothing else after it, the greeting is the message. */
const ADDRESSEE = /^(rollcall|bot|there|all|everyone|team|folks|mate)[\s!.?]*$/;

/** NFKC, skipped for plain ASCII (which it leaves as it is, and most messages are). */
export function nfkc(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFKC') : text;
}

export function normalise(text: string): string {
  let t = nfkc(text)
    .toLowerCase()
    .replace(/[\u0000-\u001f]+/g, ' ');
  // One scan says whether any rewrite applies; most messages need none of the passes.
  if (ANY_REWRITE.test(t)) for (const [pattern, replacement] of REWRITES) t = t.replace(pattern, replacement);
  // Collapsing whitespace changes something only where a run is not a single plain space.
  if (UNEVEN_SPACE.test(t)) t = t.replace(/\s+/g, ' ');
  t = t.trim();
  for (let i = 0; i < 4; i++) {
    const stripped = t.replace(POLITE, '').trim();
    // "hi" alone (or "hello 👋", "hey rollcall") is a greeting to answer, not padding to strip.
    if (stripped === t || !/\p{L}/u.test(stripped) || ADDRESSEE.test(stripped)) break;
    t = stripped;
  }
  t = t.replace(/[\s!?.,;:]+$/g, '').trim();
  // Most messages have no typo: the words are joined again only when one was corrected.
  const words = t.split(' ');
  let changed = false;
  for (let i = 0; i < words.length; i++) {
    const fixed = fixTypo(words[i]!);
    if (fixed !== words[i]) {
      words[i] = fixed;
      changed = true;
    }
  }
  return changed ? words.join(' ') : t;
}

const NON_ASCII = /[^\u0000-\u007f]/;
/** A whitespace character other than a space, or two together: what `\s+` → ' ' would change. */
const UNEVEN_SPACE = /[^\S ]| {2}/;

/** Words seen before and their correction; people reuse the same few hundred words. */
const corrections = new Map<string, string>();
const MAX_CACHED = 5000;

function fixTypo(word: string): string {
  // Shorter than four letters is never corrected (see `correct`): no lookup needed.
  if (word.length < 4) return word;
  const cached = corrections.get(word);
  if (cached !== undefined) return cached;
  const fixed = correct(word);
  // Cleared when full rather than frozen: the words in use now stay cached, whatever came first.
  if (corrections.size >= MAX_CACHED) corrections.clear();
  corrections.set(word, fixed);
  return fixed;
}

function correct(word: string): string {
  const bare = word.replace(/[^a-z]/g, '');
  if (bare.length < 4 || VOCAB_SET.has(bare) || KNOWN.has(bare) || bare !== word.replace(/[,;:]$/, ''))
    return word;
  const limit = bare.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of VOCABULARY) {
    if (Math.abs(candidate.length - bare.length) > limit) continue;
    const d = distance(bare, candidate, limit);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best ? word.replace(bare, best) : word;
}

/** Damerau–Levenshtein (optimal string alignment) with an early exit above `limit`. */
export function distance(a: string, b: string, limit = Infinity): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      row.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
