/**
 * The deterministic parser: text → typed intent with slots, in the person's zone and relative
 * to an injected clock. No database here; course and people references stay raw text and are
 * resolved later (src/conversation/resolve/), so `parse` runs anywhere and fast.
 */
import { createRequire } from 'node:module';
import { exactIntent } from './classify.ts';
import { findDate, mayHoldDate, type DateContext } from './dates.ts';
import {
  COUNT_WORDS,
  findCapacity,
  findCostCategory,
  findInstructors,
  findMoney,
  findOrdinal,
  findPerson,
  findPronounRef,
  findRecurrence,
  findTimes,
  findVenue,
  type Span,
  wordNumber,
} from './extract.ts';
import { findFollowUp, findLooseFollowUp } from './follow-up.ts';
import { intentModel } from './intent-model.ts';
import {
  type Alternative,
  type ExtraSlots,
  type FollowUp,
  HANDLED_AS,
  type Intent,
  type IntentName,
  INTENT_NAMES,
  type ParsedMessage,
  type UnderstoodIntentName,
  ZIntent,
} from './intents.ts';
import { normalise } from './normalise.ts';

export const MAX_MESSAGE_CHARS = 2000;

/** Below this confidence the best reading is only offered, not acted on. */
const MIN_GUESS = 0.4;

/**
 * Two readings this close are a coin toss ("overdue": reminders or the team's compliance?):
 * both are offered instead. The model's shares are sharp, so a low top share alone rarely asks.
 */
const TIE_MARGIN = 0.1;

/**
 * One word alone ("overdue", "expiring") is little evidence however sharp the model's shares:
 * its best reading must lead the next by this much to be acted on, or the likeliest are offered.
 */
const ONE_WORD_MARGIN = 0.7;

/** Below this share of known words a message is checked for being in another language. */
const FOREIGN_COVERAGE = 0.5;
const FOREIGN_COVERAGE_SENTENCE = 0.7;

export function parseMessage(raw: string, ctx: DateContext): ParsedMessage {
  const clipped = raw.slice(0, MAX_MESSAGE_CHARS);
  const text = normalise(clipped);
  const reading = read(clipped, text, ctx);
  const intent = handledAs(reading.understood);
  const slots = extractSlots(intent, text, ctx, clipped);
  const value = validated(intent, slots);
  // Built field by field rather than spread from `value` (a parse is on every message): the
  // validated intent has exactly these two keys, in this order.
  const parsed = {
    intent: value.intent,
    slots: value.slots,
    confidence: reading.confidence,
    understood: reading.understood,
    alternatives: reading.alternatives,
  } as ParsedMessage;
  if (reading.language) parsed.language = reading.language;
  const followUp =
    reading.understood === 'follow_up' ? (reading.followUp ?? findLooseFollowUp(clipped, ctx)) : undefined;
  if (followUp) parsed.followUp = followUp;
  else if (findPronounRef(text)) parsed.followUp = { kind: 'that' };
  if (intent !== reading.understood && reading.understood !== 'follow_up')
    parsed.extra = extraSlots(text, ctx, clipped);
  return parsed;
}

interface Reading {
  understood: UnderstoodIntentName;
  confidence: number;
  alternatives: Alternative[];
  language?: string;
  followUp?: FollowUp;
}

function read(raw: string, text: string, ctx: DateContext): Reading {
  if (!text) {
    if (/^\s*\?+\s*$/.test(raw)) return { understood: 'help', confidence: 0.9, alternatives: [] };
    // Nothing left once greetings, thanks and "pls" are stripped: it was all courtesy.
    if (/\p{L}/u.test(raw)) return { understood: 'small_talk', confidence: 0.9, alternatives: [] };
    return { understood: 'unknown', confidence: 0, alternatives: [] };
  }
  const followUp = findFollowUp(raw, ctx);
  if (followUp) return { understood: 'follow_up', confidence: 0.9, alternatives: [], followUp };
  const exact = exactIntent(text);
  if (exact) return { understood: exact.intent, confidence: exact.confidence, alternatives: [] };
  const { ranked, total, coverage } = intentModel(normalise).rank(text);
  // A sentence of four words or more may share a few with English ("mon", "inscription") and
  // still be French; a shorter message with a little slang ("lol nice") is not checked as early.
  const foreignBelow = text.split(' ').length >= 4 ? FOREIGN_COVERAGE_SENTENCE : FOREIGN_COVERAGE;
  if (coverage < foreignBelow) {
    const language = /\p{L}{2,}.*\s.*\p{L}{2,}/u.test(raw) ? foreignLanguage(raw) : undefined;
    if (language && language !== 'en')
      return { understood: 'unknown', confidence: 0, alternatives: [], language };
  }
  if (!ranked.length || total <= 0) return { understood: 'unknown', confidence: 0, alternatives: [] };
  // Scores to shares; a message of mostly unseen words is trusted less whatever its share.
  const shares = ranked.map((r) => ({ intent: r.intent, confidence: r.score / total }));
  const damp = Math.min(1, coverage / 0.8);
  const readings = shares.map((r) => ({ intent: r.intent, confidence: round(r.confidence * damp) }));
  const best = readings[0]!;
  const runnerUp = readings[1]?.confidence ?? 0;
  // Too unsure to act on: no reading, but the guesses stay on offer ("Did you mean …").
  const margin = text.includes(' ') ? TIE_MARGIN : ONE_WORD_MARGIN;
  if (best.confidence < MIN_GUESS || best.confidence - runnerUp < margin)
    return {
      understood: 'unknown',
      confidence: best.confidence,
      alternatives: readings.slice(0, 3).filter((a) => a.confidence >= 0.05),
    };
  return {
    understood: best.intent,
    confidence: best.confidence,
    alternatives: readings.slice(1, 4).filter((a) => a.confidence >= 0.05),
  };
}

// tinyld builds its language tables when it is loaded, about a fifth of a second of a
// start, so it is loaded on first use (warmUpParser does that after the service listens).
const requireCjs = createRequire(import.meta.url);
let tinyld: typeof import('tinyld') | undefined;
const detectAll = (text: string) =>
  (tinyld ??= requireCjs('tinyld') as typeof import('tinyld')).detectAll(text);

/**
 * The language tinyld is sure of. On gibberish it still names one, with a low score close to
 * the runner-up's, so a language counts only when it is sure or well ahead of the next.
 */
