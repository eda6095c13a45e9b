/** People: list, read, add (HR), HR changes, and each person's learning, bookings, certificates, journeys, availability. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../../deps.ts';
import { updatePerson } from '../../../features/assignments/index.ts';
import { myCertificates } from '../../../features/certificates/index.ts';
import { journeyProgress, myJourneys, startJourney } from '../../../features/journeys/index.ts';
import { myProgress, recommendCourses } from '../../../features/learning/index.ts';
import { createPerson, getPerson, listInstructors, listPeople } from '../../../features/people/index.ts';
import { listRegistrations } from '../../../features/registrations/index.ts';
import { sendReminders } from '../../../features/reminders/index.ts';
import { recordAvailability } from '../../../features/sessions/index.ts';
import { getCourseProgress } from '../../../features/scorm/get-course-progress.ts';
import { decodeCursor, toPage } from '../cursor.ts';
import type { ApiEnv } from '../env.ts';
import { idempotent } from '../idempotency.ts';
import {
  COMMON_ERRORS,
  IDEMPOTENT_ERRORS,
  ZDateOnly,
  ZId,
  ZIdempotencyHeader,
  ZInstant,
  ZPageQuery,
  json,
  jsonBody,
  pageOf,
} from '../schemas.ts';
import { send } from '../send.ts';

const tags = ['People'];
const ZPersonIdParam = z.object({ personId: ZId });

export const ZPerson = z
  .object({
    id: ZId,
    email: z.string(),
    name: z.string(),
    departmentId: ZId.nullable(),
    department: z.string().nullable(),
    jobRole: z.string().nullable(),
    locationId: ZId.nullable(),
    location: z.string().nullable(),
    timeZone: z.string(),
    hireDate: ZInstant.nullable().openapi({ description: 'Midnight UTC of the hire date' }),
    managerId: ZId.nullable(),
    status: z.enum(['active', 'inactive']),
    roles: z.array(z.enum(['employee', 'instructor', 'admin'])),
    externalHrId: z.string().nullable(),
    updatedAt: ZInstant,
  })
  .openapi('Person');

/** A course an assignment rule gave the person. */
const ZAssignedCourse = z.object({
  enrollmentId: ZId,
  courseId: ZId,
  courseTitle: z.string(),
  dueAt: ZInstant.nullable(),
});

const ZJourneyStep = z.object({
  position: z.number().int(),
  courseId: ZId,
  courseCode: z.string(),
  courseTitle: z.string(),
  kind: z.string(),
  status: z.enum(['completed', 'available', 'locked']),
  completedAt: ZInstant.nullable(),
  dueAt: ZInstant.nullable(),
});
export const ZJourneyProgress = z
  .object({
    programmeId: ZId,
    code: z.string(),
    title: z.string(),
    description: z.string(),
    started: z.boolean(),
    steps: z.array(ZJourneyStep),
    next: ZJourneyStep.nullable(),
    finished: z.boolean(),
  })
  .openapi('JourneyProgress');

const ZProgressItem = z.object({
  enrollmentId: ZId,
  courseId: ZId,
  courseCode: z.string(),
  courseTitle: z.string(),
  kind: z.string(),
  source: z.string(),
  assignedAt: ZInstant,
  dueAt: ZInstant.nullable(),
  progressPercent: z.number().nullable(),
  booked: z.boolean(),
});

