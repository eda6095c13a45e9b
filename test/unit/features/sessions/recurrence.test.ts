import { describe, expect, it } from 'vitest';
import { describeRecurrence, expandRecurrence } from '../../../../src/features/sessions/recurrence.ts';
import { AppError } from '../../../../src/shared/app-error.ts';

const iso = (d: Date) => d.toISOString();

describe('recurrence rules', () => {
  it('keeps 09:00 local across the autumn DST change in London', () => {
    const { occurrences } = expandRecurrence(
      {
        frequency: 'weekly',
        weekday: 2,
        startDate: '2026-10-13',
        startTime: '09:00',
        endTime: '12:00',
        count: 4,
      },
      'Europe/London',
    );
    expect(occurrences.map((o) => o.date)).toEqual(['2026-10-13', '2026-10-20', '2026-10-27', '2026-11-03']);
    // BST (UTC+1) before 25 October, GMT after.
    expect(occurrences.map((o) => iso(o.startsAt))).toEqual([
      '2026-10-13T08:00:00.000Z',
      '2026-10-20T08:00:00.000Z',
      '2026-10-27T09:00:00.000Z',
      '2026-11-03T09:00:00.000Z',
    ]);
    expect(occurrences.every((o) => o.endsAt.getTime() - o.startsAt.getTime() === 3 * 3_600_000)).toBe(true);
  });

  it('keeps 09:00 local across the spring DST change in New York (a week in which UK and US differ)', () => {
    const { occurrences } = expandRecurrence(
      {
        frequency: 'weekly',
        weekday: 1,
        startDate: '2027-03-01',
        startTime: '09:00',
        endTime: '10:30',
        count: 3,
      },
      'America/New_York',
    );
    // The US changes on 14 March 2027: EST (UTC-5) before, EDT (UTC-4) after.
    expect(occurrences.map((o) => iso(o.startsAt))).toEqual([
      '2027-03-01T14:00:00.000Z',
      '2027-03-08T14:00:00.000Z',
      '2027-03-15T13:00:00.000Z',
    ]);
  });

  it('skips given dates; count counts the generated dates, as EXDATE does', () => {
    const { occurrences, skipped } = expandRecurrence(
      {
        frequency: 'weekly',
        weekday: 2,
        startDate: '2026-12-01',
        startTime: '09:00',
        endTime: '12:00',
        count: 4,
        skipDates: ['2026-12-22'],
      },
      'Europe/London',
    );
    expect(occurrences.map((o) => o.date)).toEqual(['2026-12-01', '2026-12-08', '2026-12-15']);
    expect(skipped).toEqual(['2026-12-22']);
  });

  it('every 2nd Thursday until a date, starting from a Friday', () => {
    const rule = {
      frequency: 'weekly',
      interval: 2,
      weekday: 4,
      startDate: '2027-01-01',
      startTime: '14:00',
      endTime: '16:00',
      until: '2027-02-28',
    } as const;
    const { occurrences } = expandRecurrence(rule, 'Europe/Paris');
    expect(occurrences.map((o) => o.date)).toEqual(['2027-01-07', '2027-01-21', '2027-02-04', '2027-02-18']);
    expect(iso(occurrences[0]!.startsAt)).toBe('2027-01-07T13:00:00.000Z');
    expect(describeRecurrence(rule)).toBe('Every 2nd Thursday 14:00–16:00 from 2027-01-01, until 2027-02-28');
  });

  it('refuses rules without an end, with impossible times, or that produce nothing', () => {
    const base = {
      frequency: 'weekly',
      weekday: 2,
      startDate: '2026-12-01',
      startTime: '09:00',
      endTime: '12:00',
    } as const;
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof AppError ? `${error.code}: ${error.userMessage}` : String(error);
      }
      return 'no error';
    };
    expect(codeOf(() => expandRecurrence(base, 'Europe/London'))).toMatch(
      /^VALIDATION: .*number of occurrences or an end date/,
    );
    expect(codeOf(() => expandRecurrence({ ...base, count: 2, endTime: '08:00' }, 'Europe/London'))).toMatch(
      /^VALIDATION: .*end time 08:00 is not after/,
    );
    expect(
      codeOf(() => expandRecurrence({ ...base, count: 2, startTime: '25:00' }, 'Europe/London')),
    ).toMatch(/^VALIDATION: .*not a time/);
    expect(
      codeOf(() => expandRecurrence({ ...base, count: 1, skipDates: ['2026-12-01'] }, 'Europe/London')),
    ).toMatch(/^VALIDATION: .*gives no sessions/);
    expect(codeOf(() => expandRecurrence({ ...base, until: '2026-11-01' }, 'Europe/London'))).toMatch(
      /^VALIDATION: .*ends before it starts/,
    );
    expect(
      codeOf(() => expandRecurrence({ ...base, startDate: '2026-02-30', count: 1 }, 'Europe/London')),
    ).toMatch(/^VALIDATION: .*not a calendar date/);
    expect(codeOf(() => expandRecurrence({ ...base, until: '2030-12-31' }, 'Europe/London'))).toMatch(
      /^VALIDATION: .*at most 104/,
    );
  });
});
