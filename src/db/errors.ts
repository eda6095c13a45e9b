/** Recognising database errors that carry meaning for a use case (e.g. a lost race on a unique index). */

/** A unique index refused the write (Prisma P2002, or SQLSTATE 23505 through a raw query). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: Record<string, unknown>; message?: string; cause?: unknown };
  if (!e || typeof e !== 'object') return false;
  if (e.code === 'P2002' || e.code === '23505') return true;
  const text = JSON.stringify(e.meta ?? {}) + String(e.message ?? '');
  return /UniqueConstraintViolation|23505|unique constraint/i.test(text);
}

/** Prisma codes for "cannot reach / lost the database" (as opposed to a bad query). */
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1003', 'P1008', 'P1011', 'P1017', 'P2024']);
/** Driver adapter kinds for the same. */
const UNAVAILABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'DatabaseDoesNotExist',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TransactionAlreadyClosed',
]);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

/**
 * The database is down, gone or unreachable: the request may succeed later, so the answer
 * is 503 with Retry-After, not a 500. SQLSTATE classes 08 (connection), 57P (shutdown),
 * 53 (resources) and 3D000 (database dropped) count, as do PGlite's "closed" errors.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as {
    code?: unknown;
    kind?: unknown;
    message?: unknown;
    meta?: { driverAdapterError?: { cause?: { kind?: string; originalCode?: string } } };
    cause?: unknown;
  };
  const code = typeof e.code === 'string' ? e.code : '';
  if (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_NODE_CODES.has(code)) return true;
  const sqlState = e.meta?.driverAdapterError?.cause?.originalCode ?? code;
  if (/^(08|57P|53)/.test(sqlState) || sqlState === '3D000') return true;
  const kind = e.meta?.driverAdapterError?.cause?.kind ?? (typeof e.kind === 'string' ? e.kind : '');
  if (UNAVAILABLE_KINDS.has(kind)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  if (/PGlite is clos(ed|ing)|Connection terminated|Cannot use a pool after calling end/i.test(message))
    return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
