/**
 * Dates and times in the person's own zone, relative to an injected clock. chrono-node reads
 * the words; we hand it the person's wall clock (as a UTC-labelled instant with offset 0) so
 * "tomorrow" means tomorrow where they are, whatever zone the server runs in, and turn the
 * components it finds back into instants with the zone's real offset (DST included).
 */
import * as chrono from 'chrono-node';
import { fromLocal as fromLocalUncached, toLocal as toLocalUncached } from '../../shared/time.ts';
import type { DateRange } from './intents.ts';

/**
 * Zone conversions go through Intl and cost microseconds each; a parse makes several for the
 * same few days, so they are remembered (bounded, cleared when full).
 */
const MAX_CACHED = 10_000;
const toLocalCache = new Map<string, ReturnType<typeof toLocalUncached>>();
const fromLocalCache = new Map<string, Date>();

function toLocal(instant: Date, zone: string): ReturnType<typeof toLocalUncached> {
  const key = `${instant.getTime()}|${zone}`;
  let local = toLocalCache.get(key);
  if (!local) {
    if (toLocalCache.size >= MAX_CACHED) toLocalCache.clear();
    local = toLocalUncached(instant, zone);
    toLocalCache.set(key, local);
  }
  return local;
}

function fromLocal(local: Parameters<typeof fromLocalUncached>[0], zone: string): Date {
  const key = `${local.year}-${local.month}-${local.day}T${local.hour}:${local.minute}|${zone}`;
  let instant = fromLocalCache.get(key);
  if (!instant) {
    if (fromLocalCache.size >= MAX_CACHED) fromLocalCache.clear();
    instant = fromLocalUncached(local, zone);
    fromLocalCache.set(key, instant);
  }
  return new Date(instant.getTime());
}

export interface DateContext {
  now: Date;
  timeZone: string;
  /**
   * Which way an undated month or weekday points. Requests look ahead ("Dec 10" in late
   * November is this year's); reports look back ("in November" is the one just gone).
   */
  prefer?: 'future' | 'past';
}

export interface FoundDate {
  range: DateRange;
  /** Where the date words were, so the course text can leave them out. */
  index: number;
  length: number;
}

/** Zones whose people write 3/12 as 3 December; America writes it as March 12. */
const monthFirstZones = /^(America\/|US\/|Pacific\/Honolulu)/;

const PARTS_OF_DAY: Record<string, [number, number]> = {
  morning: [6, 12],
  afternoon: [12, 17],
  evening: [17, 23],
  tonight: [17, 23],
};

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const NUMBER_WORDS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/**
 * Cheap test run before chrono: most messages name no date or time, and chrono is the
 * slowest step of a parse. A false positive only costs the chrono call.
 */
const DATE_WORDS = new RegExp(
  `\\b(?:${MONTHS}|today|tonight|tomorrow|yesterday|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?|weeks?|weekend|fortnight|months?|quarter|years?|noon|midday|midnight|morning|afternoon|evening|half|christmas|new year|end of)\\b`,
);
/** Digits that can be part of a date or time ("3rd", "9am", "9:30", "4/12", "at 9", "2027"); not "£400" or "12 seats". */
const DATE_DIGITS =
  /\d(?:st|nd|rd|th)\b|\d\s?(?:am|pm)\b|\d[:.]\d\d\b|\d\/\d|\b(?:at|from|by|until|till|on|for) \d|\b(?:19|20)\d\d\b|\d\s?-\s?\d/;
export function mayHoldDate(text: string): boolean {
  return DATE_WORDS.test(text) || DATE_DIGITS.test(text);
}

/**
 * Rewrites what chrono misreads or does not know: "Dec 10" (which en-GB reads as December
 * 2010) becomes "10 Dec"; "9.30" becomes "9:30"; "half nine" becomes "9:30". Lengths can
 * change, so spans found after this are mapped back to the original text by `findDate`.
 */
export function rewriteForChrono(text: string): string {
  return text
    .replace(MONTH_COMMA_COUNT, '$1;')
    .replace(DAY_MONTH_HOURS, '$1 $2:00-$3:00')
    .replace(MONTH_DAY, '$2 $1')
    .replace(DOTTED_TIME, '$1:$2')
    .replace(HALF_HOUR, (_, h: string) => {
      const word = NUMBER_WORDS.indexOf(h.toLowerCase());
      return `${word >= 0 ? word + 1 : Number(h)}:30`;
    })
    .replace(/\bmidday\b/gi, 'noon');
}

