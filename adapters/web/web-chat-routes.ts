/**
 * The web chat: a third adapter beside Slack and Teams. It translates only: JSON from the
 * page → InboundMessage, Reply → JSON the page renders.
 *
 * Who is chatting comes from a session cookie, never from the body. A person gets one by
 * opening a one-time sign-in link (from the bot in Slack or Teams, or the CLI's web-link);
 * the session lives in the database, so every replica accepts it, and it expires or can be
 * ended. Demo mode keeps the person picker (the body's e-mail picks who you are): it is for
 * trying Rollcall on one machine, and binds 127.0.0.1 unless HOST says otherwise.
 *
 * Every state-changing route takes application/json from this site only (same-origin.ts);
 * the cookie is HttpOnly, SameSite=Strict, and Secure when PUBLIC_URL is https.
 */
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { Deps } from '../../src/deps.ts';
import type { ConversationHandler } from '../../src/conversation/types.ts';
import { isAppError } from '../../src/shared/app-error.ts';
import { requireSameOriginJson } from '../../src/http/same-origin.ts';
import { endWebSession, findWebSession, startWebSession } from '../../src/features/web-sessions/index.ts';
import { listInbox } from '../../src/features/notifications/index.ts';
import { toWebReply } from './to-web-reply.ts';
import { SIGN_IN_PAGE, WEB_CHAT_PAGE } from './page.ts';

const ZChatBody = z
  .object({
    /** Demo mode only: the picked person. Ignored otherwise. */
    email: z.string().email().max(200).optional(),
    thread: z
      .string()
      .max(64)
      .regex(/^[A-Za-z0-9_-]*$/)
      .default(''),
    text: z.string().max(20_000).optional(),
    action: z.object({ id: z.string().min(1).max(64), value: z.string().max(500) }).optional(),
  })
  .refine((b) => b.text !== undefined || b.action !== undefined, { message: 'Send text or an action.' });

const INBOX_POLL_MS = 3000;

const ZSignIn = z.object({ token: z.string().max(200) });

