import { describe, expect, it } from 'vitest';
import { computeExpiry } from '../../../../src/features/completions/expiry-rules.ts';

const d = (iso: string) => new Date(iso);

describe('computeExpiry', () => {
  it('never expires without validity', () => {
    expect(
      computeExpiry({
        completedAt: d('2026-01-10T00:00:00Z'),
        validityMonths: null,
        windowDays: 90,
        previousExpiresAt: null,
      }),
    ).toBeNull();
  });
  it('a first completion expires validity months after it', () => {
    expect(
      computeExpiry({
        completedAt: d('2026-01-10T00:00:00Z'),
        validityMonths: 12,
        windowDays: 90,
        previousExpiresAt: null,
      })?.toISOString(),
    ).toBe('2027-01-10T00:00:00.000Z');
  });
  it('inside the recertification window it renews from the old expiry', () => {
    expect(
      computeExpiry({
        completedAt: d('2026-11-01T00:00:00Z'),
        validityMonths: 12,
        windowDays: 90,
        previousExpiresAt: d('2026-12-15T00:00:00Z'),
      })?.toISOString(),
    ).toBe('2027-12-15T00:00:00.000Z');
  });
  it('before the window it counts from its own date', () => {
    expect(
      computeExpiry({
        completedAt: d('2026-06-01T00:00:00Z'),
        validityMonths: 12,
        windowDays: 90,
        previousExpiresAt: d('2026-12-15T00:00:00Z'),
      })?.toISOString(),
    ).toBe('2027-06-01T00:00:00.000Z');
  });
  it('a late one (after expiry) counts from its own date', () => {
    expect(
      computeExpiry({
        completedAt: d('2027-01-20T00:00:00Z'),
        validityMonths: 12,
        windowDays: 90,
        previousExpiresAt: d('2026-12-15T00:00:00Z'),
      })?.toISOString(),
    ).toBe('2028-01-20T00:00:00.000Z');
  });
});