/** "19 January, 14 places": a count after the comma, never a two-digit year. */
const MONTH_COMMA_COUNT = new RegExp(
  `\\b(${MONTHS}),(?=\\s+\\d{1,3}\\s+(?:places?|seats?|spaces?|people|learners|attendees|delegates|max)\\b)`,
  'gi',
);

/** "14 december 10-12": after a day and a month, "10-12" is hours (chrono would read a year). */
const DAY_MONTH_HOURS = new RegExp(
  `\\b(\\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS})) ([01]?\\d|2[0-3])\\s?-\\s?([01]?\\d|2[0-3])\\b(?![\\d/:.-])`,
  'gi',
);

const MONTH_DAY = new RegExp(
  `\\b(${MONTHS})\\.? (\\d{1,2})(st|nd|rd|th)?\\b(?!\\s*(?::|am|pm|\\.\\d|,?\\s*\\d{4}))`,
  'gi',
);
const DOTTED_TIME =
  /(?<![£$€\d.,])\b([01]?\d|2[0-3])\.([0-5]\d)\b(?!\s*(?:k\b|gbp|usd|eur|pounds?|quid|dollars?|euros?))/gi;
const HALF_HOUR = new RegExp(`\\bhalf (?:past )?(${NUMBER_WORDS.join('|')}|\\d{1,2})\\b`, 'gi');

export function findDate(text: string, ctx: DateContext): FoundDate | undefined {
  const special = findPeriod(text, ctx) ?? findSpan(text, ctx);
  if (special) return special;
  const rewritten = rewriteForChrono(text);
  if (rewritten !== text) {
    const found = findChronoDate(rewritten, ctx);
    // The rewrite moved words about: the span is the whole stretch from the first to the last change.
    if (found) return { ...found, ...originalSpan(text, rewritten, found) };
    return dayOfMonth(text, ctx);
  }
  return findChronoDate(text, ctx);
}

/** Maps a span in the rewritten text back onto the original (same prefix, same suffix). */
function originalSpan(original: string, rewritten: string, found: Span): Span {
  let head = 0;
  while (head < original.length && original[head] === rewritten[head]) head++;
  let tail = 0;
  while (
    tail < original.length - head &&
    original[original.length - 1 - tail] === rewritten[rewritten.length - 1 - tail]
  )
    tail++;
  const index = Math.min(found.index, head);
  const endInRewritten = found.index + found.length;
  const end = Math.max(original.length - (rewritten.length - endInRewritten), original.length - tail);
  return { index, length: Math.max(0, Math.min(original.length, end) - index) };
}

interface Span {
  index: number;
  length: number;
}

