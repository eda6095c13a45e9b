import { describe, expect, it } from 'vitest';
import { addMonths, formatRange, fromLocal, toLocal } from '../../../src/shared/time.ts';

describe('zone-aware time helpers', () => {
  it('turns London wall-clock time into UTC in winter and summer', () => {
    expect(
      fromLocal({ year: 2026, month: 12, day: 1, hour: 9, minute: 0 }, 'Europe/London').toISOString(),
    ).toBe('2026-12-01T09:00:00.000Z');
    expect(
      fromLocal({ year: 2026, month: 7, day: 1, hour: 9, minute: 0 }, 'Europe/London').toISOString(),
    ).toBe('2026-07-01T08:00:00.000Z');
  });

  it('handles New York across the DST change', () => {
    expect(
      fromLocal({ year: 2026, month: 3, day: 7, hour: 9, minute: 0 }, 'America/New_York').toISOString(),
    ).toBe('2026-03-07T14:00:00.000Z');
    expect(
      fromLocal({ year: 2026, month: 3, day: 9, hour: 9, minute: 0 }, 'America/New_York').toISOString(),
    ).toBe('2026-03-09T13:00:00.000Z');
  });

  it('moves a time in the spring-forward gap forward instead of failing', () => {
    const instant = fromLocal({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, 'Europe/London');
    expect(toLocal(instant, 'Europe/London').hour).toBe(2);
  });

  it('round-trips through toLocal', () => {
    const local = toLocal(new Date('2026-11-28T15:45:00Z'), 'Asia/Singapore');
    expect(local).toMatchObject({ year: 2026, month: 11, day: 28, hour: 23, minute: 45, weekday: 6 });
  });

  it('adds months without overflowing short months', () => {
    expect(addMonths(new Date('2026-01-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonths(new Date('2026-03-15T10:00:00Z'), 12).toISOString()).toBe('2027-03-15T10:00:00.000Z');
  });

  it('formats a range in the reader zone with the zone named', () => {
    const text = formatRange(
      new Date('2026-12-01T14:00:00Z'),
      new Date('2026-12-01T17:00:00Z'),
      'America/New_York',
    );
    expect(text).toBe('Tue 1 Dec, 09:00–12:00 EST');
  });
});
