/**
 * PostgreSQL text cannot hold NUL characters: one in a JSON body would surface as a 500
 * wherever it reached the database. Refused at the door for every JSON route, naming where
 * it was, so no input stores a half-written record or produces a 5xx.
 */
import type { MiddlewareHandler } from 'hono';

export function refuseNulInJson(options: { except?: RegExp } = {}): MiddlewareHandler {
  return async (c, next) => {
    const type = c.req.header('content-type') ?? '';
    if (!/json/i.test(type) || c.req.method === 'GET') return next();
    if (options.except?.test(c.req.path)) return next();
    const text = await c.req.text();
    // Cheap pre-check: a NUL arrives raw or escaped as \u0000.
    if (text.includes('\u0000') || /\\u0000/i.test(text)) {
      let where: string | undefined = 'the body';
      try {
        where = nulPath(JSON.parse(text), 'body');
      } catch {
        // Not JSON: the route answers that itself, unless the raw text holds a NUL.
        if (!text.includes('\u0000')) where = undefined;
      }
      if (where) {
        return c.json(
          {
            error: {
              code: 'VALIDATION',
              message: `${where} contains a NUL character, which cannot be stored.`,
            },
          },
          400,
        );
      }
    }
    return next();
  };
}

function nulPath(value: unknown, where: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? where : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulPath(item, `${where}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return `${where} (a key)`;
      const found = nulPath(item, `${where}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}
