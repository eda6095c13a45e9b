/**
 * The web chat: a third adapter beside Slack and Teams, so anyone can try Rollcall in a
 * browser. It translates only: JSON from the page → InboundMessage, Reply → JSON the page
 * renders. Open in demo mode; otherwise only when WEB_CHAT_TOKEN is set, and then every
 * call must carry the token, so a production deployment never exposes an open chat.
 */
import { timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Deps } from '../../src/deps.ts';
import type { ConversationHandler } from '../../src/conversation/types.ts';
import { toWebReply } from './to-web-reply.ts';
import { WEB_CHAT_PAGE } from './page.ts';

const ZChatBody = z
  .object({
    email: z.string().email().max(200),
    thread: z
      .string()
      .max(64)
      .regex(/^[A-Za-z0-9_-]*$/)
      .default(''),
    text: z.string().max(20_000).optional(),
    action: z.object({ id: z.string().min(1).max(64), value: z.string().max(500) }).optional(),
  })
  .refine((b) => b.text !== undefined || b.action !== undefined, { message: 'Send text or an action.' });

export function webChatEnabled(deps: Pick<Deps, 'config'>): boolean {
  return deps.config.demoMode || Boolean(deps.config.WEB_CHAT_TOKEN);
}

export function webChatRoutes(deps: Deps, handler: ConversationHandler): Hono {
  const app = new Hono();
  const token = deps.config.WEB_CHAT_TOKEN;

  const authorised = (c: Context): boolean => {
    if (!token) return true;
    const given =
      c.req.header('x-web-chat-token') ?? c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  const refuse = (c: Context) =>
    c.json({ error: { code: 'UNAUTHENTICATED', message: 'This web chat needs its access token.' } }, 401);

  app.get('/', (c) => c.html(WEB_CHAT_PAGE(Boolean(token))));

  app.get('/web/people', async (c) => {
    if (!authorised(c)) return refuse(c);
    const people = await deps.db.prisma.person.findMany({
      where: { status: 'active' },
      orderBy: { name: 'asc' },
      take: 500,
      select: { email: true, name: true, roles: true, jobRole: true, _count: { select: { reports: true } } },
    });
    return c.json({
      people: people.map((p) => ({
        email: p.email,
        name: p.name,
        jobRole: p.jobRole,
        roles: [...p.roles, ...(p._count.reports ? ['manager'] : [])],
      })),
    });
  });

  app.post('/web/chat', async (c) => {
    if (!authorised(c)) return refuse(c);
    const body = ZChatBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success)
      return c.json(
        { error: { code: 'VALIDATION', message: body.error.issues[0]?.message ?? 'Bad request.' } },
        400,
      );
    const person = await deps.db.prisma.person.findUnique({
      where: { email: body.data.email.toLowerCase() },
      select: { id: true },
    });
    if (!person)
      return c.json(
        {
          error: {
            code: 'NOT_FOUND',
            message: `Nobody with the e-mail ${body.data.email} is known to Rollcall.`,
          },
        },
        404,
      );
    const reply = await handler({
      personId: person.id,
      channel: 'web',
      threadKey: body.data.thread,
      text: body.data.text,
      action: body.data.action,
    });
    return c.json({ reply: toWebReply(reply) });
  });

  return app;
}
