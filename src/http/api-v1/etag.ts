/**
 * ETags for sessions and courses are their version (updatedAt in milliseconds). A client
 * sends the ETag back in If-Match; the version is claimed atomically before the change, so a
 * stale copy gets 412 and changes nothing. Without If-Match the change goes ahead.
 */
import { AppError } from '../../shared/app-error.ts';

export const etagOf = (version: Date): string => `"${version.getTime()}"`;

/** The version named by If-Match; undefined when absent or `*` (no precondition). */
export function ifMatchVersion(header: string | undefined): Date | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(header);
  if (!match)
    throw new AppError('VALIDATION', 'If-Match must be an ETag this API gave you.', { field: 'If-Match' });
  return new Date(Number(match[1]));
}
