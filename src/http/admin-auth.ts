import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../shared/app-error.ts';

/**
 * Guards /api/*: `Authorization: Bearer <ADMIN_API_TOKEN>`. With no token configured the API
 * is closed (the embedded demo generates one at start-up and prints it).
 */
export function requireAdminToken(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!token) throw new AppError('FORBIDDEN', 'The admin API is closed: set ADMIN_API_TOKEN to open it.');
    const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      throw new AppError(
        'UNAUTHENTICATED',
        'Missing or wrong admin API token (Authorization: Bearer <token>).',
      );
    }
    await next();
  };
}
