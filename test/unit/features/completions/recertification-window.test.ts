import { describe, expect, it } from 'vitest';
import { computeExpiry } from '../../../../src/features/completions/expiry-rules.ts';

describe('expiry with the recertification window', () => {
  const prev = new Date('2026-06-01T00:00:00Z');
  it('renews from the old expiry inside the window, from its own date when late or first', () => {
    expect(
      computeExpiry({
        completedAt: new Date('2026-05-01T00:00:00Z'),
        validityMonths: 12,
        windowDays: 90,
        previousExpiresAt: prev,
      }),
    ).toEqual(new Date('2027-06-01T00:00:00Z'));
    expect(
      computeExpiry({
        completedAt: new Date('2026-07-01T00:00:00Z'),
        validityMonths: 12,
        windowDays: 90,
        previousExpiresAt: prev,
      }),
    ).toEqual(new Date('2027-07-01T00:00:00Z'));
    expect(
      computeExpiry({
        completedAt: new Date('2026-01-01T00:00:00Z'),
        validityMonths: 12,
        windowDays: 90,
        previousExpiresAt: prev,
      }),
    ).toEqual(new Date('2027-01-01T00:00:00Z'));
    expect(
      computeExpiry({
        completedAt: new Date('2026-01-01T00:00:00Z'),
        validityMonths: null,
        windowDays: 90,
        previousExpiresAt: prev,
      }),
    ).toBeNull();
  });
});
