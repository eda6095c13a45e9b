/** Content packages retired (archive, delete) and the attempts made at a course's content, as JSON or CSV. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../../deps.ts';
import { archivePackage, deletePackage } from '../../../features/content/index.ts';
import {
  ATTEMPT_CSV_COLUMNS,
  INTERACTION_CSV_COLUMNS,
  attemptCsvRow,
  csvText,
  interactionCsvRow,
  scormAttemptsReport,
} from '../../../features/scorm/index.ts';
import type { ApiEnv } from '../env.ts';
import { COMMON_ERRORS, ZId, ZInstant, json } from '../schemas.ts';
import { send } from '../send.ts';

const ZPackageIdParam = z.object({ packageId: ZId });

const ZAttemptScoRow = z
  .object({
    personName: z.string(),
    email: z.string(),
    attemptNumber: z.number().int(),
    packageId: ZId,
    packageTitle: z.string(),
    attemptStatus: z.string(),
    attemptSuccess: z.string().nullable(),
    attemptScoreScaled: z.string().nullable(),
    startedAt: ZInstant,
    lastActivityAt: ZInstant,
    finishedAt: ZInstant.nullable(),
    scoIdentifier: z.string(),
    scoTitle: z.string(),
    completionStatus: z.string().nullable(),
    successStatus: z.string().nullable(),
    scoreRaw: z.string().nullable(),
    scoreScaled: z.string().nullable(),
    timeSeconds: z.number().int(),
    interactions: z.number().int(),
    interactionsCorrect: z.number().int(),
    interactionResults: z.string(),
    objectives: z.string(),
  })
  .openapi('AttemptScoRow');

const ZInteractionRow = z
  .object({
    email: z.string(),
    attemptNumber: z.number().int(),
    scoIdentifier: z.string(),
    id: z.string(),
    type: z.string(),
    result: z.string(),
    response: z.string(),
    weighting: z.string(),
    latency: z.string(),
    time: z.string(),
    description: z.string(),
  })
  .openapi('InteractionRow');

export function scormPackageRoutes(app: OpenAPIHono<ApiEnv>, deps: Deps): void {
  app.openapi(
    createRoute({
      operationId: 'archivePackage',
      method: 'post',
      path: '/api/v1/packages/{packageId}/archive',
      tags: ['Packages'],
      summary: 'Archive a package: no new attempt launches it (refused while attempts are open)',
      request: { params: ZPackageIdParam },
      responses: {
        200: json(
          z.object({
            kind: z.enum(['archived', 'already_archived']),
            packageId: ZId,
            archivedAt: ZInstant,
          }),
        ),
        ...COMMON_ERRORS,
      },
    }),
    async (c) => send(c, await archivePackage(deps, c.get('actor'), c.req.valid('param'))),
  );

  app.openapi(
    createRoute({
      operationId: 'deletePackage',
      method: 'delete',
      path: '/api/v1/packages/{packageId}',
      tags: ['Packages'],
      summary: 'Delete a package and its files (refused once any attempt was made: archive it)',
      request: { params: ZPackageIdParam },
      responses: {
        200: json(z.object({ kind: z.literal('deleted'), packageId: ZId })),
        ...COMMON_ERRORS,
      },
    }),
    async (c) => send(c, await deletePackage(deps, c.get('actor'), c.req.valid('param'))),
  );

  app.openapi(
    createRoute({
      operationId: 'scormAttemptsReport',
      method: 'get',
      path: '/api/v1/reports/scorm-attempts/{courseId}',
      tags: ['Reports'],
      summary:
        'Attempts at a course’s content: per SCO status, score, time, interactions and objectives (format=csv for a file; rows=interactions for one row per interaction)',
      request: {
        params: z.object({ courseId: ZId }),
        query: z.object({
          format: z.enum(['json', 'csv']).default('json'),
          rows: z.enum(['scos', 'interactions']).default('scos'),
        }),
      },
      responses: {
        200: {
          description: 'The report',
          content: {
            'application/json': {
              schema: z.object({
                courseId: ZId,
                courseCode: z.string(),
                courseTitle: z.string(),
                rows: z.array(ZAttemptScoRow),
                interactions: z.array(ZInteractionRow),
              }),
            },
            'text/csv': { schema: z.string() },
          },
        },
        ...COMMON_ERRORS,
      },
    }),
    async (c) => {
      const { format, rows } = c.req.valid('query');
      const report = await scormAttemptsReport(deps, c.get('actor'), c.req.valid('param'));
      if (format === 'json') return send(c, report);
      const csv =
        rows === 'scos'
          ? csvText(ATTEMPT_CSV_COLUMNS, report.rows.map(attemptCsvRow))
          : csvText(INTERACTION_CSV_COLUMNS, report.interactions.map(interactionCsvRow));
      const name = `${report.courseCode.toLowerCase()}-attempts${rows === 'interactions' ? '-interactions' : ''}.csv`;
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=UTF-8',
        'Content-Disposition': `attachment; filename="${name.replace(/[^a-z0-9._-]/g, '-')}"`,
      }) as never;
    },
  );
}
