/**
 * Dates people write, read in the person's zone with a fixed clock: every form, in London and
 * New York, in late November and across the year boundary (when the two zones are on
 * different days). "Next <weekday>" follows chrono-node: the one in next week, which from a
 * Saturday is the coming one; "this"/"coming" <weekday> is the next such day from today.
 */
import { describe, expect, it } from 'vitest';
import { findDate } from '../../../../src/conversation/parse/dates.ts';
import { findTimes } from '../../../../src/conversation/parse/extract.ts';
import { toLocal } from '../../../../src/shared/time.ts';

const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';

function localDay(text: string, now: string, timeZone: string): [string, string] | undefined {
  const found = findDate(text, { now: new Date(now), timeZone });
  if (!found) return undefined;
  const fmt = (iso: string) => {
    const l = toLocal(new Date(iso), timeZone);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${l.year}-${pad(l.month)}-${pad(l.day)} ${pad(l.hour)}:${pad(l.minute)}`;
  };
  return [fmt(found.range.from), fmt(found.range.to)];
}

// Saturday 28 November 2026, 09:00 UTC: 09:00 in London, 04:00 in New York.
const LATE_NOVEMBER = '2026-11-28T09:00:00Z';
// 02:00 UTC on 1 January 2027: Friday 1 January in London, still Thursday 31 December in New York.
const NEW_YEAR = '2027-01-01T02:00:00Z';

type Row = [text: string, london: [string, string], newYork: [string, string]];

const lateNovember: Row[] = [
  ['on dec 10', ['2026-12-10 00:00', '2026-12-11 00:00'], ['2026-12-10 00:00', '2026-12-11 00:00']],
  ['Dec 10', ['2026-12-10 00:00', '2026-12-11 00:00'], ['2026-12-10 00:00', '2026-12-11 00:00']],
  ['this friday', ['2026-12-04 00:00', '2026-12-05 00:00'], ['2026-12-04 00:00', '2026-12-05 00:00']],
  ['coming friday', ['2026-12-04 00:00', '2026-12-05 00:00'], ['2026-12-04 00:00', '2026-12-05 00:00']],
  ['next friday', ['2026-12-04 00:00', '2026-12-05 00:00'], ['2026-12-04 00:00', '2026-12-05 00:00']],
  ['in two weeks', ['2026-12-12 00:00', '2026-12-13 00:00'], ['2026-12-12 00:00', '2026-12-13 00:00']],
  ['the week after next', ['2026-12-07 00:00', '2026-12-14 00:00'], ['2026-12-07 00:00', '2026-12-14 00:00']],
  ['end of the month', ['2026-11-30 00:00', '2026-12-01 00:00'], ['2026-11-30 00:00', '2026-12-01 00:00']],
  [
    'between the 3rd and the 10th',
    ['2026-12-03 00:00', '2026-12-11 00:00'],
    ['2026-12-03 00:00', '2026-12-11 00:00'],
  ],
  ['at 9', ['2026-11-28 09:00', '2026-11-28 10:00'], ['2026-11-28 09:00', '2026-11-28 10:00']],
  ['at 9am', ['2026-11-28 09:00', '2026-11-28 10:00'], ['2026-11-28 09:00', '2026-11-28 10:00']],
  ['09:30', ['2026-11-28 09:30', '2026-11-28 10:30'], ['2026-11-28 09:30', '2026-11-28 10:30']],
  ['at 9.30', ['2026-11-28 09:30', '2026-11-28 10:30'], ['2026-11-28 09:30', '2026-11-28 10:30']],
  ['half nine', ['2026-11-28 09:30', '2026-11-28 10:30'], ['2026-11-28 09:30', '2026-11-28 10:30']],
  ['at noon', ['2026-11-28 12:00', '2026-11-28 13:00'], ['2026-11-28 12:00', '2026-11-28 13:00']],
  ['14:00', ['2026-11-28 14:00', '2026-11-28 15:00'], ['2026-11-28 14:00', '2026-11-28 15:00']],
  ['on the 10th at 9am', ['2026-12-10 09:00', '2026-12-10 10:00'], ['2026-12-10 09:00', '2026-12-10 10:00']],
  ['jan 3', ['2027-01-03 00:00', '2027-01-04 00:00'], ['2027-01-03 00:00', '2027-01-04 00:00']],
  // Day-first in London, month-first in New York.
  ['on 4/12', ['2026-12-04 00:00', '2026-12-05 00:00'], ['2027-04-12 00:00', '2027-04-13 00:00']],
];

const newYear: Row[] = [
  ['tomorrow', ['2027-01-02 00:00', '2027-01-03 00:00'], ['2027-01-01 00:00', '2027-01-02 00:00']],
  ['this friday', ['2027-01-01 00:00', '2027-01-02 00:00'], ['2027-01-01 00:00', '2027-01-02 00:00']],
  ['next friday', ['2027-01-08 00:00', '2027-01-09 00:00'], ['2027-01-08 00:00', '2027-01-09 00:00']],
  ['dec 10', ['2027-12-10 00:00', '2027-12-11 00:00'], ['2027-12-10 00:00', '2027-12-11 00:00']],
  ['jan 3', ['2027-01-03 00:00', '2027-01-04 00:00'], ['2027-01-03 00:00', '2027-01-04 00:00']],
  ['in two weeks', ['2027-01-15 00:00', '2027-01-16 00:00'], ['2027-01-14 00:00', '2027-01-15 00:00']],
  ['the week after next', ['2027-01-11 00:00', '2027-01-18 00:00'], ['2027-01-11 00:00', '2027-01-18 00:00']],
  ['end of the month', ['2027-01-31 00:00', '2027-02-01 00:00'], ['2026-12-31 00:00', '2027-01-01 00:00']],
  ['next month', ['2027-02-01 00:00', '2027-03-01 00:00'], ['2027-01-01 00:00', '2027-02-01 00:00']],
  [
    'between the 3rd and the 10th',
    ['2027-01-03 00:00', '2027-01-11 00:00'],
    ['2027-01-03 00:00', '2027-01-11 00:00'],
  ],
  ['on the 2nd', ['2027-01-02 00:00', '2027-01-03 00:00'], ['2027-01-02 00:00', '2027-01-03 00:00']],
  // 09:00 has passed in New York (21:00 on the 31st): the next 09:00 is tomorrow's.
  ['at 9', ['2027-01-01 09:00', '2027-01-01 10:00'], ['2027-01-01 09:00', '2027-01-01 10:00']],
  [
    'tomorrow at half nine',
    ['2027-01-02 09:30', '2027-01-02 10:30'],
    ['2027-01-01 09:30', '2027-01-01 10:30'],
  ],
];

describe('dates in the person’s zone', () => {
  for (const [clock, rows] of [
    ['late November', lateNovember],
    ['across the year boundary', newYear],
  ] as const) {
    const now = clock === 'late November' ? LATE_NOVEMBER : NEW_YEAR;
    for (const [text, london, newYork] of rows) {
      it(`${clock}: "${text}" in London and New York`, () => {
        expect(localDay(text, now, LONDON)).toEqual(london);
        expect(localDay(text, now, NEW_YORK)).toEqual(newYork);
      });
    }
  }
});

describe('times of day', () => {
  it.each([
    ['at 9', '09:00'],
    ['9am', '09:00'],
    ['09:30', '09:30'],
    ['9.30', '09:30'],
    ['half nine', '09:30'],
    ['half past two', '02:30'],
    ['noon', '12:00'],
    ['midday', '12:00'],
    ['14:00', '14:00'],
    ['2-4pm', '14:00'],
  ])('"%s" starts at %s', (text, start) => {
    expect(findTimes(text).startTime).toBe(start);
  });
  it('does not read money as a time', () => {
    expect(findTimes('£12.50 for lunch').startTime).toBeUndefined();
    expect(findTimes('12.50 pounds').startTime).toBeUndefined();
  });
});
