/**
 * The slots of the readings added for issue #16 (who teaches and whom they replace, a vendor's
 * name as typed, a PO number, a certificate validity, a journey, an online session's link),
 * the typed answers that fill a missing value, and the reader's locale.
 */
import { describe, expect, it } from 'vitest';
import { fillSlot, namesTyped } from '../../../../src/conversation/dialogue/fill-slot.ts';
import { parseMessage } from '../../../../src/conversation/parse/parse-message.ts';
import { readerLocale } from '../../../../src/conversation/reply/locale.ts';

const ctx = { now: new Date('2026-11-28T09:00:00Z'), timeZone: 'Europe/London' };
const parse = (text: string) => parseMessage(text, ctx);

describe('admin and journey slots', () => {
  it('reads who teaches, whom they replace, which session', () => {
    const swap = parse('replace Lee with Rosa on the FS-100 session on 3 Dec');
    expect(swap.intent).toBe('assign_instructor');
    expect(swap.slots).toMatchObject({
      person: { kind: 'name', name: 'rosa' },
      replaces: 'lee',
      course: 'FS-100',
    });
    expect((swap.slots as { when?: { from: string } }).when?.from.slice(0, 10)).toBe('2026-12-03');
    const make = parse('make Dana the trainer for first aid');
    expect(make.slots).toMatchObject({ person: { name: 'dana' }, course: 'first aid' });
  });
  it("keeps a vendor's name as typed, and reads a PO number and amount", () => {
    expect(parse('add Acme Training as a supplier').slots).toEqual({ vendor: 'Acme Training' });
    expect(parse('new vendor: Red Cross First Aid Ltd').slots).toMatchObject({
      vendor: 'Red Cross First Aid Ltd',
    });
    expect(parse('raise PO 4501 for £2,000 to Acme Training').slots).toEqual({
      number: '4501',
      vendor: 'Acme Training',
      money: { amount: '2000.00', currency: 'GBP' },
    });
  });
  it('reads a validity in years or months, or none', () => {
    expect(parse('forklift certificates are valid for 3 years').slots).toEqual({
      course: 'forklift',
      months: 36,
    });
    expect(parse('set the FL-201 certificate validity to 18 months').slots).toEqual({
      course: 'FL-201',
      months: 18,
    });
    expect(parse('make first aid certificates never expire').slots).toEqual({
      course: 'first aid',
      noExpiry: true,
    });
  });
  it('reads the journey to start and to report on', () => {
    expect(parse('start the new starter journey')).toMatchObject({
      intent: 'start_journey',
      slots: { journey: 'new starter' },
    });
    expect(parse('how far am I on my forklift licence journey?')).toMatchObject({
      intent: 'journey_progress',
      slots: { journey: 'forklift licence' },
    });
  });
  it('reads an online session, its link and "no venue", and never a course from them', () => {
    const online = parse(
      'schedule Excel online on 15 Dec 10am-12pm at https://teams.example/l/Meet-Up, 20 seats',
    );
    expect(online.slots).toMatchObject({
      course: 'excel',
      online: true,
      meetingUrl: 'https://teams.example/l/Meet-Up',
    });
    expect(parse('schedule first aid on 15 Dec 9am-4pm with no venue').slots).toMatchObject({
      course: 'first aid',
      noVenue: true,
    });
  });
});

describe('typed answers', () => {
  const po = { intent: 'raise_purchase_order', slots: { vendor: 'Acme' } } as const;
  it('fill the missing value, or ask again, or leave a new request alone', () => {
    expect(fillSlot(po, 'number', 'po-4501', ctx)).toEqual({
      ...po,
      slots: { vendor: 'Acme', number: 'PO-4501' },
    });
    expect(fillSlot(po, 'money', '£2,000', ctx)).toMatchObject({
      slots: { money: { amount: '2000.00', currency: 'GBP' } },
    });
    expect(fillSlot(po, 'money', 'lots', ctx)).toBe('again');
    expect(fillSlot(po, 'number', 'x'.repeat(41), ctx)).toBe('again');
    const draft = { intent: 'schedule_sessions', slots: { course: 'excel' } } as const;
    expect(fillSlot(draft, 'capacity', '20 seats', ctx)).toMatchObject({ slots: { capacity: 20 } });
    expect(fillSlot(po, 'number', 'what first aid sessions are there next month?', ctx)).toBeUndefined();
  });
  it('split instructor names', () => {
    expect(namesTyped('Dana and Lee Okafor.')).toEqual(['Dana', 'Lee Okafor']);
    expect(namesTyped('with rosa, lee')).toEqual(['rosa', 'lee']);
  });
});

describe('the reader locale', () => {
  it('takes what the platform reports when Intl knows it, else en-GB', () => {
    expect(readerLocale('en-US')).toBe('en-US');
    expect(readerLocale('de_DE')).toBe('de-DE');
    expect(readerLocale(undefined)).toBe('en-GB');
    expect(readerLocale('not a locale!')).toBe('en-GB');
    expect(readerLocale('en')).toBe('en-GB');
  });
});
