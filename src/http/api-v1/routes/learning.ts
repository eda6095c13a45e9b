/** Programmes and journeys, assignment rules, completions, certificates, compliance. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../../deps.ts';
import {
  createAssignmentRule,
  listAssignmentRules,
  runAssignmentRules,
  ZAssignmentRuleInput,
} from '../../../features/assignments/index.ts';
import { listProgrammes } from '../../../features/catalogue/index.ts';
import { certificatePdf, verifyCertificate } from '../../../features/certificates/index.ts';
import { importCompletions, recordManualCompletion } from '../../../features/completions/index.ts';
import { complianceReport, complianceStatus } from '../../../features/compliance/index.ts';
import type { ComplianceScope } from '../../../features/compliance/index.ts';
import { AppError } from '../../../shared/app-error.ts';
import { decodeCursor, toPage } from '../cursor.ts';
import type { ApiEnv } from '../env.ts';
import { idempotent } from '../idempotency.ts';
import {
  COMMON_ERRORS,
  IDEMPOTENT_ERRORS,
  ZId,
  ZIdempotencyHeader,
  ZInstant,
  ZPageQuery,
  json,
  jsonBody,
  pageOf,
} from '../schemas.ts';
import { send } from '../send.ts';

const ZScopeQuery = z.object({
  scope: z.enum(['everyone', 'department', 'manager_line', 'person']).default('everyone'),
  departmentId: ZId.optional(),
  managerId: ZId.optional(),
  personId: ZId.optional(),
  asOf: ZInstant.optional(),
  requirement: z.string().max(40).optional().openapi({ description: 'One requirement code' }),
});

function scopeOf(q: z.infer<typeof ZScopeQuery>): ComplianceScope {
  const need = (value: string | undefined, field: string) => {
    if (!value) throw new AppError('VALIDATION', `scope=${q.scope} needs ${field}.`, { field });
    return value;
  };
  if (q.scope === 'department')
    return { kind: 'department', departmentId: need(q.departmentId, 'departmentId') };
  if (q.scope === 'manager_line') return { kind: 'manager_line', managerId: need(q.managerId, 'managerId') };
  if (q.scope === 'person') return { kind: 'person', personId: need(q.personId, 'personId') };
  return { kind: 'everyone' };
}

const ZComplianceRow = z
  .object({
    personId: ZId,
    personName: z.string(),
    email: z.string(),
    department: z.string().nullable(),
    requirementCode: z.string(),
    status: z.string(),
    expiresAt: ZInstant.nullable(),
    dueAt: ZInstant.nullable(),
  })
  .loose()
  .openapi('ComplianceRow');

export function learningRoutes(app: OpenAPIHono<ApiEnv>, deps: Deps): void {
  app.openapi(
    createRoute({
      operationId: 'listProgrammes',
      method: 'get',
      path: '/api/v1/programmes',
      tags: ['Programmes'],
      summary: 'Programmes and learning journeys with their steps',
      request: { query: ZPageQuery.extend({ kind: z.enum(['programme', 'journey']).optional() }) },
      responses: {
        200: json(
          pageOf(
            z
              .object({
                id: ZId,
                code: z.string(),
                title: z.string(),
                description: z.string(),
                kind: z.enum(['programme', 'journey']),
                active: z.boolean(),
                steps: z.array(
                  z.object({
                    position: z.number().int(),
                    courseId: ZId,
                    courseCode: z.string(),
                    requiresPrevious: z.boolean(),
                    dueAfterDays: z.number().int().nullable(),
                  }),
                ),
              })
              .openapi('Programme'),
            'ProgrammePage',
          ),
        ),
        ...COMMON_ERRORS,
      },
    }),
    async (c) => {
      const { next, ...q } = c.req.valid('query');
      return send(c, toPage(await listProgrammes(deps, c.get('actor'), { ...q, after: decodeCursor(next) })));
    },
  );

  const ZRule = z
    .object({
      id: ZId,
      name: z.string(),
      courseId: ZId,
      departmentId: ZId.nullable(),
      jobRole: z.string().nullable(),
      locationId: ZId.nullable(),
      hiredWithinDays: z.number().int().nullable(),
      dueInDays: z.number().int(),
      active: z.boolean(),
      createdAt: ZInstant,
    })
    .openapi('AssignmentRule');

  app.openapi(
    createRoute({
      operationId: 'listAssignmentRules',
      method: 'get',
      path: '/api/v1/assignment-rules',
      tags: ['Assignments'],
      summary: 'Rules that assign courses by department, role, location or hire date',
      request: {
        query: ZPageQuery.extend({ courseId: ZId.optional(), active: z.enum(['true', 'false']).optional() }),
      },
      responses: { 200: json(pageOf(ZRule, 'AssignmentRulePage')), ...COMMON_ERRORS },
    }),
    async (c) => {
      const { next, active, ...q } = c.req.valid('query');
      const page = await listAssignmentRules(deps, c.get('actor'), {
        ...q,
        active: active === undefined ? undefined : active === 'true',
        after: decodeCursor(next),
      });
      return send(c, toPage(page));
    },
  );

  app.openapi(
    createRoute({
      operationId: 'createAssignmentRule',
      method: 'post',
      path: '/api/v1/assignment-rules',
      tags: ['Assignments'],
      summary: 'Create a rule; it assigns the course to everyone it matches now and later',
      middleware: [idempotent(deps)],
      request: { headers: ZIdempotencyHeader, body: jsonBody(ZAssignmentRuleInput) },
      responses: {
        201: json(
          z.object({
            kind: z.enum(['created', 'created_matching_nobody']),
            ruleId: ZId,
            matched: z.number().int().optional(),
            assigned: z.number().int().optional(),
            message: z.string().optional(),
          }),
          'Created',
        ),
        ...IDEMPOTENT_ERRORS,
      },
    }),
    async (c) =>
      send(c, await createAssignmentRule(deps, c.get('actor'), { rule: c.req.valid('json') }), 201),
  );

  app.openapi(
    createRoute({
      operationId: 'runAssignmentRules',
      method: 'post',
      path: '/api/v1/assignment-rules/run',
      tags: ['Assignments'],
      summary: 'Re-evaluate every active rule now (the nightly job does the same)',
      responses: {
        200: json(z.object({ rules: z.number().int(), assigned: z.number().int() })),
        ...COMMON_ERRORS,
      },
    }),
    // The job's use case takes no actor: the admin token is already checked by the guard.
    async (c) => send(c, await runAssignmentRules(deps)),
  );

  app.openapi(
    createRoute({
      operationId: 'recordCompletion',
      method: 'post',
      path: '/api/v1/completions',
      tags: ['Completions'],
      summary: 'Record a completion by hand (paper record, external training)',
      middleware: [idempotent(deps)],
      request: {
        headers: ZIdempotencyHeader,
        body: jsonBody(
          z.object({
            personId: ZId,
            courseId: ZId,
            completedAt: ZInstant,
            reason: z.string().trim().min(1).max(500),
            score: z.number().min(0).max(100).nullable().optional(),
          }),
        ),
      },
      responses: {
        201: json(
          z
            .object({ kind: z.literal('recorded'), completionId: ZId, expiresAt: ZInstant.nullable() })
            .loose(),
          'Recorded',
        ),
        200: json(
          z.object({
            kind: z.literal('already_recorded'),
            completionId: ZId,
            expiresAt: ZInstant.nullable(),
          }),
          'The same evidence was already recorded',
        ),
        ...IDEMPOTENT_ERRORS,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const result = await recordManualCompletion(deps, c.get('actor'), {
        ...body,
        completedAt: new Date(body.completedAt),
      });
      return send(c, result, result.kind === 'recorded' ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      operationId: 'importCompletions',
      method: 'post',
      path: '/api/v1/completions/import',
      tags: ['Completions'],
      summary: 'Import completions from another system (rows, or CSV text); dryRun checks only',
      request: {
        body: jsonBody(
          z
            .object({
              dryRun: z.boolean().default(false),
              rows: z
                .array(
                  z.object({
                    email: z.string().max(320),
                    courseCode: z.string().max(40),
                    completedAt: z.string().max(40),
                    expiresAt: z.string().max(40).optional(),
                    certificateRef: z.string().max(200).optional(),
                    score: z.string().max(20).optional(),
                  }),
                )
                .max(20_000)
                .optional(),
              csv: z.string().max(5_000_000).optional(),
            })
            .refine((b) => (b.rows === undefined) !== (b.csv === undefined), {
              message: 'send either rows or csv',
              path: ['rows'],
            }),
        ),
      },
      responses: {
        200: json(
          z.object({
            kind: z.enum(['imported', 'dry_run']),
            imported: z.number().int(),
            alreadyImported: z.number().int(),
            duplicates: z.number().int(),
            rejected: z.number().int(),
            rows: z.array(z.object({ line: z.number().int(), status: z.string() }).loose()),
          }),
        ),
        ...COMMON_ERRORS,
      },
    }),
    async (c) => send(c, await importCompletions(deps, c.get('actor'), c.req.valid('json'))),
  );

  app.openapi(
    createRoute({
      operationId: 'verifyCertificate',
      method: 'get',
      path: '/api/v1/certificates/{number}',
      tags: ['Certificates'],
      summary: 'Check a certificate by its number',
      request: { params: z.object({ number: z.string().min(1).max(64) }) },
      responses: {
        200: json(
          z.object({
            number: z.string(),
            holderName: z.string(),
            courseTitle: z.string(),
            courseCode: z.string(),
            issuedAt: ZInstant,
            expiresAt: ZInstant.nullable(),
            status: z.enum(['valid', 'expired', 'revoked']),
            verificationUrl: z.string(),
          }),
        ),
        ...COMMON_ERRORS,
      },
    }),
    async (c) => send(c, await verifyCertificate(deps, c.req.valid('param'))),
  );

  app.openapi(
    createRoute({
      operationId: 'getCertificatePdf',
      method: 'get',
      path: '/api/v1/certificates/{number}/pdf',
      tags: ['Certificates'],
      summary: 'The certificate as a PDF',
      request: { params: z.object({ number: z.string().min(1).max(64) }) },
      responses: {
        200: {
          description: 'PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...COMMON_ERRORS,
      },
    }),
    async (c) => {
      const { filename, pdf } = await certificatePdf(deps, c.get('actor'), c.req.valid('param'));
      return c.body(new Uint8Array(pdf), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
      }) as never;
    },
  );

  const ZTotals = z.record(z.string(), z.number().int());
  app.openapi(
    createRoute({
      operationId: 'complianceReport',
      method: 'get',
      path: '/api/v1/compliance/report',
      tags: ['Compliance'],
      summary: 'Compliance counts per requirement for a scope, optionally with rows',
      request: { query: ZScopeQuery.extend({ detail: z.enum(['summary', 'rows']).default('summary') }) },
      responses: {
        200: json(
          z.object({
            asOf: ZInstant,
            scope: z.object({ kind: z.string() }).loose(),
            summary: z.array(
              z.object({
                requirementCode: z.string(),
                requirementName: z.string(),
                compliant: z.number().int(),
                expiring: z.number().int(),
                due: z.number().int(),
                overdue: z.number().int(),
                total: z.number().int(),
              }),
            ),
            totals: ZTotals,
            rows: z.array(ZComplianceRow).optional(),
            truncated: z.boolean().optional(),
          }),
        ),
        ...COMMON_ERRORS,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const report = await complianceReport(deps, c.get('actor'), {
        scope: scopeOf(q),
        asOf: q.asOf ? new Date(q.asOf) : undefined,
        requirementCodes: q.requirement ? [q.requirement] : undefined,
        detail: q.detail,
      });
      return send(c, report);
    },
  );

  app.openapi(
    createRoute({
      operationId: 'complianceStatus',
      method: 'get',
      path: '/api/v1/compliance/status',
      tags: ['Compliance'],
      summary: 'Per person and requirement: compliant, expiring, due or overdue, with evidence',
      request: {
        query: ZScopeQuery.extend({
          status: z.enum(['compliant', 'expiring', 'due', 'overdue', 'not_applicable']).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(500),
        }),
      },
      responses: {
        200: json(z.object({ items: z.array(ZComplianceRow), truncated: z.boolean() })),
        ...COMMON_ERRORS,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const result = await complianceStatus(deps, c.get('actor'), {
        scope: scopeOf(q),
        asOf: q.asOf ? new Date(q.asOf) : undefined,
        requirementCodes: q.requirement ? [q.requirement] : undefined,
        statuses: q.status ? [q.status] : undefined,
        maxRows: q.limit,
      });
      return send(c, { items: result.rows, truncated: result.truncated });
    },
  );
}
