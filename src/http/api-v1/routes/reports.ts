/** Reports: costs, attendance against registrations, completions. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../../deps.ts';
import { attendanceReport } from '../../../features/attendance/index.ts';
import { completionsReport } from '../../../features/compliance/index.ts';
import { costReport } from '../../../features/costs/index.ts';
import type { ApiEnv } from '../env.ts';
import { COMMON_ERRORS, ZId, ZInstant, json } from '../schemas.ts';
import { send } from '../send.ts';

const tags = ['Reports'];
const ZPeriod = z.object({ from: ZInstant, to: ZInstant });
const ZMoneyByCurrency = z
  .record(z.string(), z.string())
  .openapi('MoneyByCurrency', { description: 'Decimal text per ISO currency, e.g. {"GBP":"400.00"}' });

export function reportRoutes(app: OpenAPIHono<ApiEnv>, deps: Deps): void {
  app.openapi(
    createRoute({
      operationId: 'costReport',
      method: 'get',
      path: '/api/v1/reports/costs',
      tags,
      summary: 'Costs per session, programme and department, per learner registered and attended',
      request: {
        query: ZPeriod.extend({
          programmeId: ZId.optional(),
          courseId: ZId.optional(),
          departmentId: ZId.optional(),
        }),
      },
      responses: {
        200: json(
          z.object({
            from: ZInstant,
            to: ZInstant,
            sessions: z.array(
              z
                .object({
                  sessionId: ZId,
                  courseCode: z.string(),
                  startsAt: ZInstant,
                  total: ZMoneyByCurrency,
                  perRegistered: ZMoneyByCurrency,
                  perAttended: ZMoneyByCurrency,
                })
                .loose(),
            ),
            programmes: z.array(z.object({ programmeId: ZId, total: ZMoneyByCurrency }).loose()),
            programmeOwn: z.array(z.object({}).loose()),
            departments: z.array(z.object({}).loose()),
            totals: ZMoneyByCurrency,
          }),
        ),
        ...COMMON_ERRORS,
      },
    }),
    async (c) => {
      const { from, to, ...q } = c.req.valid('query');
      return send(
        c,
        await costReport(deps, c.get('actor'), { ...q, from: new Date(from), to: new Date(to) }),
      );
    },
  );

  app.openapi(
    createRoute({
      operationId: 'attendanceReport',
      method: 'get',
      path: '/api/v1/reports/attendance',
      tags,
      summary: 'Registered vs attended per session',
      request: { query: ZPeriod.extend({ courseId: ZId.optional(), departmentId: ZId.optional() }) },
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                sessionId: ZId,
                courseCode: z.string(),
                courseTitle: z.string(),
                startsAt: ZInstant,
                timeZone: z.string(),
                registered: z.number().int(),
                attended: z.number().int(),
                partial: z.number().int(),
                noShow: z.number().int(),
                unreconciled: z.number().int(),
                attendanceRate: z.number().nullable(),
              }),
            ),
          }),
        ),
        ...COMMON_ERRORS,
      },
    }),
    async (c) => {
      const { from, to, ...q } = c.req.valid('query');
      const items = await attendanceReport(deps, c.get('actor'), {
        ...q,
        from: new Date(from),
        to: new Date(to),
      });
      return send(c, { items });
    },
  );

  app.openapi(
    createRoute({
      operationId: 'completionsReport',
      method: 'get',
      path: '/api/v1/reports/completions',
      tags,
      summary: 'Completions per course in a period',
      request: { query: ZPeriod.extend({ departmentId: ZId.optional() }) },
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({ courseId: ZId, courseTitle: z.string(), completions: z.number().int() }),
            ),
          }),
        ),
        ...COMMON_ERRORS,
      },
    }),
    async (c) => {
      const { from, to, ...q } = c.req.valid('query');
      const items = await completionsReport(deps, c.get('actor'), {
        ...q,
        from: new Date(from),
        to: new Date(to),
      });
      return send(c, { items });
    },
  );
}
