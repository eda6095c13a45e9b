/**
 * The CLI's way in while a service owns the embedded database: the CLI may not open the
 * files (one writer per folder), so it sends its command here, behind the admin token, and
 * the service runs it on its own connection. `POST /api/cli/chat` is one chat turn as a
 * person, exactly what `npm run -s cli -- chat` does on its own; `POST /api/cli/web-link` a
 * one-time web chat sign-in link.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { AppError } from '../shared/app-error.ts';
import { chatTurn } from '../cli/commands/chat.ts';
import { webLinkFor } from '../cli/commands/web-link.ts';
import { requireAdminToken } from './admin-auth.ts';
import { KB, limitBody } from './body-limit.ts';

const ZCliChat = z.object({
  as: z.string().email().max(200),
  text: z.string().max(20_000).optional(),
  action: z.object({ id: z.string().min(1).max(64), value: z.string().max(500) }).optional(),
  thread: z.string().max(64).optional(),
});

export function cliRoutes(deps: Deps): Hono {
  const app = new Hono();
  app.use('/api/cli/*', limitBody(64 * KB), requireAdminToken(deps.config.ADMIN_API_TOKEN));
  app.post('/api/cli/chat', async (c) => {
    const body = ZCliChat.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) {
      throw new AppError('VALIDATION', body.error.issues[0]?.message ?? 'Bad request.');
    }
    return c.json(await chatTurn(deps, body.data));
  });
  app.post('/api/cli/web-link', async (c) => {
    const body = z
      .object({ as: z.string().email().max(200) })
      .safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) throw new AppError('VALIDATION', 'Send {"as": "<email>"}.');
    return c.json(await webLinkFor(deps, body.data.as));
  });
  return app;
}
