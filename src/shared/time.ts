/**
 * Instants are stored in UTC with the zone kept beside them. These helpers turn a wall-clock
 * time in a named IANA zone into an instant and back, DST included, with Intl only.
 */

export interface LocalDateTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The wall-clock reading of `instant` in `zone`. */
export function toLocal(instant: Date, zone: string): LocalDateTime & { second: number; weekday: number } {
  const parts = Object.fromEntries(
    partsFormatter(zone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const local = {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
  const weekday = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
  return { ...local, weekday };
}

/** Minutes `zone` is ahead of UTC at `instant`. */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  const l = toLocal(instant, zone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which clocks in `zone` read `local`. In a spring-forward gap the time is
 * moved forward by the gap (as calendars do); in a fall-back overlap the earlier one wins.
 */
export function fromLocal(local: LocalDateTime, zone: string): Date {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const first = naive - zoneOffsetMinutes(new Date(naive), zone) * 60_000;
  const second = naive - zoneOffsetMinutes(new Date(first), zone) * 60_000;
  const candidates = [first, second].sort((a, b) => a - b);
  for (const candidate of candidates) {
    const l = toLocal(new Date(candidate), zone);
    if (l.hour === local.hour && l.minute === local.minute && l.day === local.day) return new Date(candidate);
  }
  return new Date(Math.max(first, second));
}

/** Calendar date (in `zone`) of `instant`, plus `days`, as {year, month, day}. */
export function localDatePlusDays(
  instant: Date,
  zone: string,
  days: number,
): { year: number; month: number; day: number } {
  const l = toLocal(instant, zone);
  const d = new Date(Date.UTC(l.year, l.month - 1, l.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Instant at hh:mm local time, `days` calendar days after today's date in `zone`. */
export function atLocalTime(now: Date, zone: string, days: number, hour: number, minute = 0): Date {
  return fromLocal({ ...localDatePlusDays(now, zone, days), hour, minute }, zone);
}

export function addMonths(instant: Date, months: number): Date {
  const d = new Date(instant);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

export const DAY_MS = 86_400_000;

export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

/**
 * "Tue 3 Dec, 09:00–12:00 GMT" style text, in the reader's zone with the zone named, in the
 * reader's locale: en-GB (the default) reads as above, en-US as "Tue, Dec 3, 9:00 AM–12:00 PM EST".
 * The clock follows the locale's own hour cycle (24-hour where that is the custom).
 */
export function formatRange(start: Date, end: Date, zone: string, locale = 'en-GB'): string {
  const day = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
  const time = new Intl.DateTimeFormat(locale, { timeZone: zone, ...clockOptions(locale) });
  const zoneName = zoneAbbreviation(start, zone);
  const sameDay = day.format(start) === day.format(end);
  return sameDay
    ? `${day.format(start)}, ${time.format(start)}–${time.format(end)} ${zoneName}`
    : `${day.format(start)} ${time.format(start)} – ${day.format(end)} ${time.format(end)} ${zoneName}`;
}

/** "09:00" where the locale counts 24 hours, "9:00 AM" where it counts 12. */
function clockOptions(locale: string): Intl.DateTimeFormatOptions {
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h11' || cycle === 'h12'
    ? { hour: 'numeric', minute: '2-digit', hourCycle: cycle }
    : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
}

/** A count or amount with the locale's grouping and decimal marks ("1,234.5" / "1.234,5"). */
export function formatNumber(
  value: number,
  locale = 'en-GB',
  options: Intl.NumberFormatOptions = {},
): string {
  return new Intl.NumberFormat(locale, options).format(value);
}

/**
 * A short zone name a reader recognises: "GMT"/"BST" for London, "EST"/"PDT" for the US.
 * Locales only know abbreviations for their own region, so ask en-GB then en-US, and fall
 * back to the offset ("GMT+8") where neither has a name.
 */
export function zoneAbbreviation(at: Date, zone: string): string {
  const nameIn = (locale: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
  const candidates = [nameIn('en-GB'), nameIn('en-US')].filter((n): n is string => Boolean(n));
  return candidates.find((n) => !/^(GMT|UTC)[+-]/.test(n)) ?? candidates[0] ?? zone;
}
