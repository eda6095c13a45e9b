/** Sessions: schedule one or a series, list, read (with ETag), reschedule, cancel, capacity, instructors, roster, attendance. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../../deps.ts';
import { recordAttendance, sessionRoster } from '../../../features/attendance/index.ts';
import { changeCapacity } from '../../../features/registrations/change-capacity.ts';
import {
  assignInstructor,
  cancelSession,
  claimSessionVersion,
  getSession,
  listSessions,
  rescheduleSession,
  scheduleSeries,
  scheduleSession,
  sessionVersion,
  ZRecurrenceRule,
} from '../../../features/sessions/index.ts';
import { decodeCursor, toPage } from '../cursor.ts';
import type { ApiEnv } from '../env.ts';
import { etagOf } from '../etag.ts';
import { versionedChange } from '../versioned-change.ts';
import { idempotent } from '../idempotency.ts';
import {
  COMMON_ERRORS,
  IDEMPOTENT_ERRORS,
  VERSIONED_ERRORS,
  ZAmount,
  ZCurrency,
  ZId,
  ZIdempotencyHeader,
  ZIfMatchHeader,
  ZInstant,
  ZPageQuery,
  json,
  jsonBody,
  pageOf,
} from '../schemas.ts';
import { send } from '../send.ts';

const tags = ['Sessions'];

const ZSessionDay = z.object({ dayIndex: z.number().int(), startsAt: ZInstant, endsAt: ZInstant });
export const ZSession = z
  .object({
    sessionId: ZId,
    status: z.enum(['scheduled', 'cancelled', 'completed']),
    cancelReason: z.string().nullable(),
    course: z.object({
      id: ZId,
      code: z.string(),
      title: z.string(),
      kind: z.string(),
      needsManagerApproval: z.boolean(),
    }),
    title: z.string().nullable(),
    startsAt: ZInstant,
    endsAt: ZInstant,
    timeZone: z.string().openapi({ example: 'Europe/London' }),
    days: z.array(ZSessionDay),
    venue: z.object({ id: ZId, name: z.string() }).nullable(),
    meetingUrl: z.string().nullable(),
    capacity: z.number().int(),
    seatsTaken: z.number().int(),
    seatsLeft: z.number().int(),
    waitlistLength: z.number().int(),
    registrationCutoffAt: ZInstant.nullable(),
    registrationOpen: z.boolean(),
    instructors: z.array(
      z.object({ personId: ZId, name: z.string(), role: z.string(), dayIndex: z.number().int().nullable() }),
    ),
    programmeId: ZId.nullable(),
    cohort: z.string().nullable(),
  })
  .openapi('Session');

/** A day either as a local date and wall-clock times in the session's zone, or as two instants. */
const ZDayInput = z.union([
  z.object({
    date: z.iso.date(),
    start: z.string().regex(/^\d{2}:\d{2}$/, 'HH:mm'),
    end: z.string().regex(/^\d{2}:\d{2}$/, 'HH:mm'),
  }),
  z.object({ startsAt: ZInstant, endsAt: ZInstant }),
]);
const toDays = (days: z.infer<typeof ZDayInput>[]) =>
  days.map((d) => ('date' in d ? d : { startsAt: new Date(d.startsAt), endsAt: new Date(d.endsAt) }));

const ZInstructorInput = z.object({
  personId: ZId,
  role: z.enum(['lead', 'co']).optional(),
  fee: ZAmount.optional(),
  currency: ZCurrency.optional(),
});
const ZOverride = z
  .object({ reason: z.string().trim().min(1).max(500) })
  .optional()
  .openapi({ description: 'Schedule despite instructor or venue conflicts, recorded in the audit log' });

const ZConflict = z.object({ kind: z.string(), startsAt: ZInstant, endsAt: ZInstant }).loose();
const ZSeatFill = z
  .object({ kind: z.string(), registrationId: ZId, personId: ZId, offerExpiresAt: ZInstant.optional() })
  .openapi('SeatFill');

