/**
 * Hono's bodyLimit with the service's JSON error shape. It counts the bytes actually read,
 * so a chunked body without Content-Length is cut off too.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

export const KB = 1024;
export const MB = 1024 * KB;

export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      c.json(
        {
          error: {
            code: 'PAYLOAD_TOO_LARGE',
            message: `The request body is larger than ${describeBytes(maxBytes)}.`,
          },
        },
        413,
      ),
  });
}

function describeBytes(bytes: number): string {
  return bytes >= MB ? `${bytes / MB} MB` : `${bytes / KB} KB`;
}

/**
 * Every route gets a limit: the first matching rule's, else the fallback. Routes that
 * take bigger bodies (package upload, CSV import, SCORM commits) are named here, so a new
 * route is small by default.
 */
export function limitBodiesByRoute(rules: [RegExp, number][], fallbackBytes: number): MiddlewareHandler {
  const limits = new Map<number, MiddlewareHandler>();
  const limiterFor = (bytes: number) => {
    let limiter = limits.get(bytes);
    if (!limiter) {
      limiter = limitBody(bytes);
      limits.set(bytes, limiter);
    }
    return limiter;
  };
  return (c, next) => {
    const rule = rules.find(([pattern]) => pattern.test(c.req.path));
    return limiterFor(rule ? rule[1] : fallbackBytes)(c, next);
  };
}