function findChronoDate(text: string, ctx: DateContext): FoundDate | undefined {
  const wall = toLocal(ctx.now, ctx.timeZone);
  const reference = {
    instant: new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute)),
    timezone: 0,
  };
  const parser = monthFirstZones.test(ctx.timeZone) ? chrono.en.casual : chrono.en.GB;
  // "first aid" is a course, never "the first" of a month ("19 dec first aid"); same length, so spans hold.
  const results = parser
    .parse(text.replace(FIRST_AID, 'xxxxx'), reference, { forwardDate: ctx.prefer !== 'past' })
    .filter((r) => !isFalseDate(r.text));
  // "the 9am fire safety session on friday": the day-bearing result wins over a bare time.
  const result =
    results.find(
      (r) => r.start.isCertain('day') || r.start.isCertain('weekday') || r.start.isCertain('month'),
    ) ?? results[0];
  if (!result) return dayOfMonth(text, ctx);
  if (!result.start.isCertain('day') && result.start.isCertain('weekday')) {
    // "monday the 7th": chrono stops at the weekday; the day of the month is the date meant.
    const end = result.index + result.text.length;
    const ordinal = /^,?\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b/.exec(text.slice(end));
    const day = ordinal && dayOfMonth(`the ${ordinal[1]}th`, ctx);
    if (day) return { ...day, index: result.index, length: end - result.index + ordinal[0].length };
  }
  const dated =
    result.start.isCertain('day') || result.start.isCertain('weekday') || result.start.isCertain('month');
  if (!dated && result.start.isCertain('hour')) {
    // "on the 10th at 9am": chrono reads only the time; the day comes from "the 10th".
    const day = dayOfMonth(text, ctx);
    if (day) return withTime(day, result.start.get('hour')!, result.start.get('minute') ?? 0, ctx.timeZone);
  }
  const s = result.start;
  const ymd = { year: s.get('year')!, month: s.get('month')!, day: s.get('day')! };
  const zone = ctx.timeZone;
  const dayStart = (y: { year: number; month: number; day: number }, plus = 0) => {
    const d = new Date(Date.UTC(y.year, y.month - 1, y.day + plus));
    return fromLocal(
      { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0 },
      zone,
    );
  };
  let from: Date;
  let to: Date;
  let hasTime = false;
  const partOfDay = /\b(morning|afternoon|evening|tonight)\b/.exec(result.text)?.[1];
  if (s.isCertain('hour')) {
    hasTime = true;
    from = fromLocal({ ...ymd, hour: s.get('hour')!, minute: s.get('minute') ?? 0 }, zone);
    const e = result.end;
    to = e
      ? fromLocal(
          {
            year: e.get('year')!,
            month: e.get('month')!,
            day: e.get('day')!,
            hour: e.get('hour')!,
            minute: e.get('minute') ?? 0,
          },
          zone,
        )
      : new Date(from.getTime() + 60 * 60_000);
  } else if (partOfDay) {
    const [h1, h2] = PARTS_OF_DAY[partOfDay]!;
    from = fromLocal({ ...ymd, hour: h1, minute: 0 }, zone);
    to = fromLocal({ ...ymd, hour: h2, minute: 0 }, zone);
    hasTime = true;
  } else if (
    !s.isCertain('day') &&
    s.isCertain('month') &&
    !/\bweekday\b/.test(result.text) &&
    !s.isCertain('weekday')
  ) {
    // "in December": the whole month.
    from = dayStart({ ...ymd, day: 1 });
    to = dayStart({ year: ymd.year, month: ymd.month + 1, day: 1 });
  } else {
    from = dayStart(ymd);
    const e = result.end;
    to = e
      ? dayStart({ year: e.get('year')!, month: e.get('month')!, day: e.get('day')! }, 1)
      : dayStart(ymd, 1);
  }
  return {
    range: { from: from.toISOString(), to: to.toISOString(), hasTime, text: result.text },
    index: result.index,
    length: result.text.length,
  };
}

/** Masked before chrono reads a text. */
const FIRST_AID = /\bfirst(?= aid\b)/g;

/** chrono reads "4 weeks" (a duration in "for 4 weeks") as a date; those are not dates here. */
function isFalseDate(text: string): boolean {
  // "30y" is a validity in years and "ex-201 a" a course code, not a year and a time.
  // "can take eighteen now": "now" is when a change applies, never a date asked about.
  return (
    /^\d+\s*(weeks?|days?|months?|times?|y|a)$/.test(text.trim()) ||
    /^(for|every)\b/.test(text.trim()) ||
    /^(?:right )?now$/.test(text.trim()) ||
    // "in an hour", "under 30 minutes": how long a course takes, not when.
    /^(?:in |under |within )?(?:a|an|one|\d+)\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?)$/.test(
      text.trim(),
    ) ||
    /^(?:a |the )?second$/.test(text.trim())
  );
}

/** Whole weeks, months, quarters and years ("next month", "this quarter", "last week"). */
function findPeriod(text: string, ctx: DateContext): FoundDate | undefined {
  const m =
    /\b(this|next|last|previous|past|coming)\s+(week|month|quarter|year)\b/.exec(text) ??
    /\b(the\s+)?(next|past|last)\s+(\d{1,3})\s+(days?|weeks?|months?)\b/.exec(text);
  if (!m) return undefined;
  const zone = ctx.timeZone;
  const wall = toLocal(ctx.now, zone);
  const at = (y: number, mo: number, d: number) => {
    const u = new Date(Date.UTC(y, mo - 1, d));
    return fromLocal(
      { year: u.getUTCFullYear(), month: u.getUTCMonth() + 1, day: u.getUTCDate(), hour: 0, minute: 0 },
      zone,
    );
  };
  let from: Date;
  let to: Date;
  if (m.length === 3) {
    const which = m[1] === 'this' ? 0 : m[1] === 'last' || m[1] === 'previous' || m[1] === 'past' ? -1 : 1;
    const unit = m[2]!;
    if (unit === 'week') {
      const mondayOffset = (wall.weekday + 6) % 7;
      from = at(wall.year, wall.month, wall.day - mondayOffset + 7 * which);
      to = at(wall.year, wall.month, wall.day - mondayOffset + 7 * which + 7);
    } else if (unit === 'month') {
      from = at(wall.year, wall.month + which, 1);
      to = at(wall.year, wall.month + which + 1, 1);
    } else if (unit === 'quarter') {
      const q = Math.floor((wall.month - 1) / 3) + which;
      from = at(wall.year, q * 3 + 1, 1);
      to = at(wall.year, q * 3 + 4, 1);
    } else {
      from = at(wall.year + which, 1, 1);
      to = at(wall.year + which + 1, 1, 1);
    }
  } else {
    const n = Number(m[3]);
    const unit = m[4]!.replace(/s$/, '');
    const days = unit === 'day' ? n : unit === 'week' ? n * 7 : n * 30;
    const forward = m[2] === 'next';
    from = forward ? ctx.now : at(wall.year, wall.month, wall.day - days);
    to = forward ? at(wall.year, wall.month, wall.day + days + 1) : ctx.now;
  }
  return {
    range: { from: from.toISOString(), to: to.toISOString(), hasTime: false, text: m[0] },
    index: m.index,
    length: m[0].length,
  };
}

