import { Hono } from 'hono';
import type { Deps } from '../deps.ts';
import { VERSION } from './version.ts';

/** GET /health: is the process up and can it reach its database? */
export function healthRoutes(deps: Deps): Hono {
  return new Hono().get('/health', async (c) => {
    try {
      await deps.db.sql.query('SELECT 1');
      return c.json({ status: 'ok', db: deps.db.kind, version: VERSION });
    } catch {
      return c.json({ status: 'degraded', db: deps.db.kind, version: VERSION }, 503);
    }
  });
}
