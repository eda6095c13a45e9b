/**
 * zod refusals of a path, query, header or body become the one error shape, 400, with
 * `field` naming the first refused input (dotted path, e.g. `days.0.date`).
 */
import type { Context } from 'hono';
import type { ZodError } from 'zod';

export function validationHook(
  result: { success: true } | { success: false; error: ZodError; target: string },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  const field = path || result.target;
  const message = issue ? `${field}: ${issue.message}` : `The ${result.target} is not valid.`;
  return c.json({ error: { code: 'VALIDATION', message, field } }, 400);
}