export function peopleRoutes(app: OpenAPIHono<ApiEnv>, deps: Deps): void {
  app.openapi(
    createRoute({
      operationId: 'listPeople',
      method: 'get',
      path: '/api/v1/people',
      tags,
      summary: 'List people',
      request: {
        query: ZPageQuery.extend({
          departmentId: ZId.optional(),
          managerId: ZId.optional(),
          status: z.enum(['active', 'inactive']).optional(),
          role: z.enum(['employee', 'instructor', 'admin']).optional(),
          q: z
            .string()
            .trim()
            .min(1)
            .max(200)
            .optional()
            .openapi({ description: 'Part of a name or e-mail' }),
        }),
      },
      responses: { 200: json(pageOf(ZPerson, 'PersonPage')), ...COMMON_ERRORS },
    }),
    async (c) => {
      const { next, ...q } = c.req.valid('query');
      return send(c, toPage(await listPeople(deps, c.get('actor'), { ...q, after: decodeCursor(next) })));
    },
  );

  app.openapi(
    createRoute({
      operationId: 'createPerson',
      method: 'post',
      path: '/api/v1/people',
      tags,
      summary: 'Add a person (HR); the assignment rules run for them at once',
      description:
        'The e-mail (and `externalHrId`, when given) must be new: a person already there is a 409. ' +
        'Name the department by id or by name (a new name creates it) and the manager by id or e-mail.',
      middleware: [idempotent(deps)],
      request: {
        headers: ZIdempotencyHeader,
        body: jsonBody(
          z.object({
            email: z.email().max(320),
            name: z.string().trim().min(1).max(200),
            departmentId: ZId.optional(),
            department: z
              .string()
              .trim()
              .min(1)
              .max(200)
              .optional()
              .openapi({ description: 'Department name' }),
            jobRole: z.string().trim().min(1).max(200).optional(),
            locationId: ZId.optional(),
            timeZone: z.string().min(1).max(64).optional().openapi({
              description: "IANA zone; default the location's, else UTC",
              example: 'Europe/London',
            }),
            hireDate: ZDateOnly.optional(),
            managerId: ZId.optional(),
            managerEmail: z.email().optional(),
            roles: z
              .array(z.enum(['employee', 'instructor', 'admin']))
              .max(3)
              .optional()
              .openapi({ description: 'employee is always included' }),
            externalHrId: z.string().trim().min(1).max(200).optional(),
          }),
        ),
      },
      responses: {
        201: json(
          z.object({
            kind: z.literal('created'),
            person: ZPerson,
            assigned: z.array(ZAssignedCourse),
          }),
          'Created',
        ),
        ...IDEMPOTENT_ERRORS,
      },
    }),
    async (c) => {
      const { hireDate, ...person } = c.req.valid('json');
      const result = await createPerson(deps, c.get('actor'), {
        ...person,
        ...(hireDate ? { hireDate: new Date(`${hireDate}T00:00:00Z`) } : {}),
      });
      return send(c, result, 201);
    },
  );

  app.openapi(
    createRoute({
      operationId: 'listInstructors',
      method: 'get',
      path: '/api/v1/instructors',
      tags,
      summary: 'Active people who can teach',
      responses: {
        200: json(z.object({ items: z.array(z.object({ id: ZId, name: z.string(), email: z.string() })) })),
        ...COMMON_ERRORS,
      },
    }),
    async (c) => send(c, { items: await listInstructors(deps, c.get('actor')) }),
  );

  app.openapi(
    createRoute({
      operationId: 'getPerson',
      method: 'get',
      path: '/api/v1/people/{personId}',
      tags,
      summary: 'Read a person',
      request: { params: ZPersonIdParam },
      responses: { 200: json(ZPerson), ...COMMON_ERRORS },
    }),
    async (c) => send(c, await getPerson(deps, c.get('actor'), c.req.valid('param'))),
  );

  app.openapi(
    createRoute({
      operationId: 'updatePerson',
      method: 'patch',
      path: '/api/v1/people/{personId}',
      tags,
      summary: 'HR changes (department, role, location, manager, hire date, status); rules re-run',
      request: {
        params: ZPersonIdParam,
        body: jsonBody(
          z.object({
            departmentId: ZId.nullable().optional(),
            jobRole: z.string().trim().min(1).max(200).nullable().optional(),
            locationId: ZId.nullable().optional(),
            managerId: ZId.nullable().optional(),
            hireDate: ZDateOnly.nullable().optional(),
            status: z.enum(['active', 'inactive']).optional(),
          }),
        ),
      },
      responses: {
        200: json(
          z.object({
            kind: z.literal('updated'),
            personId: ZId,
            assigned: z.array(ZAssignedCourse),
            withdrawn: z.array(z.object({ enrollmentId: ZId, courseId: ZId, courseTitle: z.string() })),
          }),
        ),
        ...COMMON_ERRORS,
      },
    }),
    async (c) => {
      const { hireDate, ...changes } = c.req.valid('json');
      const result = await updatePerson(deps, c.get('actor'), {
        ...c.req.valid('param'),
        changes: {
          ...changes,
          ...(hireDate !== undefined
            ? { hireDate: hireDate === null ? null : new Date(`${hireDate}T00:00:00Z`) }
            : {}),
        },
      });
      return send(c, result);
    },
  );

  app.openapi(
    createRoute({
      operationId: 'listPersonRegistrations',
      method: 'get',
      path: '/api/v1/people/{personId}/registrations',
      tags,
      summary: "A person's bookings (upcoming by default)",
      request: {
        params: ZPersonIdParam,
        query: z.object({ upcomingOnly: z.enum(['true', 'false']).default('true') }),
      },
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                registrationId: ZId,
                status: z.string(),
                waitlistPosition: z.number().int().nullable(),
                offerExpiresAt: ZInstant.nullable(),
                session: z.object({
                  id: ZId,
                  courseId: ZId,
                  courseCode: z.string(),
                  courseTitle: z.string(),
                  startsAt: ZInstant,
                  endsAt: ZInstant,
                  timeZone: z.string(),
                  venueName: z.string().nullable(),
                  meetingUrl: z.string().nullable(),
                  status: z.string(),
                }),
              }),
            ),
          }),
        ),
        ...COMMON_ERRORS,
      },
    }),
    async (c) => {
      const items = await listRegistrations(deps, c.get('actor'), {
        ...c.req.valid('param'),
        upcomingOnly: c.req.valid('query').upcomingOnly === 'true',
      });
      return send(c, { items });
    },
  );

  app.openapi(
    createRoute({
      operationId: 'getPersonProgress',
      method: 'get',
      path: '/api/v1/people/{personId}/progress',
      tags,
      summary: "A person's assigned, in-progress, overdue and completed learning",
      request: { params: ZPersonIdParam },
      responses: {
        200: json(
          z.object({
            personId: ZId,
            assigned: z.array(ZProgressItem),
            inProgress: z.array(ZProgressItem),
            overdue: z.array(ZProgressItem),
            completed: z.array(
              z.object({
                completionId: ZId,
                courseId: ZId,
                courseCode: z.string(),
                courseTitle: z.string(),
                completedAt: ZInstant,
                expiresAt: ZInstant.nullable(),
                expired: z.boolean(),
                source: z.string(),
                score: z.number().nullable(),
                certificateNumber: z.string().nullable(),
              }),
            ),
          }),
        ),
        ...COMMON_ERRORS,
      },
    }),
    async (c) => send(c, await myProgress(deps, c.get('actor'), c.req.valid('param'))),
  );

  app.openapi(
    createRoute({
      operationId: 'getPersonRecommendations',
      method: 'get',
      path: '/api/v1/people/{personId}/recommendations',
      tags,
      summary: 'What the person should learn next',
      request: {
        params: ZPersonIdParam,
        query: z.object({ limit: z.coerce.number().int().min(1).max(50).default(5) }),
      },
      responses: {
        200: json(z.object({ items: z.array(z.object({ courseId: ZId }).loose()) })),
        ...COMMON_ERRORS,
      },
    }),
    async (c) =>
      send(c, {
        items: await recommendCourses(deps, c.get('actor'), {
          ...c.req.valid('param'),
          ...c.req.valid('query'),
        }),
      }),
  );

  app.openapi(
    createRoute({
      operationId: 'listPersonCertificates',
      method: 'get',
      path: '/api/v1/people/{personId}/certificates',
      tags: ['Certificates'],
      summary: "A person's certificates",
      request: { params: ZPersonIdParam },
      responses: {
        200: json(
          z.object({
            items: z.array(
              z
                .object({
                  number: z.string(),
                  courseId: ZId,
                  courseCode: z.string(),
                  courseTitle: z.string(),
                  issuedAt: ZInstant,
                  expiresAt: ZInstant.nullable(),
                  status: z.enum(['valid', 'expired', 'revoked']),
                  verificationUrl: z.string(),
                  pdfUrl: z.string(),
                })
                .openapi('Certificate'),
            ),
          }),
        ),
        ...COMMON_ERRORS,
      },
    }),
    async (c) => send(c, { items: await myCertificates(deps, c.get('actor'), c.req.valid('param')) }),
  );

  app.openapi(
    createRoute({
      operationId: 'listPersonJourneys',
      method: 'get',
      path: '/api/v1/people/{personId}/journeys',
      tags: ['Journeys'],
      summary: 'The learning journeys a person has started, with progress',
      request: { params: ZPersonIdParam },
      responses: { 200: json(z.object({ items: z.array(ZJourneyProgress) })), ...COMMON_ERRORS },
    }),
    async (c) => send(c, { items: await myJourneys(deps, c.get('actor'), c.req.valid('param')) }),
  );

  app.openapi(
    createRoute({
      operationId: 'getPersonJourney',
      method: 'get',
      path: '/api/v1/people/{personId}/journeys/{programmeId}',
      tags: ['Journeys'],
      summary: 'How far a person is on one journey',
      request: { params: z.object({ personId: ZId, programmeId: ZId }) },
      responses: { 200: json(ZJourneyProgress), ...COMMON_ERRORS },
    }),
    async (c) => send(c, await journeyProgress(deps, c.get('actor'), c.req.valid('param'))),
  );

  app.openapi(
    createRoute({
      operationId: 'startJourney',
      method: 'post',
      path: '/api/v1/people/{personId}/journeys',
      tags: ['Journeys'],
      summary: 'Start a journey for a person (its steps are assigned)',
      middleware: [idempotent(deps)],
      request: {
        params: ZPersonIdParam,
        headers: ZIdempotencyHeader,
        body: jsonBody(z.object({ programmeId: ZId })),
      },
      responses: {
        201: json(z.object({ kind: z.literal('started'), progress: ZJourneyProgress }), 'Started'),
        200: json(
          z.object({ kind: z.literal('already_started'), progress: ZJourneyProgress }),
          'Already started',
        ),
        ...IDEMPOTENT_ERRORS,
      },
    }),
    async (c) => {
      const result = await startJourney(deps, c.get('actor'), {
        ...c.req.valid('param'),
        ...c.req.valid('json'),
      });
      return send(c, result, result.kind === 'started' ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      operationId: 'recordAvailability',
      method: 'post',
      path: '/api/v1/people/{personId}/availability',
      tags: ['Sessions'],
      summary: "Record an instructor's leave or availability; affected sessions are named",
      middleware: [idempotent(deps)],
      request: {
        params: ZPersonIdParam,
        headers: ZIdempotencyHeader,
        body: jsonBody(
          z.object({
            kind: z.enum(['available', 'leave']),
            startsAt: ZInstant,
            endsAt: ZInstant,
            note: z.string().max(500).optional(),
          }),
        ),
      },
      responses: {
        201: json(
          z.object({ kind: z.literal('recorded'), availabilityId: ZId, affectedSessionIds: z.array(ZId) }),
          'Recorded',
        ),
        ...IDEMPOTENT_ERRORS,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const result = await recordAvailability(deps, c.get('actor'), {
        ...c.req.valid('param'),
        ...body,
        startsAt: new Date(body.startsAt),
        endsAt: new Date(body.endsAt),
      });
      return send(c, result, 201);
    },
  );

  app.openapi(
    createRoute({
      operationId: 'sendReminders',
      method: 'post',
      path: '/api/v1/reminders',
      tags,
      summary: 'Remind people about their overdue or due training (once a day per person)',
      request: { body: jsonBody(z.object({ personIds: z.array(ZId).min(1).max(200) })) },
      responses: {
        200: json(z.object({ kind: z.literal('sent'), queued: z.array(ZId), alreadyReminded: z.array(ZId) })),
        ...COMMON_ERRORS,
      },
    }),
    async (c) => send(c, await sendReminders(deps, c.get('actor'), c.req.valid('json'))),
  );

  app.openapi(
    createRoute({
      operationId: 'getPersonCourseProgress',
      method: 'get',
      path: '/api/v1/people/{personId}/courses/{courseId}/progress',
      tags,
      summary: "A person's progress on one course's online content",
      request: { params: z.object({ personId: ZId, courseId: ZId }) },
      responses: {
        200: json(
          z
            .object({
              kind: z.enum(['not_started', 'in_progress', 'completed']),
              courseId: ZId,
              courseTitle: z.string(),
              percent: z.number().nullable().optional(),
              lastActivityAt: ZInstant.optional(),
              completedAt: ZInstant.optional(),
              expiresAt: ZInstant.nullable().optional(),
            })
            .loose(),
        ),
        ...COMMON_ERRORS,
      },
    }),
    async (c) => send(c, await getCourseProgress(deps, c.get('actor'), c.req.valid('param'))),
  );
}
