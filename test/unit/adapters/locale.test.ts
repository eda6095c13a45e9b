/** The reader's locale: what the adapters accept from a platform, and how dates then read. */
import { describe, expect, it } from 'vitest';
import { supportedLocale } from '../../../adapters/shared/locale.ts';
import { formatNumber, formatRange } from '../../../src/shared/time.ts';

describe('supportedLocale', () => {
  it('keeps tags Intl can format, canonicalised, and drops the rest', () => {
    expect(supportedLocale('en-GB')).toBe('en-GB');
    expect(supportedLocale('en-us')).toBe('en-US');
    expect(supportedLocale('not a tag!')).toBeUndefined();
    expect(supportedLocale('')).toBeUndefined();
    expect(supportedLocale(42)).toBeUndefined();
    expect(supportedLocale(undefined)).toBeUndefined();
  });
});

describe('formatRange and formatNumber in a locale', () => {
  const start = new Date('2026-12-08T14:30:00Z');
  const end = new Date('2026-12-08T17:00:00Z');

  it('reads 24-hour, day before month, in en-GB (the default)', () => {
    expect(formatRange(start, end, 'Europe/London')).toBe('Tue 8 Dec, 14:30–17:00 GMT');
    expect(formatRange(start, end, 'Europe/London', 'en-GB')).toBe('Tue 8 Dec, 14:30–17:00 GMT');
  });

  it('reads 12-hour, month before day, in en-US', () => {
    expect(formatRange(start, end, 'America/New_York', 'en-US').replace(/\u202f/g, ' ')).toBe(
      'Tue, Dec 8, 9:30 AM–12:00 PM EST',
    );
  });

  it('groups numbers as the locale does', () => {
    expect(formatNumber(1234.5, 'en-GB')).toBe('1,234.5');
    expect(formatNumber(1234.5, 'de-DE')).toBe('1.234,5');
  });
});
