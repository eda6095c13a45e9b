/**
 * Recurrence rules for session series ("every Tuesday 09:00–12:00 for 4 weeks", "every 2nd
 * Thursday until March", skipping given dates). Occurrences are generated on the calendar of
 * the session's zone, then turned into instants, so 09:00 stays 09:00 across a DST change.
 * Semantics follow RFC 5545: `count` counts generated occurrences, then `skipDates` remove
 * some (like EXDATE), so "4 weeks skipping one date" gives 3 sessions.
 */
import { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';
import {
  epochDay,
  formatLocalDate,
  fromEpochDay,
  localDayToInstants,
  parseLocalDate,
  weekdayOf,
  type DayInstants,
} from './local-dates.ts';

export const MAX_OCCURRENCES = 104;

export const ZRecurrenceRule = z
  .object({
    frequency: z.literal('weekly'),
    /** 1 = every week, 2 = every 2nd week, … */
    interval: z.number().int().min(1).max(52).default(1),
    /** 0 = Sunday … 6 = Saturday. */
    weekday: z.number().int().min(0).max(6),
    /** First date the series may start on (YYYY-MM-DD); the first occurrence is the first matching weekday on or after it. */
    startDate: z.string(),
    /** Wall-clock start and end (HH:mm) in the series' zone. */
    startTime: z.string(),
    endTime: z.string(),
    count: z.number().int().min(1).max(MAX_OCCURRENCES).optional(),
    /** Last date (inclusive, YYYY-MM-DD). */
    until: z.string().optional(),
    skipDates: z.array(z.string()).default([]),
  })
  .refine((rule) => rule.count !== undefined || rule.until !== undefined, {
    message: 'A recurring series needs a number of occurrences or an end date.',
  });

export type RecurrenceRule = z.input<typeof ZRecurrenceRule>;
export type ParsedRecurrenceRule = z.output<typeof ZRecurrenceRule>;

export interface Occurrence extends DayInstants {
  /** Local calendar date (YYYY-MM-DD) in the series' zone. */
  date: string;
}

export interface ExpandedRule {
  occurrences: Occurrence[];
  /** Generated dates removed by skipDates. */
  skipped: string[];
}

export function parseRecurrenceRule(rule: RecurrenceRule): ParsedRecurrenceRule {
  const parsed = ZRecurrenceRule.safeParse(rule);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION',
      `The recurrence rule is not valid: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    );
  }
  return parsed.data;
}

export function expandRecurrence(input: RecurrenceRule, zone: string): ExpandedRule {
  const rule = parseRecurrenceRule(input);
  const start = parseLocalDate(rule.startDate);
  const until = rule.until ? epochDay(parseLocalDate(rule.until)) : Number.POSITIVE_INFINITY;
  if (until < epochDay(start)) throw new AppError('VALIDATION', 'The series ends before it starts.');
  const skip = new Set(rule.skipDates.map((d) => formatLocalDate(parseLocalDate(d))));

  const firstDay = epochDay(start) + ((rule.weekday - weekdayOf(start) + 7) % 7);
  const occurrences: Occurrence[] = [];
  const skipped: string[] = [];
  let generated = 0;
  for (let day = firstDay; day <= until; day += 7 * rule.interval) {
    if (rule.count !== undefined && generated >= rule.count) break;
    generated += 1;
    if (generated > MAX_OCCURRENCES) {
      throw new AppError('VALIDATION', `A series can have at most ${MAX_OCCURRENCES} sessions; shorten it.`);
    }
    const date = formatLocalDate(fromEpochDay(day));
    if (skip.has(date)) {
      skipped.push(date);
      continue;
    }
    occurrences.push({
      date,
      ...localDayToInstants({ date, start: rule.startTime, end: rule.endTime }, zone),
    });
  }
  if (occurrences.length === 0)
    throw new AppError('VALIDATION', 'That rule gives no sessions (every date is skipped or out of range).');
  return { occurrences, skipped };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Every 2nd Thursday 09:00–12:00, 4 times" for the series' description. */
export function describeRecurrence(input: RecurrenceRule): string {
  const rule = parseRecurrenceRule(input);
  const every = rule.interval === 1 ? 'Every' : `Every ${ordinal(rule.interval)}`;
  const end = rule.count !== undefined ? `${rule.count} times` : `until ${rule.until}`;
  const skips = rule.skipDates.length ? `, skipping ${rule.skipDates.join(', ')}` : '';
  return `${every} ${WEEKDAYS[rule.weekday]} ${rule.startTime}–${rule.endTime} from ${rule.startDate}, ${end}${skips}`;
}

function ordinal(n: number): string {
  const suffix =
    n % 100 >= 11 && n % 100 <= 13
      ? 'th'
      : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}