/**
 * Forms chrono does not read as we mean them: "the week after next" (Monday to Monday),
 * "end of the month" (its last day), "between the 3rd and the 10th" (both days included).
 */
function findSpan(text: string, ctx: DateContext): FoundDate | undefined {
  if (!/\b(week after next|end of|between|from the)\b/.test(text)) return undefined;
  const zone = ctx.timeZone;
  const wall = toLocal(ctx.now, zone);
  const at = (y: number, mo: number, d: number) => {
    const u = new Date(Date.UTC(y, mo - 1, d));
    return fromLocal(
      { year: u.getUTCFullYear(), month: u.getUTCMonth() + 1, day: u.getUTCDate(), hour: 0, minute: 0 },
      zone,
    );
  };
  const found = (from: Date, to: Date, m: RegExpExecArray): FoundDate => ({
    range: { from: from.toISOString(), to: to.toISOString(), hasTime: false, text: m[0] },
    index: m.index,
    length: m[0].length,
  });
  let m = /\b(?:in )?the week after next\b/.exec(text);
  if (m) {
    const monday = wall.day - ((wall.weekday + 6) % 7);
    return found(at(wall.year, wall.month, monday + 14), at(wall.year, wall.month, monday + 21), m);
  }
  m = /\b(?:at |by |for )?(?:the )?end of (?:the |this )?month\b/.exec(text);
  if (m) {
    const last = new Date(Date.UTC(wall.year, wall.month, 0)).getUTCDate();
    return found(at(wall.year, wall.month, last), at(wall.year, wall.month, last + 1), m);
  }
  m =
    /\b(?:between|from) the (\d{1,2})(?:st|nd|rd|th)? (?:and|to|till|until|-) the (\d{1,2})(?:st|nd|rd|th)?\b/.exec(
      text,
    );
  if (m) {
    const first = Number(m[1]);
    const last = Number(m[2]);
    if (first >= 1 && last <= 31 && first <= last) {
      // The next such stretch: this month unless its first day has passed.
      const month = first >= wall.day ? wall.month : wall.month + 1;
      return found(at(wall.year, month, first), at(wall.year, month, last + 1), m);
    }
  }
  return undefined;
}

function withTime(day: FoundDate, hour: number, minute: number, zone: string): FoundDate {
  const local = toLocal(new Date(day.range.from), zone);
  const from = fromLocal({ year: local.year, month: local.month, day: local.day, hour, minute }, zone);
  return {
    ...day,
    range: {
      ...day.range,
      from: from.toISOString(),
      to: new Date(from.getTime() + 3_600_000).toISOString(),
      hasTime: true,
    },
  };
}

/** "on the 3rd": the next date with that day of the month (chrono leaves bare ordinals alone). */
function dayOfMonth(text: string, ctx: DateContext): FoundDate | undefined {
  const m = /\bthe (\d{1,2})(?:st|nd|rd|th)\b/.exec(text);
  if (!m) return undefined;
  const day = Number(m[1]);
  if (day < 1 || day > 31) return undefined;
  const wall = toLocal(ctx.now, ctx.timeZone);
  const month = day >= wall.day ? wall.month : wall.month + 1;
  const start = new Date(Date.UTC(wall.year, month - 1, day));
  const at = (d: Date) =>
    fromLocal(
      { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0 },
      ctx.timeZone,
    );
  const from = at(start);
  const to = at(new Date(start.getTime() + 86_400_000));
  return {
    range: { from: from.toISOString(), to: to.toISOString(), hasTime: false, text: m[0] },
    index: m.index,
    length: m[0].length,
  };
}
