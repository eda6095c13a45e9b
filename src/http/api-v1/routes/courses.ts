/** Courses (with prerequisites, certificate and completion settings), assignments of a course, content packages. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Deps } from '../../../deps.ts';
import { assignCourse } from '../../../features/assignments/index.ts';
import {
  claimCourseVersion,
  getCourseRecord,
  listCourses,
  saveCourse,
  ZCourseInput,
  type CourseInput,
  type CourseRecord,
} from '../../../features/catalogue/index.ts';
import { getPackage, listPackages } from '../../../features/content/index.ts';
import { setCompletionSettings } from '../../../features/scorm/set-completion-settings.ts';
import { ZCompletionSettings } from '../../../features/scorm/completion-settings.ts';
import { decodeCursor, toPage } from '../cursor.ts';
import type { ApiEnv } from '../env.ts';
import { etagOf } from '../etag.ts';
import { versionedChange } from '../versioned-change.ts';
import { idempotent } from '../idempotency.ts';
import {
  COMMON_ERRORS,
  IDEMPOTENT_ERRORS,
  VERSIONED_ERRORS,
  ZId,
  ZIdempotencyHeader,
  ZIfMatchHeader,
  ZInstant,
  errorContent,
  ZPageQuery,
  json,
  jsonBody,
  pageOf,
} from '../schemas.ts';
import { send } from '../send.ts';

const tags = ['Courses'];
const KINDS = ['elearning', 'ilt', 'vilt', 'blended', 'external'] as const;
const ZCourseIdParam = z.object({ courseId: ZId });

export const ZCourse = z
  .object({
    id: ZId,
    code: z.string(),
    title: z.string(),
    kind: z.enum(KINDS),
    description: z.string(),
    durationMinutes: z.number().int().nullable(),
    tags: z.array(z.string()),
    validityMonths: z.number().int().nullable(),
    recertWindowDays: z.number().int(),
    selfEnrol: z.boolean(),
    needsManagerApproval: z.boolean(),
    grantsCertificate: z.boolean(),
    active: z.boolean(),
    prerequisites: z.array(z.object({ code: z.string(), title: z.string() })),
    updatedAt: ZInstant,
  })
  .openapi('Course');

const ZSaveCourseResult = z.object({
  kind: z.enum(['created', 'updated']),
  course: ZCourse.partial().loose(),
});

/** The course as saveCourse takes it, from its current record, so partial edits keep the rest. */
const inputOf = (c: CourseRecord): CourseInput => ({
  code: c.code,
  title: c.title,
  description: c.description,
  kind: c.kind,
  durationMinutes: c.durationMinutes,
  tags: c.tags,
  validityMonths: c.validityMonths,
  recertWindowDays: c.recertWindowDays,
  selfEnrol: c.selfEnrol,
  needsManagerApproval: c.needsManagerApproval,
  grantsCertificate: c.grantsCertificate,
  active: c.active,
  prerequisiteCodes: c.prerequisites.map((p) => p.code),
});

