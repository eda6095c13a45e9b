/**
 * `Idempotency-Key` on POSTs that create: the first answer (status and body) is stored and a
 * repeat with the same key gets it back, marked `Idempotent-Replayed: true`. The same key
 * with another method, path or body is refused with 422. A repeat arriving while the first is
 * still running waits for its answer (up to WAIT_MS), so concurrent retries create one thing.
 * Only successful answers are kept: after a failure the key is released and may be retried.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Deps } from '../../deps.ts';
import {
  claimIdempotencyKey,
  releaseIdempotencyKey,
  saveIdempotentAnswer,
} from '../../features/platform/idempotency-keys.ts';
import { AppError } from '../../shared/app-error.ts';
import type { ApiEnv } from './env.ts';

const WAIT_MS = 15_000;
const POLL_MS = 50;
const KEY = /^[\x21-\x7e]{1,255}$/;

export function idempotent(deps: Deps): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined) return next();
    if (!KEY.test(key))
      throw new AppError('VALIDATION', 'Idempotency-Key must be 1–255 visible ASCII characters.', {
        field: 'Idempotency-Key',
      });
    const actor = c.get('actor');
    const requestHash = createHash('sha256')
      .update(`${c.req.method} ${c.req.path}\n`)
      .update(await c.req.text())
      .digest('hex');
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const claim = await claimIdempotencyKey(deps, actor, { key, requestHash });
      if (claim.kind === 'mismatch')
        return c.json(
          {
            error: {
              code: 'VALIDATION',
              message: 'This Idempotency-Key was already used with a different request.',
              field: 'Idempotency-Key',
            },
          },
          422,
        );
      if (claim.kind === 'replay')
        return c.body(claim.body, claim.status as 200, {
          'Content-Type': 'application/json; charset=UTF-8',
          'Idempotent-Replayed': 'true',
        });
      if (claim.kind === 'claimed') break;
      if (Date.now() > deadline)
        throw new AppError(
          'CONFLICT',
          'A request with this Idempotency-Key is still running; retry shortly.',
        );
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    let saved = false;
    try {
      await next();
      if (c.res.status >= 200 && c.res.status < 300) {
        await saveIdempotentAnswer(deps, actor, {
          key,
          status: c.res.status,
          body: await c.res.clone().text(),
        });
        saved = true;
      }
    } finally {
      if (!saved) await releaseIdempotencyKey(deps, actor, { key });
    }
  };
}
