import { describe, expect, it } from 'vitest';
import { CurrencyTotals, parseAmount, parseCurrency } from '../../../../src/features/costs/money.ts';
import { reconcile } from '../../../../src/features/attendance/record-attendance.ts';
import { AppError } from '../../../../src/shared/app-error.ts';

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
};

describe('money', () => {
  it('parses decimal text exactly, never through floats', () => {
    expect(parseAmount('0.10').plus(parseAmount('0.20')).toFixed(2)).toBe('0.30');
    expect(parseAmount(' 1,250.5 ').toFixed(2)).toBe('1250.50');
    expect(parseAmount('9999999999.99').toFixed(2)).toBe('9999999999.99');
    for (const bad of ['-1', '1.234', 'abc', '1e3', '', '.5', '12345678901', 'NaN', '1..2'])
      expect(codeOf(() => parseAmount(bad))).toBe('VALIDATION');
  });

  it('accepts ISO 4217 codes known to Intl, in any case, and nothing else', () => {
    expect(parseCurrency('gbp')).toBe('GBP');
    expect(parseCurrency('JPY')).toBe('JPY');
    for (const bad of ['XYZ', 'pounds', '£', 'GB', 'EURO'])
      expect(codeOf(() => parseCurrency(bad))).toBe('VALIDATION');
  });

  it('keeps totals per currency and divides with half-up rounding to cents', () => {
    const totals = new CurrencyTotals().add('GBP', '100').add('EUR', '10').add('GBP', '0.01');
    expect(totals.toJSON()).toEqual({ EUR: '10.00', GBP: '100.01' });
    expect(totals.dividedBy(3)).toEqual({ EUR: '3.33', GBP: '33.34' });
    expect(totals.dividedBy(0)).toEqual({});
    expect(new CurrencyTotals().add('GBP', '0.05').dividedBy(2)).toEqual({ GBP: '0.03' });
    expect(totals.share(1, 4).toJSON()).toEqual({ EUR: '2.50', GBP: '25.00' });
  });
});

describe('attendance reconciliation', () => {
  it('decides only when every day is marked', () => {
    expect(reconcile(['attended'], 2)).toBe('confirmed');
    expect(reconcile(['attended', 'attended'], 2)).toBe('attended');
    expect(reconcile(['no_show', 'no_show'], 2)).toBe('no_show');
    expect(reconcile(['attended', 'no_show'], 2)).toBe('partial');
    expect(reconcile(['partial'], 1)).toBe('partial');
  });
});
