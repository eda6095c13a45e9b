/** The one place AppError codes become HTTP statuses and JSON bodies. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HTTPException } from 'hono/http-exception';
import { AppError, type AppErrorCode } from '../shared/app-error.ts';
import { STALE_VERSION } from '../shared/app-error-reasons.ts';
import type { Logger } from '../shared/logger.ts';
import { isDatabaseUnavailable } from '../db/errors.ts';

/** Seconds a client should wait before retrying while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

export function databaseUnavailableResponse(c: Context): Response {
  c.header('Retry-After', String(RETRY_AFTER_SECONDS));
  return c.json(
    { error: { code: 'UNAVAILABLE', message: 'The database is unavailable; try again in a few seconds.' } },
    503,
  );
}

const STATUS_BY_CODE: Record<AppErrorCode, ContentfulStatusCode> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  SESSION_FULL: 409,
  SESSION_CLOSED: 409,
  CUTOFF_PASSED: 409,
  ALREADY_BOOKED: 409,
  CLASH: 409,
  PREREQUISITE_MISSING: 409,
  CAPACITY_BELOW_CONFIRMED: 409,
  INSTRUCTOR_CONFLICT: 409,
  VENUE_CONFLICT: 409,
  DEADLINE_PASSED: 409,
  INVALID_STATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED: 415,
  RATE_LIMITED: 429,
  UPSTREAM: 502,
  INTERNAL: 500,
};

export function statusForCode(code: AppErrorCode): ContentfulStatusCode {
  return STATUS_BY_CODE[code];
}

export function errorResponse(error: unknown, c: Context, log: Logger): Response {
  if (error instanceof AppError) {
    const field = typeof error.details?.field === 'string' ? error.details.field : undefined;
    // An edit from an old copy (If-Match) is a conflict to the domain, 412 to HTTP.
    const status = error.details?.reason === STALE_VERSION ? 412 : statusForCode(error.code);
    return c.json(
      { error: { code: error.code, message: error.userMessage, ...(field ? { field } : {}) } },
      status,
    );
  }
  if (error instanceof HTTPException) {
    const code = error.status === 401 ? 'UNAUTHENTICATED' : error.status === 404 ? 'NOT_FOUND' : 'VALIDATION';
    return c.json({ error: { code, message: error.message || 'Bad request' } }, error.status);
  }
  if (isDatabaseUnavailable(error)) {
    log.warn({ err: error, path: c.req.path }, 'database unavailable');
    return databaseUnavailableResponse(c);
  }
  log.error({ err: error, path: c.req.path }, 'unhandled error');
  return c.json(
    { error: { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged.' } },
    500,
  );
}
