/**
 * Hono's bodyLimit with the service's JSON error shape. It counts the bytes actually read,
 * so a chunked body without Content-Length is cut off too.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

export const KB = 1024;
export const MB = 1024 * KB;

export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = (c: Context) =>
    c.json(
      {
        error: {
          code: 'PAYLOAD_TOO_LARGE',
          message: `The request body is larger than ${describeBytes(maxBytes)}.`,
        },
      },
      413,
    );
  const counting = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  // The same decisions as bodyLimit's, taken from the Node request's headers where they can
  // be: bodyLimit asks the web Request for its body first, and under @hono/node-server that
  // builds a full Request (with an AbortSignal and a web stream) for every call, /health too.
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined)
      return Number.parseInt(length, 10) > maxBytes ? Promise.resolve(tooLarge(c)) : next();
    return counting(c, next);
  };
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