export function courseRoutes(app: OpenAPIHono<ApiEnv>, deps: Deps): void {
  /** Courses changed under If-Match, answered with the saved course and its new ETag. */
  const change = versionedChange<CourseRecord>({
    claim: (actor, courseId, version) => claimCourseVersion(deps, actor, { courseId, version }),
    versionAfter: (_actor, _courseId, saved) => saved.updatedAt,
  });
  /** Applies `fields` over the current course (its code stays) and reads it back. */
  const edit = (c: Context<ApiEnv>, courseId: string, fields: Partial<CourseInput>) =>
    change(c, courseId, async (actor) => {
      const current = await getCourseRecord(deps, actor, { courseId });
      await saveCourse(deps, actor, { course: { ...inputOf(current), ...fields, code: current.code } });
      return getCourseRecord(deps, actor, { courseId });
    });

  app.openapi(
    createRoute({
      operationId: 'listCourses',
      method: 'get',
      path: '/api/v1/courses',
      tags,
      summary: 'List the catalogue (inactive courses included)',
      request: {
        query: ZPageQuery.extend({
          kind: z.enum(KINDS).optional(),
          active: z.enum(['true', 'false']).optional(),
          tag: z.string().max(50).optional(),
          q: z.string().trim().min(1).max(200).optional(),
        }),
      },
      responses: { 200: json(pageOf(ZCourse, 'CoursePage')), ...COMMON_ERRORS },
    }),
    async (c) => {
      const { next, active, ...q } = c.req.valid('query');
      const page = await listCourses(deps, c.get('actor'), {
        ...q,
        active: active === undefined ? undefined : active === 'true',
        after: decodeCursor(next),
      });
      return send(c, toPage(page));
    },
  );

  app.openapi(
    createRoute({
      operationId: 'saveCourse',
      method: 'post',
      path: '/api/v1/courses',
      tags,
      summary: 'Create a course, or replace the course with that code',
      middleware: [idempotent(deps)],
      request: { headers: ZIdempotencyHeader, body: jsonBody(ZCourseInput) },
      responses: {
        201: json(ZSaveCourseResult, 'Created'),
        200: json(ZSaveCourseResult, 'Replaced the course with that code'),
        ...IDEMPOTENT_ERRORS,
      },
    }),
    async (c) => {
      const result = await saveCourse(deps, c.get('actor'), { course: c.req.valid('json') });
      const saved = await getCourseRecord(deps, c.get('actor'), { courseId: result.course.id });
      return send(c, { kind: result.kind, course: saved }, result.kind === 'created' ? 201 : 200, {
        ETag: etagOf(saved.updatedAt),
      });
    },
  );

  app.openapi(
    createRoute({
      operationId: 'getCourse',
      method: 'get',
      path: '/api/v1/courses/{courseId}',
      tags,
      summary: 'Read a course; its ETag is the version to send in If-Match',
      request: { params: ZCourseIdParam },
      responses: { 200: json(ZCourse), ...COMMON_ERRORS },
    }),
    async (c) => {
      const course = await getCourseRecord(deps, c.get('actor'), c.req.valid('param'));
      return send(c, course, 200, { ETag: etagOf(course.updatedAt) });
    },
  );

  app.openapi(
    createRoute({
      operationId: 'updateCourse',
      method: 'put',
      path: '/api/v1/courses/{courseId}',
      tags,
      summary: 'Replace a course’s settings (its code stays)',
      request: {
        params: ZCourseIdParam,
        headers: ZIfMatchHeader,
        body: jsonBody(ZCourseInput.omit({ code: true })),
      },
      responses: { 200: json(ZCourse), ...VERSIONED_ERRORS },
    }),
    async (c) => edit(c, c.req.valid('param').courseId, c.req.valid('json')),
  );

  app.openapi(
    createRoute({
      operationId: 'setCertificateSettings',
      method: 'patch',
      path: '/api/v1/courses/{courseId}/certificate-settings',
      tags,
      summary: 'Certificate and recertification: grants a certificate, validity, renewal window',
      request: {
        params: ZCourseIdParam,
        headers: ZIfMatchHeader,
        body: jsonBody(
          ZCourseInput.pick({
            grantsCertificate: true,
            validityMonths: true,
            recertWindowDays: true,
          }).partial(),
        ),
      },
      responses: { 200: json(ZCourse), ...VERSIONED_ERRORS },
    }),
    async (c) => edit(c, c.req.valid('param').courseId, c.req.valid('json')),
  );

  app.openapi(
    createRoute({
      operationId: 'setPrerequisites',
      method: 'put',
      path: '/api/v1/courses/{courseId}/prerequisites',
      tags,
      summary: 'Replace a course’s prerequisites (by course code; cycles are refused)',
      request: {
        params: ZCourseIdParam,
        headers: ZIfMatchHeader,
        body: jsonBody(ZCourseInput.pick({ prerequisiteCodes: true }).required()),
      },
      responses: { 200: json(ZCourse), ...VERSIONED_ERRORS },
    }),
    async (c) => edit(c, c.req.valid('param').courseId, c.req.valid('json')),
  );

  app.openapi(
    createRoute({
      operationId: 'setCompletionSettings',
      method: 'patch',
      path: '/api/v1/courses/{courseId}/completion-settings',
      tags,
      summary: 'How the course’s online content completes (rule, pass threshold, attempts)',
      request: { params: ZCourseIdParam, body: jsonBody(z.record(z.string(), z.unknown())) },
      responses: {
        200: json(z.object({ courseId: ZId, settings: ZCompletionSettings })),
        ...COMMON_ERRORS,
      },
    }),
    async (c) =>
      send(
        c,
        await setCompletionSettings(deps, c.get('actor'), {
          ...c.req.valid('param'),
          change: c.req.valid('json'),
        }),
      ),
  );

  app.openapi(
    createRoute({
      operationId: 'assignCourse',
      method: 'post',
      path: '/api/v1/courses/{courseId}/assignments',
      tags: ['Assignments'],
      summary: 'Assign a course to people, with an optional due date',
      middleware: [idempotent(deps)],
      request: {
        params: ZCourseIdParam,
        headers: ZIdempotencyHeader,
        body: jsonBody(
          z.object({ personIds: z.array(ZId).min(1).max(1000), dueAt: ZInstant.nullable().optional() }),
        ),
      },
      responses: {
        201: json(
          z.object({
            kind: z.literal('assigned'),
            assigned: z.array(z.object({ personId: ZId, enrollmentId: ZId })),
            alreadyAssigned: z.array(
              z.object({ personId: ZId, enrollmentId: ZId, dueAt: ZInstant.nullable() }),
            ),
          }),
          'Assigned',
        ),
        ...IDEMPOTENT_ERRORS,
      },
    }),
    async (c) => {
      const { dueAt, personIds } = c.req.valid('json');
      const result = await assignCourse(deps, c.get('actor'), {
        ...c.req.valid('param'),
        personIds,
        dueAt: dueAt === undefined || dueAt === null ? dueAt : new Date(dueAt),
      });
      return send(c, result, 201);
    },
  );

  const ZPackage = z
    .object({
      id: ZId,
      courseId: ZId.nullable(),
      version: z.enum(['scorm12', 'scorm2004']),
      title: z.string(),
      manifestIdentifier: z.string(),
      sha256: z.string(),
      sizeBytes: z.string().openapi({ description: 'Decimal text' }),
      createdAt: ZInstant,
      archivedAt: ZInstant.nullable(),
      current: z.boolean(),
      attempts: z.number().int(),
      openAttempts: z.number().int(),
      scos: z.array(
        z.object({
          identifier: z.string(),
          title: z.string(),
          launchHref: z.string(),
          position: z.number().int(),
        }),
      ),
    })
    .openapi('Package');

  app.openapi(
    createRoute({
      operationId: 'listPackages',
      method: 'get',
      path: '/api/v1/packages',
      tags: ['Packages'],
      summary: 'List uploaded SCORM packages (upload: POST /api/packages)',
      request: { query: ZPageQuery.extend({ courseId: ZId.optional() }) },
      responses: { 200: json(pageOf(ZPackage, 'PackagePage')), ...COMMON_ERRORS },
    }),
    async (c) => {
      const { next, ...q } = c.req.valid('query');
      return send(c, toPage(await listPackages(deps, c.get('actor'), { ...q, after: decodeCursor(next) })));
    },
  );

  app.openapi(
    createRoute({
      operationId: 'getPackage',
      method: 'get',
      path: '/api/v1/packages/{packageId}',
      tags: ['Packages'],
      summary: 'Read a package and its SCOs',
      request: { params: z.object({ packageId: ZId }) },
      responses: { 200: json(ZPackage), ...COMMON_ERRORS },
    }),
    async (c) => send(c, await getPackage(deps, c.get('actor'), c.req.valid('param'))),
  );

  // Uploads stream to disk with the byte cap enforced while streaming (src/http/scorm-routes.ts);
  // described here so the one document covers them.
  app.openAPIRegistry.registerPath({
    operationId: 'uploadPackage',
    method: 'post',
    path: '/api/packages',
    tags: ['Packages'],
    summary:
      'Upload a SCORM 1.2 / 2004 zip (multipart field `file`); with `courseCode` it replaces that course’s content for new attempts',
    request: {
      body: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: z.object({
              file: z.string().openapi({ format: 'binary' }),
              courseCode: z
                .string()
                .optional()
                .openapi({ description: 'Attach to (replace the content of) this course' }),
              courseId: ZId.optional(),
              courseTitle: z.string().optional().openapi({
                description: 'Title of the new course; a title an active course has is refused (409)',
              }),
              grantsCertificate: z.enum(['true', 'false']).optional(),
              validityMonths: z
                .string()
                .optional()
                .openapi({ description: 'Months a completion stays valid (1–240), or "never"' }),
            }),
          },
        },
      },
    },
    responses: {
      201: json(z.object({ packageId: ZId }).loose(), 'Imported'),
      ...COMMON_ERRORS,
      413: errorContent('The zip is larger than the upload limit'),
      415: errorContent('Not multipart/form-data'),
    },
  });
}
