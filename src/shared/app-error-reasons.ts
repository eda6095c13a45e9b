/**
 * Detail reasons carried by an AppError when the code alone does not say enough for HTTP.
 * `stale_version`: a CONFLICT because the caller edited from an old copy (If-Match), which
 * HTTP answers as 412 Precondition Failed rather than 409.
 */
export const STALE_VERSION = 'stale_version';

/** A version (updatedAt) that always moves forward, even when the clock is fixed in tests. */
export function nextVersion(now: Date, previousMs: number): Date {
  return now.getTime() > previousMs ? now : new Date(previousMs + 1);
}