const ZSessionIdParam = z.object({ sessionId: ZId });

export function sessionRoutes(app: OpenAPIHono<ApiEnv>, deps: Deps): void {
  /** Answers with the session's current ETag after a change. */
  const withEtag = async (sessionId: string) => ({ ETag: etagOf(await sessionVersion(deps, { sessionId })) });
  /** Sessions changed under If-Match, answered with their new ETag. */
  const change = versionedChange<unknown>({
    claim: (actor, sessionId, version) => claimSessionVersion(deps, actor, { sessionId, version }),
    versionAfter: (_actor, sessionId) => sessionVersion(deps, { sessionId }),
  });

  app.openapi(
    createRoute({
      operationId: 'listSessions',
      method: 'get',
      path: '/api/v1/sessions',
      tags,
      summary: 'List sessions of any status by start time',
      request: {
        query: ZPageQuery.extend({
          courseId: ZId.optional(),
          programmeId: ZId.optional(),
          seriesId: ZId.optional(),
          venueId: ZId.optional(),
          instructorId: ZId.optional(),
          status: z.enum(['scheduled', 'cancelled', 'completed']).optional(),
          from: ZInstant.optional().openapi({ description: 'Starting at or after' }),
          to: ZInstant.optional().openapi({ description: 'Starting before' }),
        }),
      },
      responses: { 200: json(pageOf(ZSession, 'SessionPage')), ...COMMON_ERRORS },
    }),
    async (c) => {
      const { next, from, to, ...q } = c.req.valid('query');
      const page = await listSessions(deps, c.get('actor'), {
        ...q,
        after: decodeCursor(next, 'any'),
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
      return send(c, toPage(page));
    },
  );

  app.openapi(
    createRoute({
      operationId: 'getSession',
      method: 'get',
      path: '/api/v1/sessions/{sessionId}',
      tags,
      summary: 'Read a session; its ETag is the version to send in If-Match',
      request: { params: ZSessionIdParam },
      responses: { 200: json(ZSession), ...COMMON_ERRORS },
    }),
    async (c) => {
      const { sessionId } = c.req.valid('param');
      const session = await getSession(deps, c.get('actor'), { sessionId });
      return send(c, session, 200, await withEtag(sessionId));
    },
  );

  app.openapi(
    createRoute({
      operationId: 'scheduleSession',
      method: 'post',
      path: '/api/v1/sessions',
      tags,
      summary: 'Schedule a session (one or more days)',
      middleware: [idempotent(deps)],
      request: {
        headers: ZIdempotencyHeader,
        body: jsonBody(
          z.object({
            courseId: ZId,
            timeZone: z
              .string()
              .max(64)
              .optional()
              .openapi({ description: "IANA zone; defaults to the venue's" }),
            days: z.array(ZDayInput).min(1).max(30),
            capacity: z.number().int(),
            venueId: ZId.optional(),
            meetingUrl: z.url().max(2000).optional(),
            registrationCutoffHours: z.number().int().min(0).max(8760).optional(),
            title: z.string().max(200).optional(),
            programmeId: ZId.optional(),
            cohort: z.string().max(100).optional(),
            instructors: z.array(ZInstructorInput).max(20).default([]),
            override: ZOverride,
          }),
        ),
      },
      responses: {
        201: json(
          z.object({
            kind: z.literal('scheduled'),
            sessionId: ZId,
            dayIds: z.array(ZId),
            overriddenConflicts: z.array(ZConflict),
          }),
          'Scheduled',
        ),
        ...IDEMPOTENT_ERRORS,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const result = await scheduleSession(deps, c.get('actor'), { ...body, days: toDays(body.days) });
      return send(c, result, 201, await withEtag(result.sessionId));
    },
  );

  app.openapi(
    createRoute({
      operationId: 'scheduleSeries',
      method: 'post',
      path: '/api/v1/session-series',
      tags,
      summary: 'Schedule a weekly series of sessions',
      middleware: [idempotent(deps)],
      request: {
        headers: ZIdempotencyHeader,
        body: jsonBody(
          z.object({
            courseId: ZId,
            rule: ZRecurrenceRule,
            timeZone: z.string().max(64).optional(),
            capacity: z.number().int(),
            venueId: ZId.optional(),
            meetingUrl: z.url().max(2000).optional(),
            registrationCutoffHours: z.number().int().min(0).max(8760).optional(),
            title: z.string().max(200).optional(),
            instructors: z.array(ZInstructorInput).max(20).default([]),
            substitutes: z
              .array(z.object({ date: z.iso.date(), replacesPersonId: ZId, personId: ZId }))
              .max(100)
              .optional(),
            override: ZOverride,
          }),
        ),
      },
      responses: {
        201: json(
          z.object({
            kind: z.literal('scheduled'),
            seriesId: ZId,
            description: z.string(),
            sessions: z.array(
              z.object({ sessionId: ZId, date: z.string(), startsAt: ZInstant, endsAt: ZInstant }),
            ),
            skippedDates: z.array(z.string()),
          }),
          'Scheduled',
        ),
        ...IDEMPOTENT_ERRORS,
      },
    }),
    async (c) => send(c, await scheduleSeries(deps, c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      operationId: 'rescheduleSession',
      method: 'post',
      path: '/api/v1/sessions/{sessionId}/reschedule',
      tags,
      summary: 'Move a session to new days (and venue); registrants are told',
      request: {
        params: ZSessionIdParam,
        headers: ZIfMatchHeader,
        body: jsonBody(
          z.object({ days: z.array(ZDayInput).min(1).max(30), venueId: ZId.optional(), override: ZOverride }),
        ),
      },
      responses: {
        200: json(
          z.object({
            kind: z.literal('rescheduled'),
            sessionId: ZId,
            startsAt: ZInstant,
            endsAt: ZInstant,
            notified: z.number().int(),
            overriddenConflicts: z.array(ZConflict),
          }),
        ),
        ...VERSIONED_ERRORS,
      },
    }),
    async (c) => {
      const { sessionId } = c.req.valid('param');
      const body = c.req.valid('json');
      return change(c, sessionId, (actor) =>
        rescheduleSession(deps, actor, { sessionId, ...body, days: toDays(body.days) }),
      );
    },
  );

  app.openapi(
    createRoute({
      operationId: 'cancelSession',
      method: 'post',
      path: '/api/v1/sessions/{sessionId}/cancel',
      tags,
      summary: 'Cancel a session; its registrations are cancelled and people told',
      request: {
        params: ZSessionIdParam,
        headers: ZIfMatchHeader,
        body: jsonBody(z.object({ reason: z.string().trim().min(1).max(500) })),
      },
      responses: {
        200: json(z.object({ kind: z.literal('cancelled'), sessionId: ZId, notified: z.number().int() })),
        ...VERSIONED_ERRORS,
      },
    }),
    async (c) => {
      const { sessionId } = c.req.valid('param');
      return change(c, sessionId, (actor) =>
        cancelSession(deps, actor, { sessionId, ...c.req.valid('json') }),
      );
    },
  );

  app.openapi(
    createRoute({
      operationId: 'changeCapacity',
      method: 'put',
      path: '/api/v1/sessions/{sessionId}/capacity',
      tags,
      summary: 'Change the number of seats; freed seats go to the waitlist',
      request: {
        params: ZSessionIdParam,
        headers: ZIfMatchHeader,
        body: jsonBody(z.object({ capacity: z.number().int() })),
      },
      responses: {
        200: json(
          z.object({
            kind: z.literal('capacity_changed'),
            sessionId: ZId,
            from: z.number().int(),
            to: z.number().int(),
            fills: z.array(ZSeatFill),
          }),
        ),
        ...VERSIONED_ERRORS,
      },
    }),
    async (c) => {
      const { sessionId } = c.req.valid('param');
      return change(c, sessionId, (actor) =>
        changeCapacity(deps, actor, { sessionId, ...c.req.valid('json') }),
      );
    },
  );

  app.openapi(
    createRoute({
      operationId: 'assignInstructor',
      method: 'post',
      path: '/api/v1/sessions/{sessionId}/instructors',
      tags,
      summary: 'Assign an instructor, or replace one (replacesPersonId)',
      request: {
        params: ZSessionIdParam,
        headers: ZIfMatchHeader,
        body: jsonBody(
          z.object({
            personId: ZId,
            role: z.enum(['lead', 'co', 'substitute']).optional(),
            dayIndex: z.number().int().min(0).max(29).optional(),
            replacesPersonId: ZId.optional(),
            fee: ZAmount.optional(),
            currency: ZCurrency.optional(),
            override: ZOverride,
          }),
        ),
      },
      responses: {
        200: json(
          z.object({
            kind: z.literal('assigned'),
            sessionInstructorId: ZId,
            overriddenConflicts: z.array(ZConflict),
          }),
        ),
        ...VERSIONED_ERRORS,
      },
    }),
    async (c) => {
      const { sessionId } = c.req.valid('param');
      return change(c, sessionId, (actor) =>
        assignInstructor(deps, actor, { sessionId, ...c.req.valid('json') }),
      );
    },
  );

  app.openapi(
    createRoute({
      operationId: 'getSessionRoster',
      method: 'get',
      path: '/api/v1/sessions/{sessionId}/roster',
      tags,
      summary: 'Who is registered, waitlisted and marked, with counts',
      request: { params: ZSessionIdParam },
      responses: {
        200: json(
          z
            .object({
              sessionId: ZId,
              courseTitle: z.string(),
              startsAt: ZInstant,
              endsAt: ZInstant,
              timeZone: z.string(),
              days: z.array(ZSessionDay),
              rows: z.array(
                z.object({
                  registrationId: ZId,
                  personId: ZId,
                  name: z.string(),
                  email: z.string(),
                  department: z.string().nullable(),
                  status: z.string(),
                  waitlistTicket: z.number().int().nullable(),
                  attendance: z.record(z.string(), z.string()),
                }),
              ),
              counts: z.record(z.string(), z.number().int()),
            })
            .openapi('Roster'),
        ),
        ...COMMON_ERRORS,
      },
    }),
    async (c) => send(c, await sessionRoster(deps, c.get('actor'), c.req.valid('param'))),
  );

  app.openapi(
    createRoute({
      operationId: 'recordAttendance',
      method: 'post',
      path: '/api/v1/sessions/{sessionId}/attendance',
      tags,
      summary: 'Mark attendance for a day; attended registrations earn completions',
      request: {
        params: ZSessionIdParam,
        body: jsonBody(
          z.object({
            dayIndex: z.number().int().min(0).max(29).optional(),
            entries: z
              .array(
                z.object({
                  registrationId: ZId.optional(),
                  personId: ZId.optional(),
                  status: z.enum(['attended', 'partial', 'no_show']),
                  minutes: z.number().int().min(0).max(1440).optional(),
                }),
              )
              .min(1)
              .max(500),
          }),
        ),
      },
      responses: {
        200: json(
          z.object({
            kind: z.literal('recorded'),
            sessionId: ZId,
            dayIndex: z.number().int(),
            recorded: z.array(
              z.object({
                registrationId: ZId,
                personId: ZId,
                status: z.string(),
                registrationStatus: z.string(),
                completionId: ZId.nullable(),
              }),
            ),
            sessionCompleted: z.boolean(),
          }),
        ),
        ...COMMON_ERRORS,
      },
    }),
    async (c) =>
      send(
        c,
        await recordAttendance(deps, c.get('actor'), { ...c.req.valid('param'), ...c.req.valid('json') }),
      ),
  );
}
