/** The audit log: who changed what, oldest first, paged. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../../deps.ts';
import { listAuditEvents } from '../../../features/audit/index.ts';
import { decodeCursor, toPage } from '../cursor.ts';
import type { ApiEnv } from '../env.ts';
import { COMMON_ERRORS, ZId, ZInstant, ZPageQuery, json, pageOf } from '../schemas.ts';
import { send } from '../send.ts';

const ZAuditEvent = z
  .object({
    id: z.string().openapi({ description: 'Decimal text (64-bit sequence)' }),
    actorId: ZId.nullable(),
    actorName: z
      .string()
      .nullable()
      .openapi({ description: '"Admin API" for changes made through this API' }),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    at: ZInstant,
  })
  .openapi('AuditEvent');

export function auditRoutes(app: OpenAPIHono<ApiEnv>, deps: Deps): void {
  app.openapi(
    createRoute({
      operationId: 'listAuditEvents',
      method: 'get',
      path: '/api/v1/audit-events',
      tags: ['Audit'],
      summary: 'Audit events, filtered by entity, actor, action or time',
      request: {
        query: ZPageQuery.extend({
          entityType: z.string().max(100).optional(),
          entityId: z.string().max(100).optional(),
          actorId: ZId.optional(),
          action: z.string().max(100).optional(),
          from: ZInstant.optional(),
          to: ZInstant.optional(),
        }),
      },
      responses: { 200: json(pageOf(ZAuditEvent, 'AuditEventPage')), ...COMMON_ERRORS },
    }),
    async (c) => {
      const { next, from, to, ...q } = c.req.valid('query');
      const page = await listAuditEvents(deps, c.get('actor'), {
        ...q,
        after: decodeCursor(next, 'any'),
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
      return send(c, toPage(page));
    },
  );
}
