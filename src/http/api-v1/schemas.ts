/**
 * Shapes shared by every /api/v1 operation: the one error body, page queries and pages,
 * instants (ISO 8601 with an offset), money (decimal text plus a currency), ids.
 */
import { z } from '@hono/zod-openapi';

export const ZError = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'VALIDATION' }),
      message: z.string(),
      field: z.string().optional().openapi({ description: 'The input that was refused, when one was.' }),
    }),
  })
  .openapi('Error');

export const errorContent = (description: string) => ({
  description,
  content: { 'application/json': { schema: ZError } },
});

/** Errors every operation may answer. */
export const COMMON_ERRORS = {
  400: errorContent('The request is not valid (`field` names the input)'),
  401: errorContent('Missing or wrong admin token'),
  403: errorContent('The admin API is closed or the actor may not do this'),
  404: errorContent('Not found'),
  409: errorContent('A rule or state refuses it (SESSION_FULL, CLASH, INVALID_STATE, …)'),
} as const;
export const IDEMPOTENT_ERRORS = {
  ...COMMON_ERRORS,
  422: errorContent('The Idempotency-Key was used before with a different request'),
} as const;
export const VERSIONED_ERRORS = {
  ...COMMON_ERRORS,
  412: errorContent('If-Match names an old version: read it again; nothing was changed'),
} as const;

export const ZId = z.uuid();
/** An instant as ISO 8601 with an offset, e.g. 2026-12-01T09:00:00Z or 2026-12-01T10:00:00+01:00. */
export const ZInstant = z.iso.datetime({ offset: true }).openapi({ example: '2026-12-01T09:00:00Z' });
export const ZDateOnly = z.iso.date().openapi({ example: '2026-12-01' });
/** Money is decimal text (never a float) with its currency beside it. */
export const ZAmount = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, 'decimal text such as "400" or "1250.50"')
  .openapi({ example: '400.00' });
export const ZCurrency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'ISO 4217 code such as GBP')
  .openapi({ example: 'GBP' });

export const ZPageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(50)
    .openapi({ description: 'Rows per page (1–500, default 50)' }),
  next: z.string().max(400).optional().openapi({ description: 'Cursor from the previous page’s `next`' }),
});

export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      items: z.array(item),
      next: z.string().nullable().openapi({ description: 'Cursor for the next page; null on the last page' }),
    })
    .openapi(name);

export const json = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const ZIdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, '1–255 visible ASCII characters')
    .optional()
    .openapi({ description: 'Repeat a create safely: a retry with the same key returns the first answer' }),
});
export const ZIfMatchHeader = z.object({
  'if-match': z
    .string()
    .max(100)
    .optional()
    .openapi({ description: 'The ETag you read; a stale one is refused with 412 and nothing changes' }),
});

/** A Prisma enum's values as a zod enum. */
export const zEnum = <T extends Record<string, string>>(values: T) =>
  z.enum(Object.values(values) as [T[keyof T], ...T[keyof T][]]);
