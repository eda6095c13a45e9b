/**
 * The one error type for broken invariants, not-found and forbidden. Expected outcomes
 * (full session, waitlisted…) are typed results instead. `userMessage` is safe to show
 * to the person who asked; HTTP status comes from src/http/error-response.ts.
 */
export const APP_ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'SESSION_FULL',
  'SESSION_CLOSED',
  'CUTOFF_PASSED',
  'ALREADY_BOOKED',
  'CLASH',
  'PREREQUISITE_MISSING',
  'CAPACITY_BELOW_CONFIRMED',
  'INSTRUCTOR_CONFLICT',
  'VENUE_CONFLICT',
  'DEADLINE_PASSED',
  'INVALID_STATE',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED',
  'RATE_LIMITED',
  'UPSTREAM',
  'INTERNAL',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly userMessage: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(userMessage);
    this.name = 'AppError';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
