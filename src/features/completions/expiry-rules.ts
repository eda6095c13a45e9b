import { addDays, addMonths } from '../../shared/time.ts';

/**
 * When does a new completion expire? With no validity, never. Inside the recertification
 * window (the `windowDays` before the previous completion expires) it renews from the old
 * expiry, so finishing early loses nothing; otherwise (first time, or late) from its own date.
 */
export function computeExpiry(args: {
  completedAt: Date;
  validityMonths: number | null;
  windowDays: number;
  previousExpiresAt: Date | null;
}): Date | null {
  const { completedAt, validityMonths, windowDays, previousExpiresAt } = args;
  if (!validityMonths) return null;
  if (
    previousExpiresAt &&
    completedAt <= previousExpiresAt &&
    completedAt >= addDays(previousExpiresAt, -windowDays)
  ) {
    return addMonths(previousExpiresAt, validityMonths);
  }
  return addMonths(completedAt, validityMonths);
}