export function webChatRoutes(deps: Deps, handler: ConversationHandler): Hono {
  const app = new Hono();
  const demo = deps.config.demoMode;
  const secure = deps.config.publicUrl.startsWith('https://');
  // The __Host- prefix pins the cookie to this exact origin; browsers allow it only with Secure.
  const cookieName = secure ? '__Host-rollcall_session' : 'rollcall_session';
  const sameOrigin = requireSameOriginJson(deps.config.publicUrl);

  const fail = (c: Context, status: 400 | 401 | 404, code: string, message: string) =>
    c.json({ error: { code, message } }, status);

  /** The signed-in person, or (demo) the picked one. */
  async function personOf(c: Context, email: string | undefined): Promise<string | Response> {
    if (demo) {
      if (!email) return fail(c, 400, 'VALIDATION', 'Pick who you are.');
      const person = await deps.db.prisma.person.findUnique({
        where: { email: email.toLowerCase() },
        select: { id: true },
      });
      return person?.id ?? fail(c, 404, 'NOT_FOUND', `Nobody with the e-mail ${email} is known to Rollcall.`);
    }
    const session = await findWebSession(deps, { sessionId: getCookie(c, cookieName) ?? '' });
    return (
      session?.personId ??
      fail(
        c,
        401,
        'UNAUTHENTICATED',
        'Sign in first: ask Rollcall in Slack or Teams to "open Rollcall in my browser".',
      )
    );
  }

  app.get('/', (c) => c.html(WEB_CHAT_PAGE(demo)));
  app.get('/web/sign-in', (c) => c.html(SIGN_IN_PAGE));

  app.post('/web/session', sameOrigin, async (c) => {
    const body = ZSignIn.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return fail(c, 400, 'VALIDATION', 'Send {"token": "…"} from the sign-in link.');
    try {
      const session = await startWebSession(deps, { token: body.data.token });
      setCookie(c, cookieName, session.sessionId, {
        httpOnly: true,
        secure,
        sameSite: 'Strict',
        path: '/',
        // Max-Age, not Expires: the browser's clock need not agree with the server's.
        maxAge: Math.floor((session.expiresAt.getTime() - deps.clock.now().getTime()) / 1000),
      });
      return c.json({ signedIn: true, expiresAt: session.expiresAt.toISOString() });
    } catch (error) {
      if (isAppError(error)) return fail(c, 401, error.code, error.userMessage);
      throw error;
    }
  });

  app.post('/web/sign-out', sameOrigin, async (c) => {
    await endWebSession(deps, { sessionId: getCookie(c, cookieName) ?? '' });
    deleteCookie(c, cookieName, { path: '/', secure });
    return c.json({ signedIn: false });
  });

  app.get('/web/me', async (c) => {
    if (demo) return c.json({ demo: true });
    const who = await personOf(c, undefined);
    if (who instanceof Response) return who;
    const person = await deps.db.prisma.person.findUniqueOrThrow({
      where: { id: who },
      select: { name: true, email: true },
    });
    return c.json({ demo: false, person });
  });

  // Listing everyone is for the demo's picker only.
  if (demo) {
    app.get('/web/people', async (c) => {
      const people = await deps.db.prisma.person.findMany({
        where: { status: 'active' },
        orderBy: { name: 'asc' },
        take: 500,
        select: {
          email: true,
          name: true,
          roles: true,
          jobRole: true,
          _count: { select: { reports: true } },
        },
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
  }

  // The inbox: what the outbox delivered to this person (reminders, offers, approvals).
  // Demo mode names the picked person in the query, as the chat names them in the body.
  const ZInboxQuery = z.object({
    email: z.string().email().max(200).optional(),
    after: z.iso.datetime().optional(),
  });
  const inboxOf = async (c: Context) => {
    const query = ZInboxQuery.safeParse(c.req.query());
    if (!query.success)
      return fail(c, 400, 'VALIDATION', 'Send ?after=<ISO time> (and, in the demo, ?email=).');
    const personId = await personOf(c, query.data.email);
    if (personId instanceof Response) return personId;
    return { personId, after: query.data.after ? new Date(query.data.after) : undefined };
  };
  const webItems = (items: Awaited<ReturnType<typeof listInbox>>) =>
    items.map((item) => ({
      id: item.id,
      kind: item.kind,
      sentAt: item.sentAt,
      reply: toWebReply(item.reply),
    }));

  app.get('/web/inbox', async (c) => {
    const who = await inboxOf(c);
    if (who instanceof Response) return who;
    return c.json({
      items: webItems(await listInbox(deps, { personId: who.personId }, { after: who.after })),
    });
  });

  // Server-sent events: the page keeps one open and shows each delivery as it arrives. The
  // database is the source (any replica may have sent it), polled every few seconds.
  app.get('/web/inbox/stream', async (c) => {
    const who = await inboxOf(c);
    if (who instanceof Response) return who;
    return streamSSE(c, async (stream) => {
      let after = who.after;
      let open = true;
      stream.onAbort(() => {
        open = false;
      });
      while (open) {
        const items = await listInbox(deps, { personId: who.personId }, { after });
        for (const item of webItems(items)) {
          await stream.writeSSE({ event: 'delivery', id: item.id, data: JSON.stringify(item) });
          after = new Date(item.sentAt);
        }
        await stream.sleep(INBOX_POLL_MS);
      }
    });
  });

  app.post('/web/chat', sameOrigin, async (c) => {
    const body = ZChatBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return fail(c, 400, 'VALIDATION', body.error.issues[0]?.message ?? 'Bad request.');
    const personId = await personOf(c, body.data.email);
    if (personId instanceof Response) return personId;
    const reply = await handler({
      personId,
      channel: 'web',
      threadKey: body.data.thread,
      text: body.data.text,
      action: body.data.action,
    });
    return c.json({ reply: toWebReply(reply) });
  });

  return app;
}
