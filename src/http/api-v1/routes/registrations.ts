/** Registrations: book, read, cancel, transfer, approve/decline, answer seat offers; programme bookings. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../../deps.ts';
import {
  acceptOffer,
  approveRegistration,
  bookProgramme,
  bookSession,
  cancelRegistration,
  declineOffer,
  declineRegistration,
  getRegistration,
  listPendingApprovals,
} from '../../../features/registrations/index.ts';
import { transferRegistration } from '../../../features/registrations/transfer-registration.ts';
import type { Actor } from '../../../features/people/actor.ts';
import type { ApiEnv } from '../env.ts';
import { idempotent } from '../idempotency.ts';
import {
  COMMON_ERRORS,
  IDEMPOTENT_ERRORS,
  ZId,
  ZIdempotencyHeader,
  ZInstant,
  json,
  jsonBody,
} from '../schemas.ts';
import { send } from '../send.ts';

const tags = ['Registrations'];
const ZSeatFill = z.object({
  kind: z.string(),
  registrationId: ZId,
  personId: ZId,
  offerExpiresAt: ZInstant.optional(),
});
const ZRegistrationIdParam = z.object({ registrationId: ZId });
const ZReason = z.object({ reason: z.string().trim().min(1).max(500).optional() });

export const ZBookingResult = z
  .object({
    kind: z.enum(['confirmed', 'waitlisted', 'pending_approval', 'full']),
    sessionId: ZId,
    registrationId: ZId.optional(),
    overbooked: z.boolean().optional(),
    ticket: z.number().int().optional(),
    position: z.number().int().optional(),
    approverId: ZId.nullable().optional(),
    waitlisted: z.number().int().optional().openapi({ description: 'kind=full: people already waiting' }),
    waitlistMode: z.enum(['auto', 'offer']).optional(),
  })
  .openapi('BookingResult');

export function registrationRoutes(app: OpenAPIHono<ApiEnv>, deps: Deps): void {
  app.openapi(
    createRoute({
      operationId: 'bookSession',
      method: 'post',
      path: '/api/v1/registrations',
      tags,
      summary: 'Book a person on a session (waitlisted when full, unless whenFull=report)',
      middleware: [idempotent(deps)],
      request: {
        headers: ZIdempotencyHeader,
        body: jsonBody(
          z.object({
            sessionId: ZId,
            personId: ZId,
            overbook: z.boolean().optional().openapi({ description: 'Confirm even when full (audited)' }),
            whenFull: z.enum(['waitlist', 'report']).optional(),
          }),
        ),
      },
      responses: {
        201: json(ZBookingResult, 'Booked, waitlisted or pending approval'),
        200: json(ZBookingResult, 'kind=full with whenFull=report: nothing was booked'),
        ...IDEMPOTENT_ERRORS,
      },
    }),
    async (c) => {
      const result = await bookSession(deps, c.get('actor'), { ...c.req.valid('json'), channel: 'api' });
      return send(c, result, result.kind === 'full' ? 200 : 201);
    },
  );

  app.openapi(
    createRoute({
      operationId: 'listPendingApprovals',
      method: 'get',
      path: '/api/v1/registrations/pending-approvals',
      tags,
      summary: 'Registrations waiting for a manager’s approval, oldest first',
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                id: ZId,
                createdAt: ZInstant,
                person: z.object({ id: ZId, name: z.string(), email: z.string() }),
                session: z.object({
                  id: ZId,
                  startsAt: ZInstant,
                  endsAt: ZInstant,
                  timeZone: z.string(),
                  course: z.object({ code: z.string(), title: z.string() }),
                }),
              }),
            ),
          }),
        ),
        ...COMMON_ERRORS,
      },
    }),
    async (c) => send(c, { items: await listPendingApprovals(deps, c.get('actor')) }),
  );

  app.openapi(
    createRoute({
      operationId: 'getRegistration',
      method: 'get',
      path: '/api/v1/registrations/{registrationId}',
      tags,
      summary: 'Read a registration',
      request: { params: ZRegistrationIdParam },
      responses: {
        200: json(
          z
            .object({
              registrationId: ZId,
              sessionId: ZId,
              personId: ZId,
              personName: z.string(),
              status: z.string(),
            })
            .openapi('Registration'),
        ),
        ...COMMON_ERRORS,
      },
    }),
    async (c) => send(c, await getRegistration(deps, c.get('actor'), c.req.valid('param'))),
  );

  app.openapi(
    createRoute({
      operationId: 'cancelRegistration',
      method: 'post',
      path: '/api/v1/registrations/{registrationId}/cancel',
      tags,
      summary: 'Cancel a registration; a freed seat goes to the waitlist',
      request: { params: ZRegistrationIdParam, body: jsonBody(ZReason) },
      responses: {
        200: json(
          z.object({
            kind: z.literal('cancelled'),
            registrationId: ZId,
            sessionId: ZId,
            freedSeat: z.boolean(),
            fills: z.array(ZSeatFill),
          }),
        ),
        ...COMMON_ERRORS,
      },
    }),
    async (c) =>
      send(
        c,
        await cancelRegistration(deps, c.get('actor'), { ...c.req.valid('param'), ...c.req.valid('json') }),
      ),
  );

  app.openapi(
    createRoute({
      operationId: 'transferRegistration',
      method: 'post',
      path: '/api/v1/registrations/{registrationId}/transfer',
      tags,
      summary: 'Move a registration to another session',
      request: {
        params: ZRegistrationIdParam,
        body: jsonBody(
          z.object({
            toSessionId: ZId,
            joinWaitlistIfFull: z.boolean().optional(),
            reason: z.string().trim().min(1).max(500).optional(),
          }),
        ),
      },
      responses: {
        200: json(
          z.object({
            kind: z.enum(['transferred', 'waitlisted', 'full']),
            registrationId: ZId,
            toSessionId: ZId,
            fromSessionId: ZId.optional(),
            status: z.string().optional(),
            ticket: z.number().int().optional(),
            position: z.number().int().optional(),
            fills: z.array(ZSeatFill).optional(),
          }),
        ),
        ...COMMON_ERRORS,
      },
    }),
    async (c) =>
      send(
        c,
        await transferRegistration(deps, c.get('actor'), {
          ...c.req.valid('param'),
          ...c.req.valid('json'),
          channel: 'api',
        }),
      ),
  );

  const decision = (
    operationId: string,
    action: string,
    summary: string,
    run: (actor: Actor, registrationId: string, reason?: string) => Promise<unknown>,
    result: z.ZodType,
    withReason: boolean,
  ) =>
    app.openapi(
      createRoute({
        operationId,
        method: 'post',
        path: `/api/v1/registrations/{registrationId}/${action}`,
        tags,
        summary,
        request: { params: ZRegistrationIdParam, ...(withReason ? { body: jsonBody(ZReason) } : {}) },
        responses: { 200: json(result), ...COMMON_ERRORS },
      }),
      async (c) => {
        const { registrationId } = c.req.valid('param');
        const body = withReason ? ((c.req.valid as (t: 'json') => { reason?: string })('json') ?? {}) : {};
        return send(c, await run(c.get('actor'), registrationId, body.reason));
      },
    );

  decision(
    'approveRegistration',
    'approve',
    'Approve a registration waiting for approval',
    (actor, registrationId, reason) => approveRegistration(deps, actor, { registrationId, reason }),
    z.object({ kind: z.literal('approved'), registrationId: ZId, sessionId: ZId }),
    true,
  );
  decision(
    'declineRegistration',
    'decline',
    'Decline a registration waiting for approval',
    (actor, registrationId, reason) => declineRegistration(deps, actor, { registrationId, reason }),
    z.object({ kind: z.literal('declined'), registrationId: ZId, sessionId: ZId, fills: z.array(ZSeatFill) }),
    true,
  );
  decision(
    'acceptOffer',
    'accept-offer',
    'Accept an offered seat on behalf of the learner',
    (actor, registrationId) => acceptOffer(deps, actor, { registrationId }),
    z.object({ kind: z.enum(['confirmed', 'pending_approval']), registrationId: ZId, sessionId: ZId }),
    false,
  );
  decision(
    'declineOffer',
    'decline-offer',
    'Decline an offered seat on behalf of the learner; it goes to the next in line',
    (actor, registrationId) => declineOffer(deps, actor, { registrationId }),
    z.object({
      kind: z.literal('declined_offer'),
      registrationId: ZId,
      sessionId: ZId,
      fills: z.array(ZSeatFill),
    }),
    false,
  );

  app.openapi(
    createRoute({
      operationId: 'bookProgramme',
      method: 'post',
      path: '/api/v1/programmes/{programmeId}/bookings',
      tags,
      summary: 'Book a person on every session of a programme cohort, all or nothing',
      middleware: [idempotent(deps)],
      request: {
        params: z.object({ programmeId: ZId }),
        headers: ZIdempotencyHeader,
        body: jsonBody(z.object({ cohort: z.string().trim().min(1).max(100), personId: ZId })),
      },
      responses: {
        201: json(
          z.object({
            kind: z.literal('booked'),
            groupId: z.string(),
            registrations: z.array(z.object({ sessionId: ZId, registrationId: ZId, status: z.string() })),
          }),
          'Booked',
        ),
        200: json(
          z.object({ kind: z.literal('full'), fullSessionIds: z.array(ZId) }),
          'Nothing booked: full',
        ),
        ...IDEMPOTENT_ERRORS,
      },
    }),
    async (c) => {
      const result = await bookProgramme(deps, c.get('actor'), {
        ...c.req.valid('param'),
        ...c.req.valid('json'),
        channel: 'api',
      });
      return send(c, result, result.kind === 'booked' ? 201 : 200);
    },
  );
}