function foreignLanguage(raw: string): string | undefined {
  const [first, second] = detectAll(raw);
  if (!first || first.lang === 'en') return undefined;
  const sure = first.accuracy >= 0.5 || first.accuracy >= 3 * (second?.accuracy ?? 0);
  return sure ? first.lang : undefined;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function handledAs(understood: UnderstoodIntentName): IntentName {
  return (INTENT_NAMES as readonly string[]).includes(understood)
    ? (understood as IntentName)
    : HANDLED_AS[understood as keyof typeof HANDLED_AS];
}

/**
 * Validates with the same schema the LLM's tool calls go through. A slot that fails is
 * dropped on its own, so one odd value does not cost the others.
 */
function validated(intent: IntentName, slots: Slots): Intent {
  // No slots: the schema can only pass them as they are (no slot has a default; a test in
  // parse-message.test.ts holds every intent to it) or fail, which drops to no slots too.
  if (isEmpty(slots)) return { intent, slots: {} } as Intent;
  for (let attempt = 0; attempt < 4; attempt++) {
    const checked = ZIntent.safeParse({ intent, slots });
    if (checked.success) return checked.data;
    const bad = new Set(checked.error.issues.map((i) => String(i.path[1] ?? '')));
    if (bad.has('')) break;
    for (const key of bad) delete slots[key];
  }
  return { intent, slots: {} } as Intent;
}

function isEmpty(slots: Slots): boolean {
  for (const _ in slots) return false;
  return true;
}

/** "reduce the gdpr workshop to 10": the bare number a change is made to. */
function numberAfterTo(text: string): number | undefined {
  const m = /\b(?:to|by)\s+(-?\d+)$/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * The size a session changes to when no "seats"/"capacity" word names it: "allow 20 on fire
 * safety", "make it 16", "the room only fits 10", "can take eighteen now". Digits inside the
 * date ("on the 1st", "17 dec") are not a size.
 */
function newSize(text: string, when: Span | undefined): number | undefined {
  const outsideDate = when
    ? text.slice(0, when.index) + ' '.repeat(when.length) + text.slice(when.index + when.length)
    : text;
  const m = new RegExp(
    `\\b(?:to|make it|allow|allowing|take|takes|fit|fits|hold|holds|up to|at|for|now)\\s+(\\d{1,4}|${COUNT_WORDS})\\b(?!\\s*(?:st|nd|rd|th|am|pm|%|:|/|\\.\\d))`,
  ).exec(outsideDate);
  return m ? wordNumber(m[1]!) : undefined;
}

/** Skills said as verbs, named as the courses name them ("better at negotiating" → negotiation). */
const TOPIC_NOUNS: Record<string, string> = {
  negotiating: 'negotiation',
  presenting: 'presentation',
  leading: 'leadership',
  managing: 'management',
  communicating: 'communication',
};

/** A team's compliance asked about what is late already, and about what is coming up. */
const OVERDUE_WORDS =
  /\b(overdue|late|behind|expired|lapsed|ran out|out of date|hasn'?t|haven'?t|not done)\b/;
const EXPIRING_WORDS =
  /\b(expir\w*|lapse|lapses|lapsing|renew\w*|running out|runs out|run out|due to run out|coming up|redo|refresh\w*)\b/;

/** A set of words written as one space-separated string, as the lists below are. */
function wordSet(words: string): Set<string> {
  return new Set(words.split(' '));
}

/** The size itself, as digits or words, in what a capacity change leaves for the course name. */
// One or two digits only: three after letters are a course code ("fa 101").
const SIZE_WORDS = new RegExp(`(?<![a-z\\d-])(?:\\d{1,2}|${COUNT_WORDS})\\b(?!\\s*(?:st|nd|rd|th)\\b)`, 'g');

/** Words of a capacity change that are never part of a course name. */
const CAPACITY_WORDS = wordSet(
  'capacity raise increase reduce lower change set size allow allowing fits fit hold holds take takes few bump cap ' +
    'only bigger smaller larger extra additional max maximum limit up down make',
);

/** Words of an attendance note that are never part of a course name. */
const ATTENDANCE_WORDS = wordSet(
  "partially fully no-showed dna tick ticked log set attended present absent there here showed turned arrived left early late never came missed stayed sick ill holiday partial only half lunch wasn't didn't did not show no-show register everybody nobody",
);

/** How far a session moves ("back a week", "forward by two days"): an amount, not a date. */
const SHIFT_BY =
  /\b(?:back|forward|forwards|on)\s+(?:by\s+)?(?:a|an|one|two|three|four|a few|a couple of|\d{1,2})\s+(?:days?|weeks?|months?)\b|\bby\s+(?:a|an|one|two|three|four|a few|a couple of|\d{1,2})\s+(?:days?|weeks?)\b/g;

/** Words of a reschedule or cancellation that are never part of a course name. */
const SESSION_ADMIN_WORDS = wordSet(
  'delay delayed back forward forwards delete remove calendar pull postpone postponed move moved shift push bring reschedule rescheduled change date day cancelling scrap scrapped axe call off running trainer dropped',
);

/** Words of a report request that are never part of a course name. */
const REPORT_WORDS = wordSet(
  'report reports scorm elearning e-learning attempt attempts results scores interactions export csv spreadsheet table chart pdf data',
);

/** Words of an approval that are never part of a course name. */
const APPROVAL_WORDS = wordSet(
  "right now currently approve approved approval approvals decline declined reject rejected deny denied refuse sign off ok okay happy fine go ahead request requests budget gone allow not don't pending waiting outstanding awaiting show list",
);

/** Words of a reminder request that are never part of a course name. */
const NUDGE_WORDS = wordSet(
  "whose running runs run out re regarding remind reminder reminders nudge ping poke chase hassle message email tell note drop send them those ones her him his she he they their lot everyone overdue late behind expiring soon who haven't hasn't finish finished do complete",
);

/** Words of a question about certificates that are never part of a course name. */
const CERTIFICATE_WORDS = wordSet('valid current in-date date proof evidence');

/** Words of a cost note that are never part of a course name. */
const COST_WORDS = wordSet(
  'caterer caterers ticket tickets train rail parking fuel petrol cost costs spent spend paid pay charged charge came came to was were fee fees hire bill invoice expense expenses credit refund group lunch coffee pastries food snacks refreshments breakfast room hire hall printing workbooks handouts books travel hotel taxi flights mileage trainer facilitator instructor speaker tutor coach quid pounds euros dollars bucks log record we us',
);

/** Words of a compliance question that are never part of the course name. */
const COMPLIANCE_WORDS = wordSet(
  "compliance compliant status doing who whos hasnt havent hasn't haven't done lapsed expired expiring renew needs which reports staff department lot everyone anyone behind date up-to-date in of",
);

/** The slots a reading without a handler may need: what, when, who, how much, how many, from whom. */
function extraSlots(text: string, ctx: DateContext, raw: string): ExtraSlots {
  const used: Span[] = [];
  const extra: ExtraSlots = {};
  const money = findMoney(text);
  if (money) {
    extra.money = { amount: money.amount, currency: money.currency };
    used.push(money);
  }
  const date = mayHoldDate(text) ? findDate(text, ctx) : undefined;
  if (date) {
    extra.when = date.range;
    used.push(date);
  }
  const person = findPerson(text, raw);
  if (person) {
    extra.person = { kind: person.kind, ...(person.name ? { name: person.name } : {}) };
    used.push(person);
  }
  const capacity = findCapacity(text) ?? numberAfterTo(text);
  if (capacity !== undefined) extra.capacity = capacity;
  const vendor =
    /\b(?:to|for|called|vendor|supplier)\s+([a-z][a-z&' ]+?(?:ltd|limited|inc|llc|catering|caterers|training|co))\b/.exec(
      text,
    );
  if (vendor) extra.vendor = vendor[1]!;
  const course = courseText(text, used);
  if (course) extra.course = course;
  return extra;
}

/** Words that carry the intent or padding, never part of a course name. */
const FILLER = wordSet(
  "a an the me my i i'm im i'd i'll i've we'd we'll let's we us our you your it its it's that this those these them they is are was were be been am " +
    'do does did can could would will shall should may might must please pls want wanted like need needs to on onto in ' +
    "into for of at by with from about up down off out any some anything something there here what what's whats which " +
    "when when's where who who's whos how and or but if so just also still next upcoming available availability " +
    'session sessions class classes course courses training trainings date dates time times slot slots place places ' +
    'seat seats spot spots book booked booking bookings sign signed register registered registration enrol enroll secure grab ' +
    'enrolled reserve put add get find search show list see look looking tell give know let help run running offered ' +
    'coming on-site online live e-learning elearning video thing stuff oops sorry everyone everybody cancel cancelled cancellation drop withdraw waitlist queue join attend attending go going ' +
    "one ones kind sort type course's workshop workshops module modules programme program launch start open begin resume " +
    "continue take send email mail certificate certificates cert certs copy pdf who's roster attendees attendance mark " +
    'record was no-show present absent team reports people request approve approval decline reject remind nudge chase ' +
    'cost costs add fee venue catering materials facilitator travel other schedule create new every weekly seats room ' +
    'are there other options else more all again today tomorrow week month year quarter morning afternoon evening ' +
    'monday tuesday wednesday thursday friday saturday sunday than then too very really actually maybe perhaps thanks ' +
    "hi hello hey ok okay yes yeah no not don't can't won't make able as such much many lot lots please have has had " +
    'got getting free space spaces open opening openings held happen happening planned scheduled due overdue completed ' +
    // Verbs and small words of questions about one's record, never part of a course name.
    'yet again already ever finish finished finishing complete completing done fail failed pass passed being where ' +
    'why soon asap status progress far close through half middle good best improve improving ' +
    'her him his she he they their mine still went how',
);

/** Course codes are written FA-101, fa101 or "fa 101". */
const CODE = /\b([a-z]{2,5})[- ]?(\d{3})\b/;

/** Filler words that belong to a course name between two name words ("health and safety", "time management"). */
const SOFT_FILLER = new Set(['and', '&', 'of', 'time', 'first', 'data', 'project', 'customer', 'working']);

export function courseText(text: string, used: Span[], extraFiller?: Set<string>): string | undefined {
  let rest = text;
  for (const span of [...used].sort((a, b) => b.index - a.index)) {
    rest = rest.slice(0, span.index) + ' ' + rest.slice(span.index + span.length);
  }
  const code = CODE.exec(rest);
  if (code) return `${code[1]!.toUpperCase()}-${code[2]}`;
  const all = rest
    .replace(/[^a-z0-9&' -]/g, ' ')
    .split(/\s+/)
    .map((w) => (w.includes("'") ? w.replace(/^'+|'+$/g, '').replace(/'s$/, '') : w));
  const words = all.filter(
    (w, i) =>
      isNameWord(w, extraFiller) ||
      // A soft filler stays when a name word follows (and, for "and"/"of", one precedes too).
      (SOFT_FILLER.has(w) &&
        isNameWord(all[i + 1], extraFiller) &&
        (!/^(and|&|of)$/.test(w) || isNameWord(all[i - 1], extraFiller))) ||
      // "first aid at work", "working at height": "at" inside the name, not a place.
      (w === 'at' && /^(work|height|heights)$/.test(all[i + 1] ?? '') && isNameWord(all[i - 1], extraFiller)),
  );
  const joined = words.join(' ').replace(/ & /g, ' and ').trim();
  return joined.length >= 2 ? joined.slice(0, 120) : undefined;
}

/** A word that can be part of a course name: not filler, not a bare number, ordinal or time. */
function isNameWord(w: string | undefined, extraFiller: Set<string> | undefined): boolean {
  return (
    w !== undefined &&
    (w.length > 1 || w === '&') &&
    !FILLER.has(w) &&
    !extraFiller?.has(w) &&
    !/^\d+(st|nd|rd|th|am|pm)?$/.test(w)
  );
}

type Slots = Record<string, unknown>;

/**
 * The slot readers every intent shares, over one message: methods rather than closures made
 * afresh for each parse (the parser runs on every message, so what it allocates counts).
 */
class SlotReader {
  readonly used: Span[] = [];
  readonly slots: Slots = {};
  constructor(
    private readonly text: string,
    readonly ctx: DateContext,
    /** The message as typed: a person's name keeps its capitals there. */
    private readonly raw: string,
  ) {}

  take<T extends Span>(found: T | undefined): T | undefined {
    if (found) this.used.push(found);
    return found;
  }

  dateSlot(key = 'when'): void {
    const found = this.take(mayHoldDate(this.text) ? findDate(this.text, this.ctx) : undefined);
    if (found) this.slots[key] = found.range;
  }

  refSlots(): void {
    if (findPronounRef(this.text)) this.slots.ref = 'it';
    const ordinal = findOrdinal(this.text);
    if (ordinal) {
      this.slots.ref = 'ordinal';
      this.slots.ordinal = ordinal;
    }
  }

  personSlot(): void {
    const person = this.take(findPerson(this.text, this.raw));
    if (person) this.slots.person = { kind: person.kind, ...(person.name ? { name: person.name } : {}) };
  }

  course(): void {
    const found = courseText(this.text, this.used);
    if (found && !(this.slots.ref === 'it' && /^(it|that|this)$/.test(found))) this.slots.course = found;
  }
}

/**
 * "My learning" narrowed by what the question asks, first rule that matches wins: "what
 * do I still need to complete" asks what is due, although it says "complete".
 */
const LEARNING_FILTERS: [RegExp, 'overdue' | 'in_progress' | 'due' | 'expiring' | 'completed'][] = [
  [
    /\b(overdue|late|behind|past due|past (?:its|the|their) (?:due|deadline)|missed the deadline)\b/,
    'overdue',
  ],
  // "haven't I done yet", "not done yet": nothing started, still to do.
  [/\b(haven'?t|have not|hasn'?t|not)(?: i| we| you)? (done|taken|started)(?: \w+)? yet\b/, 'due'],
  // "what do i need to get done by friday", "which must i still complete".
  [
    /\b(?:need to|have to|got to|must)(?: still)? (?:get (?:done|finished|completed)|complete|finish)\b/,
    'due',
  ],
  [
    /\b(haven'?t|have not|hasn'?t|not yet|but not|not)(?: i| we| you)? (finished|completed|done)\b|\bhalf ?way|\bpart ?way|\bin progress\b|\bin the middle of\b|\bunfinished\b|\bhalf[- ]done\b|\b(?:got|have|left) open\b|\bstarted but\b/,
    'in_progress',
  ],
  [
    /\b(still|yet) (need|have|got) to\b|\b(need|have|got) to (do|complete|finish|take)\b|\bstill (to do|outstanding)\b/,
    'due',
  ],
  [/\b(expir\w*|renew\w*|run(ning)? out|lapse|lapsing|in date|out of date)\b/, 'expiring'],
  [
    /\b(completed|done|finish|finished|complete|pass|passed|achieved|learn[et]d?|attended|taken|transcript|history)\b/,
    'completed',
  ],
  [/\b(started|through)\b/, 'in_progress'],
  [/\b(due|outstanding|to ?do|need to|have to|assigned|pending|left|mandatory|required)\b/, 'due'],
];

/** Words of a question about one's record that are never part of a course name. */
const LEARNING_WORDS = wordSet(
  "haven't hasn't have learning record transcript history mandatory required assigned outstanding left late behind modules renew renewal expire expires expiring expired lapse lapsed date cert certs certificate certificates qualifications progress anything everything stuff list",
);

function extractSlots(intent: IntentName, text: string, ctx: DateContext, raw: string): Slots {
  const r = new SlotReader(text, ctx, raw);
  const { used, slots } = r;

  switch (intent) {
    case 'join_waitlist':
      r.personSlot();
      r.dateSlot();
      r.refSlots();
      r.course();
      break;
    case 'find_sessions':
    case 'session_roster':
      r.dateSlot();
      r.refSlots();
      r.course();
      break;
    case 'book_session':
    case 'cancel_booking':
      r.personSlot();
      r.dateSlot();
      r.refSlots();
      r.course();
      break;
    case 'my_bookings':
      r.dateSlot();
      r.course();
      break;
    case 'my_learning': {
      const filter = LEARNING_FILTERS.find(([pattern]) => pattern.test(text))?.[1];
      if (filter) slots.filter = filter;
      const other =
        /\bwhat (?:has|have) ([a-z]+) (?:completed|done|finished|passed)\b|\b([a-z]+)'s (?:training|learning|record|progress|transcript|certificates?)\b/.exec(
          text,
        );
      const name = other?.[1] ?? other?.[2];
      if (name && !/^(i|we|you|my|me|team|everyone|what)$/.test(name)) {
        slots.person = { kind: 'name', name };
        used.push({ index: text.indexOf(name), length: name.length });
      }
      const course = courseText(text, used, LEARNING_WORDS);
      if (course) slots.course = course;
      break;
    }
    case 'launch_course':
      r.refSlots();
      r.course();
      break;
    case 'my_certificates': {
      const other =
        /\b([a-z]+)'s\s+(?:[a-z0-9-]+\s+){0,3}(?:certificates?|certs?)\b|\bcertificates?\s+(?:of|for)\s+([a-z]+)$|^(?:does|has|is)\s+([a-z]+)\s+(?:have|got|hold|holding)\b/.exec(
          text,
        );
      const name = other?.[1] ?? other?.[2] ?? other?.[3];
      if (
        name &&
        !/^(my|me|i|the|your|first|fire|forklift|gdpr|excel|anyone|everyone|someone|there)$/.test(name)
      ) {
        slots.person = { kind: 'name', name };
        const at = text.indexOf(name);
        used.push({ index: at, length: name.length + (text.startsWith("'s", at + name.length) ? 2 : 0) });
      }
      const course = courseText(text, used, CERTIFICATE_WORDS);
      if (course) slots.course = course;
      break;
    }
    case 'recommend': {
      const topic =
        /\b(?:better at|improving at|improve at|improve(?: my)?|improving(?: my)?|learn(?: more)? about|learn|develop(?: my)?|brush up(?: on)?(?: my)?)\s+([a-z][a-z ]{2,40}?)(?:\s+(?:skills?|training|courses?))?(?:,|$|\s+(?:what|any|pls|please|ideas|suggestions?))/.exec(
          text,
        ) ?? /\b(?:in|on|about|around|for)\s+([a-z][a-z ]{2,40}?)(?:\s+(?:training|courses?))?$/.exec(text);
      if (topic)
        slots.topic = topic[1]!.trim().replace(/\b[a-z]+ing\b/g, (verb) => TOPIC_NOUNS[verb] ?? verb);
      break;
    }
    case 'team_compliance': {
      const within = /\b(?:next|within|in)\s+(\d{1,3})\s+(days?|weeks?|months?)\b/.exec(text);
      if (within)
        slots.withinDays =
          Number(within[1]) * (within[2]!.startsWith('week') ? 7 : within[2]!.startsWith('month') ? 30 : 1);
      // "expired or expiring" asks about both: the coming ones are the wider answer.
      const filter =
        /\bexpiring\b/.test(text) || !OVERDUE_WORDS.test(text)
          ? EXPIRING_WORDS.test(text) || within
            ? 'expiring'
            : undefined
          : 'overdue';
      if (filter) slots.filter = filter;
      const team = findPerson(text);
      const found = courseText(text, team ? [team] : [], COMPLIANCE_WORDS);
      if (found) slots.course = found;
      break;
    }
    case 'nudge': {
      r.personSlot();
      const audience = /\b(overdue|late|behind)\b/.test(text)
        ? 'overdue'
        : /\b(expir\w*|lapsing|running out|runs out|run out|due for renewal)\b/.test(text)
          ? 'expiring'
          : /\b(them|those|these|they)\b/.test(text)
            ? 'them'
            : (slots.person as { kind?: string } | undefined)?.kind === 'team' ||
                /\b(everyone|everybody|all)\b/.test(text)
              ? 'team'
              : slots.person
                ? 'person'
                : undefined;
      if (audience) slots.audience = audience;
      const about = /\babout\s+(?:the\s+)?([a-z0-9 -]+?)(?:\s+(?:course|training))?$/.exec(text);
      if (about && !/^(it|that|this|their training|training|compliance)$/.test(about[1]!))
        slots.course = about[1]!;
      else if (audience !== 'them') {
        const course = courseText(text, used, NUDGE_WORDS);
        if (course) slots.course = course;
      }
      break;
    }
    case 'approve_request': {
      slots.decision =
        /\b(declin(?:e|ing)|reject(?:ing)?|deny(?:ing)?|refus(?:e|ing)|turn(?:ing)? down|say no|a no from|that'?s a no|it'?s a no)\b|\b(not|don't|do not|can't|cannot|won't) (approve|approved|sign off|ok|okay|allow)\b/.test(
          text,
        )
          ? 'decline'
          : 'approve';
      r.personSlot();
      if (findPronounRef(text)) slots.ref = 'it';
      else {
        const course = courseText(text, used, APPROVAL_WORDS);
        if (course) slots.course = course;
      }
      break;
    }
    case 'record_attendance': {
      r.personSlot();
      slots.status =
        /\b(nobody|no one|no-one) (missed|was absent|was missing)\b|\ball (present|here|there)\b|\bfull attendance\b/.test(
          text,
        )
          ? 'attended'
          : /\b(partial|partially|left early|left at|went home|headed off|arrived late|came late|turned up late|late|half|only stayed|only there)\b/.test(
                text,
              )
            ? 'partial'
            : /\b(no-show|no-showed|no show|noshow|dna|dna'd|didn'?t|did not|absent|missed|wasn'?t there|not there|never (came|showed|turned up|arrived|appeared)|off sick|sick|ill|away|on holiday)\b/.test(
                  text,
                )
              ? 'no_show'
              : /\b(attended|present|was there|were there|showed up|turned up|came|here)\b/.test(text)
                ? 'attended'
                : undefined;
      if (slots.status === undefined) delete slots.status;
      r.dateSlot();
      r.refSlots();
      if (!slots.ref) {
        const course = courseText(text, used, ATTENDANCE_WORDS);
        if (course) slots.course = course;
      }
      break;
    }
    case 'reschedule_session':
    case 'cancel_session': {
      // "… on 10 dec to 11 dec at 9am": the session is named before the last "to", the new date after it.
      const because =
        intent === 'cancel_session' ? /\b(?:because|as|due to|reason:?)\s+(.+)$/.exec(text) : null;
      if (because) slots.reason = because[1]!;
      // "push the 9th back a week": the shift is no date; the session's date is the one left.
      const head = (because ? text.slice(0, because.index).trim() : text).replace(SHIFT_BY, ' ');
      const split = intent === 'reschedule_session' ? /^(.*\S)\s+to\s+(.+)$/.exec(head) : null;
      const which = split ? split[1]! : head;
      const when = mayHoldDate(which) ? findDate(which, ctx) : undefined;
      if (when) slots.when = when.range;
      const to = split && mayHoldDate(split[2]!) ? findDate(split[2]!, ctx) : undefined;
      if (to) slots.to = to.range;
      if (findPronounRef(which)) slots.ref = 'it';
      const found = courseText(which, when ? [when] : [], SESSION_ADMIN_WORDS);
      if (found && !/^(it|that|this)$/.test(found)) slots.course = found;
      break;
    }
    case 'transfer_registration': {
      // "transfer sam brooks from first aid on 10 dec to the one on 17 dec": who, then where to.
      r.personSlot();
      const who =
        /^(?:please\s+)?(?:transfer|move|switch|shift)\s+([a-z][a-z'-]+(?:\s+[a-z][a-z'-]+)?)(?:'s\s+(?:booking|place|seat))?\s+(?:from|to|onto|into)\b/.exec(
          text,
        );
      if (!slots.person && who && !/^(me|my|myself|us|them|him|her|the|this|that|it)\b/.test(who[1]!))
        slots.person = { kind: 'name', name: who[1]!.replace(/'s$/, '') };
      const split = /^(.*\S)\s+(?:to|onto|into)\s+(.+)$/.exec(text);
      const head = split ? split[1]! : '';
      const target = split ? split[2]! : text;
      const from = mayHoldDate(head) ? findDate(head, ctx) : undefined;
      if (from) slots.from = from.range;
      const when = mayHoldDate(target) ? findDate(target, ctx) : undefined;
      if (when) slots.when = when.range;
      const found =
        courseText(target, when ? [when] : []) ?? courseText(head, [...used, ...(from ? [from] : [])]);
      if (found && !/^(one|it|that|this)$/.test(found)) slots.course = found;
      break;
    }
    case 'change_capacity': {
      // "cap manual handling at 9": a bare "at 9" here is the size, not a time.
      const dated = mayHoldDate(text) ? findDate(text, ctx) : undefined;
      const when = dated && /^at \d{1,2}$/.test(dated.range.text ?? '') ? undefined : dated;
      if (when) slots.when = when.range;
      const capacity = findCapacity(text) ?? numberAfterTo(text) ?? newSize(text, when);
      if (capacity !== undefined) slots.capacity = capacity;
      r.refSlots();
      const withoutNumber = text.replace(SIZE_WORDS, ' ');
      const found = courseText(withoutNumber, when ? [when] : [], CAPACITY_WORDS);
      if (found && !/^(it|that|this)$/.test(found)) slots.course = found;
      break;
    }
    case 'journey_progress': {
      // The words just before "journey", after the last little word: "... on my new starter journey".
      const words =
        /([a-z0-9' -]+?)\s+(?:journey|path|pathway)\b/.exec(text)?.[1] ??
        // "my project management programme", "the forklift licence thing": a journey by another name.
        /([a-z0-9' -]+?)\s+(?:programme|program)\b/.exec(text)?.[1] ??
        /([a-z0-9' -]+?\s+(?:licence|license))\b/.exec(text)?.[1];
      const before = words ? words.trim().split(/\s+/) : [];
      const stop = before.findLastIndex((w) =>
        /^(my|the|on|of|in|for|am|i|with|along|far|step|next)$/.test(w),
      );
      const named = before.slice(stop + 1).join(' ');
      if (named && !/^(learning|training|whole)$/.test(named)) slots.journey = named;
      if (/\b(book|start|do|take|launch|begin|open)\b.*\bnext step\b/.test(text)) slots.next = true;
      break;
    }
    case 'start_journey': {
      const named =
        /\b(?:start|begin|join|kick off|enrol me (?:on|onto|in)|enroll me (?:on|onto|in)|sign me up (?:for|to)|put me on|add me to|get me on)\s+(?:the\s+|my\s+|a\s+)?([a-z0-9' -]+?)\s+(?:journey|path|pathway|programme|program)\b/.exec(
          text,
        )?.[1];
      if (named && !/^(learning|training|new|a|the)$/.test(named)) slots.journey = named;
      break;
    }
    case 'assign_instructor':
      Object.assign(slots, instructorSlots(r, text, raw));
      break;
    case 'add_vendor':
      Object.assign(slots, vendorSlots(raw));
      break;
    case 'raise_purchase_order': {
      const money = r.take(findMoney(text));
      if (money) slots.money = { amount: money.amount, currency: money.currency };
      const category = findCostCategory(text);
      if (category) slots.category = category;
      Object.assign(slots, purchaseOrderSlots(raw));
      const course = purchaseOrderCourse(text, slots.vendor as string | undefined);
      if (course) slots.course = course;
      break;
    }
    case 'set_certificate_validity':
      Object.assign(slots, validitySlots(text));
      break;
    case 'schedule_sessions': {
      const recurrence = r.take(
        findRecurrence(text, (words) => {
          const d = findDate(words, ctx);
          return d ? d.range.from.slice(0, 10) : undefined;
        }),
      );
      if (recurrence) {
        const { index: _i, length: _l, ...rule } = recurrence;
        slots.recurrence = rule;
        // Drop the duration and "until …" words from what chrono and the course text see.
        for (const m of text.matchAll(
          /\bfor\s+\S+\s+(weeks?|sessions?|times|occurrences)\b|\buntil\s+[a-z0-9 ,/-]+?(?=\s+(?:in|at|with|for)\b|[,.]|$)|\b\d+\s+(times|occurrences)\b/g,
        ))
          used.push({ index: m.index, length: m[0].length });
      } else {
        r.dateSlot();
      }
      const times = findTimes(text);
      if (times.startTime) slots.startTime = times.startTime;
      if (times.endTime) slots.endTime = times.endTime;
      for (const m of text.matchAll(
        /\b(?:from\s+)?\d{1,2}(?::\d{2})?\s?(?:am|pm)?\s?(?:-|–|to|until|till)\s?\d{1,2}(?::\d{2})?\s?(?:am|pm)?\b|\b(?:at\s+)?\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|\bat\s+\d{1,2}:\d{2}\b/g,
      ))
        used.push({ index: m.index, length: m[0].length });
      const url = /\bhttps?:\/\/[^\s<>"')]+/i.exec(raw);
      if (url) slots.meetingUrl = url[0].replace(/[.,;!?]+$/, '');
      for (const m of text.matchAll(
        /\bhttps?:\/\/\S+|\b(?:online|virtual(?:ly)?|remote(?:ly)?|on (?:teams|zoom|google meet|webex)|webinar|video call)\b/g,
      )) {
        slots.online = true;
        used.push({ index: m.index, length: m[0].length });
      }
      const noVenue = /\b(?:no venue|without a venue|no room|venue not needed|no need for a venue)\b/.exec(
        text,
      );
      if (noVenue) {
        slots.noVenue = true;
        used.push({ index: noVenue.index, length: noVenue[0].length });
      }
      const venue = findVenue(text);
      if (venue) {
        slots.venue = venue;
        const at = text.indexOf(venue);
        used.push({ index: at, length: venue.length });
      }
      const instructors = findInstructors(text);
      if (instructors) {
        slots.instructors = instructors;
        const m = /\bwith\s+[a-z][a-z'-]+(?:\s*(?:,|and|&)\s*[a-z][a-z'-]+)*/.exec(text);
        if (m) used.push({ index: m.index, length: m[0].length });
      }
      const capacity = findCapacity(text);
      if (capacity) slots.capacity = capacity;
      for (const m of text.matchAll(
        /\b\d{1,4}\s*(?:seats?|places?|spaces?|spots?|people|learners|attendees|participants|delegates)\b|\b(?:capacity|max(?:imum)?|cap)\s*(?:of\s*)?\d{1,4}\b/g,
      ))
        used.push({ index: m.index, length: m[0].length });
      r.course();
      break;
    }
    case 'add_cost': {
      const money = r.take(findMoney(text));
      if (money) slots.money = { amount: money.amount, currency: money.currency };
      const category = findCostCategory(text);
      if (category) slots.category = category;
      const vendor =
        /\b(?:from|to|by|vendor|supplier)\s+([a-z][a-z&' ]+?(?:ltd|limited|inc|llc|catering|training|co))\b/.exec(
          text,
        );
      if (vendor) slots.vendor = vendor[1]!;
      r.refSlots();
      r.dateSlot();
      if (!slots.ref) {
        const onCourse = /\b(?:to|for|on)\s+(?:the\s+)?(.+?)\s+(?:session|course|class)\b/.exec(text);
        const course = onCourse
          ? (courseText(onCourse[1]!, []) ?? onCourse[1]!)
          : courseText(text, used, COST_WORDS);
        if (course) slots.course = course;
      }
      break;
    }
    case 'report': {
      slots.kind =
        /\b(scorm|e-?learning) (report|attempts?|results?|scores?)\b|\battempts? (report|csv|export|data)\b|\b(report|export|csv) (on|of) (the )?attempts\b|\binteractions?\b/.test(
          text,
        )
          ? 'scorm_attempts'
          : /\b(cost|costs|spent|spend|spending) per (learner|head|person|attendee|delegate)\b/.test(text)
            ? 'cost_per_learner'
            : /\bcomplian/.test(text)
              ? 'compliance'
              : /\b(attendance|attended|no-shows?|turnout|registrations|fill rate|full|busy|fill)\b/.test(
                    text,
                  )
                ? 'attendance'
                : /\b(expir\w*|renewals?|running out|run out|lapsing)\b/.test(text)
                  ? 'expiring'
                  : /\b(costs?|spend|spent|budget|money)\b/.test(text)
                    ? 'costs'
                    : /\b(completions?|completed|completion rate)\b/.test(text)
                      ? 'completions'
                      : undefined;
      if (slots.kind === undefined) delete slots.kind;
      slots.format = /\b(csv|spreadsheet|excel file|export)\b/.test(text)
        ? 'csv'
        : /\b(chart|graph|plot|visual|png)\b/.test(text)
          ? 'chart'
          : /\bpdf\b/.test(text)
            ? 'pdf'
            : 'table';
      const dept =
        /\b(?:for|in|of|by)\s+(?:the\s+)?(operations|ops|sales|engineering|people (?:&|and) culture|people|hr|finance|warehouse)\b/.exec(
          text,
        );
      const named =
        dept ??
        /^(?:the\s+)?(operations|ops|sales|engineering|finance|hr|warehouse)\b(?:\s+(?:dept|department|team))?/.exec(
          text,
        ) ??
        /\b(operations|ops|sales|engineering|finance|hr|warehouse)\s+(?:dept|department|team)\b/.exec(text);
      if (named) slots.department = named[1] === 'ops' ? 'operations' : named[1]!;
      // Reports look back: "in November" on 28 November is this November, not next year's.
      {
        const found = r.take(mayHoldDate(text) ? findDate(text, { ...ctx, prefer: 'past' }) : undefined);
        if (found) slots.period = found.range;
      }
      const programme = /\b(?:for|on)\s+(?:the\s+)?([a-z0-9 -]+?)\s+(?:programme|program|course)\b/.exec(
        text,
      );
      if (programme) slots.course = programme[1]!;
      else if (slots.kind && slots.kind !== 'scorm_attempts') {
        const course = reportCourse(text, used, named);
        if (course) slots.course = course;
      } else if (slots.kind === 'scorm_attempts') {
        // "attempts report for gdpr as csv": the course is what follows "for"/"on"/"of".
        const named =
          /\b(?:for|on|of|in)\s+(?:the\s+)?([a-z0-9 &'-]+?)(?:\s+(?:as|in)\s+(?:a\s+)?(?:csv|spreadsheet|table|chart|pdf)\b|\s+(?:course|module|e-?learning)\b|$)/.exec(
            text.replace(/\battempts?\b/, ''),
          );
        const course = named && courseText(named[1]!, [], REPORT_WORDS);
        if (course) slots.course = course;
      }
      break;
    }
    case 'help': {
      const topic = /\b(?:with|about|on)\s+([a-z ]{3,40})$/.exec(text);
      if (topic) slots.topic = topic[1]!.trim();
      break;
    }
  }
  return slots;
}

/** Words of a report request around its course that are never part of the course name. */
const REPORT_COURSE_WORDS = wordSet(
  'report reports cost costs spend spent spending per learner learners head heads person attendee attendees ' +
    'delegate delegates completion completions completed numbers number figures stats statistics rate rates ' +
    'attendance attended turnout registrations registration fill full busy no-shows no-show compliance expiring ' +
    'renewals board pack csv spreadsheet excel-file table chart graph pdf our dept department team vs versus ' +
    'sales operations ops engineering finance hr warehouse people culture budget money total totals breakdown ' +
    'q1 q2 q3 q4 h1 h2 ytd fy download downloadable could can please send email give quarter month year week',
);

/**
 * The course a report is about, only where the wording places one: after "for"/"on" ("cost per
 * learner for leadership", "completions for fire safety in january") or just before the
 * figures ("the gdpr completion numbers"). A report with a stray course shows nothing, so a
 * course is read nowhere else.
 */
function reportCourse(text: string, used: Span[], department: RegExpExecArray | null): string | undefined {
  const spans = department ? [...used, { index: department.index, length: department[0].length }] : used;
  let rest = text;
  for (const span of [...spans].sort((a, b) => b.index - a.index))
    rest = `${rest.slice(0, span.index)} ${rest.slice(span.index + span.length)}`;
  const after =
    /\b(?:for|on)\s+(?:the\s+)?(.+?)(?:\s+(?:in|during|over|as|this|last|so far|for)\b|[,.;]|$)/.exec(rest);
  const before =
    /(?:^|\b(?:the|our|my)\s+)([a-z0-9 &'-]+?)\s+(?:completion|completions|attendance|cost|costs|spend|compliance)\s+(?:numbers|figures|stats|rate|rates|report|data|totals)\b/.exec(
      rest,
    );
  for (const found of [after, before]) {
    const course = found && courseText(found[1]!, [], REPORT_COURSE_WORDS);
    if (course) return course;
  }
  return undefined;
}

/** A name of one or two words, as people type them in chat. */
const NAME = "[a-z][a-z'-]+(?:\\s+[a-z][a-z'-]+)?";
const NOT_A_NAME =
  /^(me|my|myself|us|them|him|her|the|this|that|it|a|an|someone|somebody|trainer|instructor)\b/;

/** "replace lee with dana on first aid on 10 dec", "dana will teach first aid instead of lee". */
function instructorSlots(r: SlotReader, text: string, raw: string): Slots {
  const slots: Slots = {};
  const swap = new RegExp(`\\breplace\\s+(${NAME})\\s+(?:with|by)\\s+(${NAME})\\s+(?:on|for|at|in)\\b`).exec(
    text,
  );
  const cover = new RegExp(
    `^(${NAME})\\s+(?:will cover|is covering|covers|stands in|will stand in|is standing in)\\s+for\\s+(${NAME})\\s+(?:on|at|for|in)\\b`,
  ).exec(text);
  const instead = new RegExp(`\\b(?:instead of|in place of|covering for|to cover for)\\s+(${NAME})`).exec(
    text,
  );
  const swapTo = new RegExp(`\\b(?:instructor|trainer|teacher|facilitator)\\b.*\\bto\\s+(${NAME})$`).exec(
    text,
  );
  if (swap) {
    slots.replaces = swap[1]!;
    slots.person = { kind: 'name', name: swap[2]! };
    r.used.push({ index: swap.index, length: swap[0].length - 3 });
  } else if (cover) {
    slots.person = { kind: 'name', name: cover[1]! };
    slots.replaces = cover[2]!;
    r.used.push({ index: cover.index, length: cover[0].length - 3 });
  } else {
    if (instead) {
      slots.replaces = instead[1]!;
      r.used.push({ index: instead.index, length: instead[0].length });
    }
    const person = r.take(findPerson(text, raw));
    if (person?.kind === 'name' && person.name) slots.person = { kind: 'name', name: person.name };
    const named =
      new RegExp(
        `^(${NAME})\\s+(?:will|should|is going to|can|to)\\s+(?:teach|deliver|run|lead|facilitate|take)\\b`,
      ).exec(text) ??
      // "jo's running manual handling now", "ben is taking over forklift".
      /^([a-z][a-z-]+)(?:'s| is)\s+(?:now\s+)?(?:teaching|delivering|running|leading|facilitating|taking over|covering|doing)\b/.exec(
        text,
      ) ??
      (/\b(?:replace|swap|switch|change)\b/.test(text)
        ? new RegExp(`\\bwith\\s+(${NAME})$`).exec(text)
        : null);
    const after =
      new RegExp(`\\b(?:is|should be|be|preferably|ideally|maybe|perhaps|use|get|ask)\\s+(${NAME})$`).exec(
        text,
      ) ??
      // "instructor for the forklift practical: kwame".
      new RegExp(`\\b(?:instructor|trainer|facilitator|teacher)\\b[^:]*:\\s*(${NAME})$`).exec(text) ??
      (/\b(?:change|swap|switch|replace)\b/.test(text) ? swapTo : null);
    const wanted = new RegExp(
      `\\b(?:like|want|get|have|ask|need)\\s+(${NAME})\\s+to\\s+(?:teach|deliver|run|lead|facilitate|take|cover)\\b`,
    ).exec(text);
    const found = named ?? wanted ?? after;
    if (!slots.person && found && !NOT_A_NAME.test(found[1]!)) {
      slots.person = { kind: 'name', name: found[1]! };
      r.used.push({ index: found.index + found[0].indexOf(found[1]!), length: found[1]!.length });
    }
  }
  const when = r.take(mayHoldDate(text) ? findDate(text, r.ctx) : undefined);
  if (when) slots.when = when.range;
  if (findPronounRef(text)) slots.ref = 'it';
  const names = [slots.replaces, (slots.person as { name?: string } | undefined)?.name].filter(
    Boolean,
  ) as string[];
  const course = courseText(
    text,
    r.used,
    new Set([...INSTRUCTOR_WORDS, ...names.flatMap((n) => n.split(/\s+/))]),
  );
  if (course && !/^(it|that|this)$/.test(course)) slots.course = course;
  return slots;
}

const INSTRUCTOR_WORDS = (
  'teach teaches teaching trainer trainers instructor instructors facilitator facilitate deliver run lead co-trainer ' +
  'co-instructor second assign allocate replace instead place cover covering covers stands stand swap change will ' +
  'should going be give make let like want preferably ideally maybe perhaps'
).split(' ');

/** The vendor's name as typed (case kept): "add Acme Training as a supplier", "new vendor: Red Cross Ltd". */
function vendorSlots(raw: string): Slots {
  const slots: Slots = {};
  const email = /[^\s@<>,;]+@[^\s@<>,;]+\.[a-z]{2,}/i.exec(raw);
  if (email) slots.email = email[0];
  const text = (email ? raw.replace(email[0], ' ') : raw).replace(/\s+/g, ' ').trim();
  const end = '(?=\\s*(?:[,.;!?(]|\\s(?:as|with|email|e-mail|at|please|thanks|to the)\\b|$))';
  const patterns = [
    new RegExp(`\\b(?:called|named)\\s+(.+?)${end}`, 'i'),
    /\b(?:vendor|supplier|provider|caterer)s?\s*:\s*(.+?)(?=\s*(?:[,;!?(]|$))/i,
    /^(?:please\s+|can you\s+|could you\s+)?(?:add|onboard|register|create|set up|save)\s+(.+?)\s+as\s+(?:a|an|our)\s+(?:new\s+)?(?:supplier|vendor|provider|training provider|caterer)\b/i,
    /\b(?:supplier|vendor|provider|caterer)\s*,\s*(.+?)(?=\s*(?:[.;!?(]|$))/i,
    /^(.+?)\s+is\s+(?:a|our)\s+new\s+(?:supplier|vendor|provider|caterer)\b/i,
    /\b(?:new\s+(?:vendor|supplier|provider|caterer))\s+(?!called|named)(.+?)(?=\s*(?:[,.;!?(]|$))/i,
    /\bwe(?:'re| are)? (?:now )?(?:use|using|will use)\s+(.+?)(?=\s*(?:[,.;!?(]|\s(?:now|as)\b|$))/i,
  ];
  for (const pattern of patterns) {
    const name = pattern
      .exec(text)?.[1]
      ?.replace(/^["'“]|["'”]$/g, '')
      .trim();
    if (name && name.length >= 2 && !/^(a|an|the|them|it|new|one)( |$)/i.test(name)) {
      slots.vendor = name.slice(0, 80);
      break;
    }
  }
  return slots;
}

/** "raise PO-4501 for £2,000 to Acme Training": the PO number and the vendor, as typed. */
function purchaseOrderSlots(raw: string): Slots {
  const slots: Slots = {};
  const number =
    /\b(po-\d[\w/-]{0,30})/i.exec(raw) ??
    /\b(?:po|purchase order)(?:\s*(?:number|no\.?|#|:))?\s*#?\s*((?:po-?)?\d[\w/-]{0,30})/i.exec(raw) ??
    /\b(?:number|no\.?|#)\s*((?:po-?)?[a-z]{0,4}-?\d[\w/-]{0,30})/i.exec(raw);
  if (number) slots.number = number[1]!.toUpperCase();
  const vendor =
    /\b(?:to|from|with|vendor|supplier|payable to)\s+(?!the\b|a\b|me\b|us\b)([a-z0-9][\w&'.-]*(?:\s+(?!for\b|of\b|on\b|please\b|thanks\b|at\b)[\w&'.-]+){0,3})/i.exec(
      raw,
    ) ?? /\bfor\s+([A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,3})/.exec(raw);
  if (vendor && !/^\d/.test(vendor[1]!)) slots.vendor = vendor[1]!.replace(/[.,!?]+$/, '');
  return slots;
}

/**
 * The course a purchase order pays for: "for the first aid trainer", "for fire safety
 * delivery", "for next year's gdpr sessions". The vendor's own words are left out.
 */
function purchaseOrderCourse(text: string, vendor: string | undefined): string | undefined {
  const withoutVendor = vendor ? text.replace(vendor.toLowerCase(), ' ') : text;
  const named =
    /\bfor\s+(?:the\s+|our\s+|next year's\s+|this year's\s+)?([a-z0-9][a-z0-9 &'-]*?)\s+(?:trainer|facilitator|instructor|delivery|training|course|sessions?|workshops?|vendor|supplier|provider|programme|program)\b/.exec(
      withoutVendor,
    );
  const found = named ? courseText(named[1]!, [], PURCHASE_WORDS) : undefined;
  return found && !/^(it|that|this|a|an|new)$/.test(found) ? found : undefined;
}

const PURCHASE_WORDS = wordSet(
  'po purchase order orders raise raising raised create generate open set up need pls please against to from vendor supplier',
);

/** "valid for 3 years", "expire after 18 months", "never expire": months, or no expiry. */
function validitySlots(text: string): Slots {
  const slots: Slots = {};
  const used: Span[] = [];
  const years = /\b(\d{1,3}|one|two|three|four|five|six|ten)\s*(?:years?|yrs?)\b/.exec(text);
  const months = /\b(\d{1,4})\s*(?:months?|mths?|mo)\b/.exec(text);
  const count = wordNumber;
  if (months) {
    slots.months = count(months[1]!);
    used.push({ index: months.index, length: months[0].length });
  } else if (years) {
    slots.months = count(years[1]!) * 12;
    used.push({ index: years.index, length: years[0].length });
  } else if (
    /\b(never (?:expire|expires|lapse)|no expiry|without (?:an )?expiry|don'?t expire|doesn'?t expire|do not expire|does not expire|indefinitely|forever|remove the expiry|drop the expiry|take off the expiry)\b/.test(
      text,
    )
  )
    slots.noExpiry = true;
  const course = courseText(text, used, VALIDITY_WORDS);
  if (course) slots.course = course;
  return slots;
}

const VALIDITY_WORDS = wordSet(
  'valid validity expire expires expiry expiring lapse lapses last lasts never forever indefinitely renew renewal renewing ' +
    'recertification recertify recertifying redoing redo refresher change set make should after every how long ' +
    'certification cert certs certificate certificates remove drop take update without',
);

/**
 * Loads the intent model and the language detector now instead of on the first message: call
 * at start-up so nobody's first question waits for them. Each is a few hundred milliseconds
 * of the event loop, so they load one after the other with requests answered in between.
 */
export async function warmUpParser(): Promise<void> {
  const between = () => new Promise((resolve) => setImmediate(resolve));
  intentModel(normalise);
  await between();
  detectAll('warm up the language detector');
}
