import { Hono } from 'hono';
import type { Deps } from '../deps.ts';
import { VERSION } from './version.ts';
import { RETRY_AFTER_SECONDS } from './error-response.ts';

/** GET /health: is the process up and can it reach its database? */
export function healthRoutes(deps: Deps): Hono {
  return new Hono().get('/health', async (c) => {
    try {
      await deps.db.sql.query('SELECT 1');
      return c.json({ status: 'ok', db: deps.db.kind, version: VERSION });
    } catch {
      c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return c.json({ status: 'degraded', db: deps.db.kind, version: VERSION }, 503);
    }
  });
}
