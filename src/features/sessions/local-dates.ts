/**
 * Calendar dates and wall-clock times as people type them ("2026-12-01", "09:00"), turned
 * into instants in a session's IANA zone. Kept apart from time.ts because these parse text.
 */
import { AppError } from '../../shared/app-error.ts';
import { fromLocal } from '../../shared/time.ts';

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function parseLocalDate(text: string): LocalDate {
  const match = DATE_RE.exec(text.trim());
  if (!match) throw new AppError('VALIDATION', `"${text}" is not a date; use YYYY-MM-DD.`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new AppError('VALIDATION', `${text} is not a calendar date.`);
  }
  return { year, month, day };
}

export function parseLocalTime(text: string): { hour: number; minute: number } {
  const match = TIME_RE.exec(text.trim());
  if (!match) throw new AppError('VALIDATION', `"${text}" is not a time; use HH:mm (24-hour).`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

export function formatLocalDate(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of a calendar date: calendar arithmetic without any zone. */
export function epochDay(date: LocalDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / 86_400_000;
}

export function fromEpochDay(days: number): LocalDate {
  const d = new Date(days * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function assertTimeZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
  } catch {
    throw new AppError('VALIDATION', `${zone} is not an IANA time zone (e.g. Europe/London).`);
  }
}

/** A day of a session typed in the session's zone: date plus start and end wall-clock times. */
export interface LocalDayInput {
  date: string;
  start: string;
  end: string;
}

export interface DayInstants {
  startsAt: Date;
  endsAt: Date;
}

export function localDayToInstants(day: LocalDayInput, zone: string): DayInstants {
  const date = parseLocalDate(day.date);
  const start = parseLocalTime(day.start);
  const end = parseLocalTime(day.end);
  if (end.hour * 60 + end.minute <= start.hour * 60 + start.minute) {
    throw new AppError(
      'VALIDATION',
      `On ${day.date} the end time ${day.end} is not after the start time ${day.start}.`,
    );
  }
  return { startsAt: fromLocal({ ...date, ...start }, zone), endsAt: fromLocal({ ...date, ...end }, zone) };
}
