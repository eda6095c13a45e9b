/**
 * Money arrives as text ("400", "1250.50") and is kept as a decimal with its currency, never a
 * float. Sums are per currency: amounts in different currencies are never added together.
 */
import { Prisma } from '../../generated/prisma/client.ts';
import { AppError } from '../../shared/app-error.ts';

/** Decimal(12, 2) in the schema: up to 10 digits before the point, 2 after. */
const AMOUNT_RE = /^\d{1,10}(\.\d{1,2})?$/;

let knownCurrencies: Set<string> | undefined;

export function isKnownCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

/** Upper-cases and checks an ISO 4217 code; throws VALIDATION for anything else. */
export function parseCurrency(text: string): string {
  const code = text.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || !isKnownCurrency(code)) {
    throw new AppError('VALIDATION', `"${text}" is not a known ISO 4217 currency code (e.g. GBP, EUR, USD).`);
  }
  return code;
}

/** A non-negative amount with at most two decimals, as a Decimal. */
export function parseAmount(text: string | number): Prisma.Decimal {
  const raw = typeof text === 'number' ? String(text) : text;
  const cleaned = raw.trim().replace(/,(?=\d{3}(\D|$))/g, '');
  if (cleaned.startsWith('-')) throw new AppError('VALIDATION', `An amount cannot be negative (got ${raw}).`);
  if (!AMOUNT_RE.test(cleaned)) {
    throw new AppError(
      'VALIDATION',
      `"${raw}" is not an amount of money; use digits with at most two decimals, e.g. 400 or 1250.50.`,
    );
  }
  return new Prisma.Decimal(cleaned);
}

/** Totals keyed by currency code, as fixed two-decimal strings. */
export type MoneyByCurrency = Record<string, string>;

export class CurrencyTotals {
  private readonly totals = new Map<string, Prisma.Decimal>();

  add(currency: string, amount: Prisma.Decimal | string): this {
    const previous = this.totals.get(currency) ?? new Prisma.Decimal(0);
    this.totals.set(currency, previous.plus(amount));
    return this;
  }

  addAll(other: CurrencyTotals): this {
    for (const [currency, amount] of other.entries()) this.add(currency, amount);
    return this;
  }

  entries(): [string, Prisma.Decimal][] {
    return [...this.totals.entries()].sort(([a], [b]) => a.localeCompare(b));
  }

  isEmpty(): boolean {
    return this.totals.size === 0;
  }

  /** Each currency's total divided by `n`, rounded half-up to cents; empty when n is 0. */
  dividedBy(n: number): MoneyByCurrency {
    if (n <= 0) return {};
    return Object.fromEntries(
      this.entries().map(([c, v]) => [
        c,
        v.dividedBy(n).toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP).toFixed(2),
      ]),
    );
  }

  /** Each total times num/den, rounded to cents (a department's share of a session). */
  share(num: number, den: number): CurrencyTotals {
    const out = new CurrencyTotals();
    if (den <= 0) return out;
    for (const [c, v] of this.entries()) out.add(c, v.times(num).dividedBy(den));
    return out;
  }

  toJSON(): MoneyByCurrency {
    return Object.fromEntries(
      this.entries().map(([c, v]) => [c, v.toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP).toFixed(2)]),
    );
  }
}
