import { describe, expect, it } from 'vitest';
import { parserCases } from './parser-cases.ts';
import { parseCase, scoreCases } from '../../../scripts/lib/parser-eval.ts';
import { parseMessage } from '../../../src/conversation/parse/parse-message.ts';
import { ZIntent } from '../../../src/conversation/parse/intents.ts';
import { findMoney } from '../../../src/conversation/parse/extract.ts';

const now = new Date('2026-11-28T09:00:00Z');

describe('parser test set', () => {
  const cases = parserCases();
  it('has at least 300 utterances across every intent', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(new Set(cases.map((c) => c.intent)).size).toBe(19);
  });
  it('places at least 95% of intents and 90% of the named slots', () => {
    const score = scoreCases(cases);
    expect(score.intentCorrect / score.total).toBeGreaterThanOrEqual(0.95);
    expect(score.slotCorrect / score.slotChecks).toBeGreaterThanOrEqual(0.9);
  });
  it('always produces an intent that validates against the zod schema', () => {
    for (const c of cases) expect(ZIntent.safeParse(parseCase(c)).success, c.text).toBe(true);
  });
});

describe('parser details', () => {
  it('reads "tomorrow" on the person\'s calendar, not the server\'s', () => {
    const late = new Date('2026-11-29T02:00:00Z'); // Sat 21:00 in New York, Sun 02:00 in London
    const ny = parseMessage('sessions tomorrow', { now: late, timeZone: 'America/New_York' });
    const london = parseMessage('sessions tomorrow', { now: late, timeZone: 'Europe/London' });
    expect(ny.intent === 'find_sessions' && ny.slots.when?.from).toBe('2026-11-29T05:00:00.000Z');
    expect(london.intent === 'find_sessions' && london.slots.when?.from).toBe('2026-11-30T00:00:00.000Z');
  });
  it('reads 3/12 day-first in London and month-first in New York', () => {
    const gb = parseMessage('any first aid on 3/12', { now, timeZone: 'Europe/London' });
    const us = parseMessage('any first aid on 3/12', { now, timeZone: 'America/New_York' });
    expect(gb.intent === 'find_sessions' && gb.slots.when?.from.slice(0, 10)).toBe('2026-12-03');
    expect(us.intent === 'find_sessions' && us.slots.when?.from.slice(0, 10)).toBe('2027-03-12');
  });
  it('keeps money as decimal strings with a currency', () => {
    expect(findMoney('add £1,250.5 to it')).toMatchObject({ amount: '1250.50', currency: 'GBP' });
    expect(findMoney('650 EUR catering')).toMatchObject({ amount: '650.00', currency: 'EUR' });
    expect(findMoney('0.1k usd')).toMatchObject({ amount: '100.00', currency: 'USD' });
    expect(findMoney('12 seats')).toBeUndefined();
  });
  it('turns "every 2nd Thursday 10am-12pm for 8 weeks" into the TMS recurrence rule', () => {
    const p = parseMessage('schedule fire safety every 2nd thursday 10am-12pm for 8 weeks', {
      now,
      timeZone: 'Europe/London',
    });
    expect(p.intent).toBe('schedule_sessions');
    expect(p.intent === 'schedule_sessions' && p.slots.recurrence).toEqual({
      frequency: 'weekly',
      interval: 2,
      weekday: 4,
      startTime: '10:00',
      endTime: '12:00',
      count: 4,
    });
  });
  it('survives empty, huge and non-English input', () => {
    expect(parseMessage('', { now, timeZone: 'UTC' }).intent).toBe('unknown');
    expect(() => parseMessage('book '.repeat(2000), { now, timeZone: 'UTC' })).not.toThrow();
    expect(parseMessage('我想预订急救课程', { now, timeZone: 'Asia/Shanghai' }).intent).toBe('unknown');
  });
});
