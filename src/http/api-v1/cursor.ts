/**
 * Opaque page cursors: the use case's `nextAfter` key, base64url-encoded so clients treat it
 * as a token. A cursor that does not decode to the expected kind of key is a 400 on `next`.
 */
import { AppError } from '../../shared/app-error.ts';
import type { Page } from '../../shared/page.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(key: string | null): string | null {
  return key === null ? null : Buffer.from(key, 'utf8').toString('base64url');
}

/** `shape` checks the decoded key: uuid keys for most lists; others check themselves. */
export function decodeCursor(next: string | undefined, shape: 'uuid' | 'any' = 'uuid'): string | undefined {
  if (next === undefined || next === '') return undefined;
  const key = /^[A-Za-z0-9_-]+$/.test(next) ? Buffer.from(next, 'base64url').toString('utf8') : '';
  if (!key || (shape === 'uuid' && !UUID.test(key)))
    throw new AppError('VALIDATION', 'That page cursor is not valid.', { field: 'next' });
  return key;
}

export function toPage<T>(page: Page<T>): { items: T[]; next: string | null } {
  return { items: page.items, next: encodeCursor(page.nextAfter) };
}
