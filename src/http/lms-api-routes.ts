/**
 * Admin HTTP API for the LMS, under /api/lms (Bearer ADMIN_API_TOKEN; the token acts as the
 * system, i.e. with admin rights). Thin: parse with zod, call the use case, return JSON.
 *
 *   GET  /api/lms/courses?q=first aid
 *   GET  /api/lms/compliance?scope=everyone|department|manager|person&department=Operations
 *        &manager=<email>&person=<email>&asOf=YYYY-MM-DD&detail=summary|rows|csv
 *   POST /api/lms/completions          {email, courseCode, completedAt, reason, score?}
 *   POST /api/lms/completions/import   text/csv body, or {rows:[…]}; ?dryRun=true
 *   POST /api/lms/assignments          {courseCode, emails[], dueAt?}
 *   POST /api/lms/assignment-rules     {name, courseCode, department?, jobRole?, location?, hiredWithinDays?, dueInDays?}
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { AppError } from '../shared/app-error.ts';
import { SYSTEM_ACTOR } from '../features/people/actor.ts';
import { requireAdminToken } from './admin-auth.ts';
import { findCourses } from '../features/catalogue/find-courses.ts';
import { complianceReport } from '../features/compliance/compliance-report.ts';
import { findDepartment } from '../features/compliance/find-department.ts';
import type { ComplianceScope } from '../features/compliance/compliance-sql.ts';
import { recordManualCompletion } from '../features/completions/record-manual-completion.ts';
import { importCompletions, type ImportRow } from '../features/completions/import-completions.ts';
import { assignCourse } from '../features/assignments/assign-course.ts';
import { createAssignmentRule } from '../features/assignments/create-assignment-rule.ts';

const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/, 'use YYYY-MM-DD')
  .transform((s) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s));

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new AppError('VALIDATION', `${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  return result.data;
}

export function lmsApiRoutes(deps: Deps): Hono {
  const app = new Hono();
  const db = deps.db.prisma;
  const actor = SYSTEM_ACTOR;
  const personIdByEmail = async (email: string) => {
    const p = await db.person.findUnique({
      where: { email: email.trim().toLowerCase() },
      select: { id: true },
    });
    if (!p) throw new AppError('NOT_FOUND', `Nobody with the e-mail ${email} is known to Rollcall.`);
    return p.id;
  };
  const courseIdByCode = async (code: string) => {
    const c = await db.course.findUnique({
      where: { code: code.trim().toUpperCase() },
      select: { id: true },
    });
    if (!c) throw new AppError('NOT_FOUND', `There is no course with the code ${code}.`);
    return c.id;
  };

  app.use('/api/lms/*', requireAdminToken(deps.config.ADMIN_API_TOKEN));

  app.get('/api/lms/courses', async (c) =>
    c.json(await findCourses(deps, actor, { query: c.req.query('q') ?? '' })),
  );

  app.get('/api/lms/compliance', async (c) => {
    const q = parse(
      z.object({
        scope: z.enum(['everyone', 'department', 'manager', 'person']).default('everyone'),
        department: z.string().optional(),
        manager: z.string().optional(),
        person: z.string().optional(),
        asOf: ZDate.optional(),
        detail: z.enum(['summary', 'rows', 'csv']).default('summary'),
      }),
      c.req.query(),
    );
    let scope: ComplianceScope;
    if (q.scope === 'department')
      scope = {
        kind: 'department',
        departmentId: (await findDepartment(deps, actor, { name: q.department ?? '' })).id,
      };
    else if (q.scope === 'manager')
      scope = { kind: 'manager_line', managerId: await personIdByEmail(q.manager ?? '') };
    else if (q.scope === 'person')
      scope = { kind: 'person', personId: await personIdByEmail(q.person ?? '') };
    else scope = { kind: 'everyone' };
    const report = await complianceReport(deps, actor, { scope, asOf: q.asOf, detail: q.detail });
    if (q.detail === 'csv') {
      return c.body(report.csv!, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="compliance-${report.asOf.toISOString().slice(0, 10)}.csv"`,
        // A capped export must not pass for a complete one.
        ...(report.truncated ? { 'X-Rollcall-Truncated': 'true' } : {}),
      });
    }
    return c.json(report);
  });

  app.post('/api/lms/completions', async (c) => {
    const body = parse(
      z.object({
        email: z.string(),
        courseCode: z.string(),
        completedAt: ZDate,
        reason: z.string(),
        score: z.number().optional(),
      }),
      await c.req.json().catch(() => null),
    );
    const result = await recordManualCompletion(deps, actor, {
      personId: await personIdByEmail(body.email),
      courseId: await courseIdByCode(body.courseCode),
      completedAt: body.completedAt,
      reason: body.reason,
      score: body.score,
    });
    return c.json(result, result.kind === 'recorded' ? 201 : 200);
  });

  app.post('/api/lms/completions/import', async (c) => {
    const dryRun = c.req.query('dryRun') === 'true';
    const type = c.req.header('content-type') ?? '';
    if (type.includes('json')) {
      const body = parse(
        z.object({
          rows: z.array(
            z.object({
              email: z.string(),
              courseCode: z.string(),
              completedAt: z.string(),
              expiresAt: z.string().optional(),
              certificateRef: z.string().optional(),
              score: z.string().optional(),
            }),
          ),
        }),
        await c.req.json().catch(() => null),
      );
      return c.json(await importCompletions(deps, actor, { rows: body.rows as ImportRow[], dryRun }));
    }
    const csv = await c.req.text();
    if (csv.length > 5_000_000) throw new AppError('PAYLOAD_TOO_LARGE', 'Import files are limited to 5 MB.');
    return c.json(await importCompletions(deps, actor, { csv, dryRun }));
  });

  app.post('/api/lms/assignments', async (c) => {
    const body = parse(
      z.object({ courseCode: z.string(), emails: z.array(z.string()).min(1), dueAt: ZDate.optional() }),
      await c.req.json().catch(() => null),
    );
    const personIds = await Promise.all(body.emails.map(personIdByEmail));
    return c.json(
      await assignCourse(deps, actor, {
        courseId: await courseIdByCode(body.courseCode),
        personIds,
        dueAt: body.dueAt,
      }),
    );
  });

  app.post('/api/lms/assignment-rules', async (c) => {
    const body = parse(
      z.object({
        name: z.string(),
        courseCode: z.string(),
        department: z.string().optional(),
        jobRole: z.string().optional(),
        location: z.string().optional(),
        hiredWithinDays: z.number().int().optional(),
        dueInDays: z.number().int().optional(),
      }),
      await c.req.json().catch(() => null),
    );
    const locationId = body.location
      ? (
          await db.location.findFirst({
            where: { name: { equals: body.location.trim(), mode: 'insensitive' } },
            select: { id: true },
          })
        )?.id
      : undefined;
    if (body.location && !locationId)
      throw new AppError('NOT_FOUND', `There is no location called ${body.location}.`);
    const result = await createAssignmentRule(deps, actor, {
      rule: {
        name: body.name,
        courseId: await courseIdByCode(body.courseCode),
        departmentId: body.department
          ? (await findDepartment(deps, actor, { name: body.department })).id
          : null,
        jobRole: body.jobRole ?? null,
        locationId: locationId ?? null,
        hiredWithinDays: body.hiredWithinDays ?? null,
        dueInDays: body.dueInDays,
      },
    });
    return c.json(result, 201);
  });
  return app;
}
