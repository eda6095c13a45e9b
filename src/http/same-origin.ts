/**
 * Cross-site request forgery guard for routes a browser calls with its cookie: the body must
 * be declared application/json (a cross-site form or a sendBeacon cannot send that without a
 * CORS preflight, which this service never grants), and the browser must say the request
 * comes from this site: `Sec-Fetch-Site: same-origin`, or an `Origin` equal to this
 * service's own (PUBLIC_URL, or the Host it was reached at). A request saying neither is
 * refused too.
 */
import type { MiddlewareHandler } from 'hono';

export function requireSameOriginJson(publicUrl: string): MiddlewareHandler {
  const publicOrigin = new URL(publicUrl).origin;
  return async (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') {
      return c.json({ error: { code: 'UNSUPPORTED', message: 'Send the body as application/json.' } }, 415);
    }
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const ownOrigins = [publicOrigin, new URL(c.req.url).origin];
    const sameSite =
      site !== undefined
        ? site === 'same-origin' && (!origin || ownOrigins.includes(origin))
        : Boolean(origin && ownOrigins.includes(origin));
    if (!sameSite) {
      return c.json(
        { error: { code: 'FORBIDDEN', message: 'This request must come from the Rollcall page itself.' } },
        403,
      );
    }
    await next();
  };
}
