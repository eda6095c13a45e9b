/**
 * Answers with JSON the way every /api/v1 operation does: instants as ISO 8601 (UTC, `Z`),
 * 64-bit numbers and decimals as text. Typed loosely on purpose: the declared response
 * schemas are checked against real answers by the contract test instead.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export function send(
  c: Context,
  body: unknown,
  status: ContentfulStatusCode = 200,
  headers: Record<string, string> = {},
): any {
  const text = JSON.stringify(body, (_key, value) => (typeof value === 'bigint' ? value.toString() : value));
  return c.body(text, status, { 'Content-Type': 'application/json; charset=UTF-8', ...headers });
}
