/** Recognising database errors that carry meaning for a use case (e.g. a lost race on a unique index). */

/** A unique index refused the write (Prisma P2002, or SQLSTATE 23505 through a raw query). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: Record<string, unknown>; message?: string; cause?: unknown };
  if (!e || typeof e !== 'object') return false;
  if (e.code === 'P2002' || e.code === '23505') return true;
  const text = JSON.stringify(e.meta ?? {}) + String(e.message ?? '');
  return /UniqueConstraintViolation|23505|unique constraint/i.test(text);
}
