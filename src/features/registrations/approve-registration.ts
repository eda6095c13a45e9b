/**
 * A manager (anyone above the learner in the reporting line) or an admin decides on a
 * request for a course that needs approval. The request held its seat while waiting;
 * declining frees it for the first waitlisted person in the same transaction.
 */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { enqueueNotification } from '../notifications/enqueue-notification.ts';
import type { Actor } from '../people/actor.ts';
import { fillFreedSeats, type SeatFill } from './fill-freed-seats.ts';
import { transition } from './registration-history.ts';
import { findRegistration } from './registration-access.ts';
import { lockSessionOrThrow } from './seat-store.ts';
import { when, zonesOf } from './notification-text.ts';
import { assertCanActFor } from '../people/authorize.ts';
import { reportingLineIds } from '../people/reporting-line.ts';

export interface DecideRegistrationInput {
  registrationId: string;
  reason?: string;
}

export type ApproveRegistrationResult = { kind: 'approved'; registrationId: string; sessionId: string };
export type DeclineRegistrationResult = {
  kind: 'declined';
  registrationId: string;
  sessionId: string;
  fills: SeatFill[];
};

export async function approveRegistration(
  deps: Deps,
  actor: Actor,
  input: DecideRegistrationInput,
): Promise<ApproveRegistrationResult> {
  return decide(deps, actor, input, 'approve') as Promise<ApproveRegistrationResult>;
}

export async function declineRegistration(
  deps: Deps,
  actor: Actor,
  input: DecideRegistrationInput,
): Promise<DeclineRegistrationResult> {
  return decide(deps, actor, input, 'decline') as Promise<DeclineRegistrationResult>;
}

async function decide(
  deps: Deps,
  actor: Actor,
  input: DecideRegistrationInput,
  decision: 'approve' | 'decline',
) {
  return inTransaction(deps.db.prisma, async (tx) => {
    const seen = await findRegistration(tx, input.registrationId);
    if (seen.personId === actor.personId && !actor.roles.includes('admin')) {
      throw new AppError('FORBIDDEN', 'You cannot approve your own request; your manager decides.');
    }
    await assertCanActFor(tx, actor, seen.personId);
    const session = await lockSessionOrThrow(tx, seen.sessionId);
    const registration = await findRegistration(tx, seen.id);
    if (registration.status !== 'pending_approval') {
      throw new AppError(
        'INVALID_STATE',
        `That request is ${registration.status.replace('_', ' ')}, not awaiting approval.`,
      );
    }
    const now = deps.clock.now();
    const reason = input.reason?.trim() || null;
    const zone = (await zonesOf(tx, [registration.personId])).get(registration.personId);
    const payload = {
      registrationId: registration.id,
      sessionId: session.id,
      courseTitle: session.course.title,
      byName: actor.name,
      reason,
    };
    const slot = `${session.course.title} (${when(session, zone)})`;
    if (decision === 'approve') {
      if (session.status !== 'scheduled' || session.startsAt <= now)
        throw new AppError('SESSION_CLOSED', 'That session is no longer open.');
      await transition(tx, actor, registration, { to: 'confirmed', action: 'registration.approved', reason });
      await enqueueNotification(tx, {
        kind: 'registration.approved',
        recipientId: registration.personId,
        dueAt: now,
        payload: { ...payload, text: `${actor.name} approved your place on ${slot}. You are booked.` },
        dedupeKey: `registration-approved:${registration.id}:${session.id}`,
      });
      return { kind: 'approved', registrationId: registration.id, sessionId: session.id };
    }
    await transition(tx, actor, registration, {
      to: 'declined',
      action: 'registration.declined',
      reason,
      data: { cancelReason: reason },
    });
    await enqueueNotification(tx, {
      kind: 'registration.declined',
      recipientId: registration.personId,
      dueAt: now,
      payload: {
        ...payload,
        text: `${actor.name} declined your request for ${slot}${reason ? `: ${reason}` : '.'}`,
      },
      dedupeKey: `registration-declined:${registration.id}:${session.id}`,
    });
    const fills = await fillFreedSeats(tx, deps.clock, actor, session);
    return { kind: 'declined', registrationId: registration.id, sessionId: session.id, fills };
  });
}

/** Requests waiting for this actor: from their reporting line, or all of them for an admin. */
export async function listPendingApprovals(deps: Deps, actor: Actor) {
  const personIds = actor.roles.includes('admin')
    ? undefined
    : await reportingLineIds(deps.db.prisma, actor.personId);
  if (personIds && personIds.length === 0) return [];
  return deps.db.prisma.registration.findMany({
    where: { status: 'pending_approval', ...(personIds ? { personId: { in: personIds } } : {}) },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      createdAt: true,
      person: { select: { id: true, name: true, email: true } },
      session: {
        select: {
          id: true,
          startsAt: true,
          endsAt: true,
          timeZone: true,
          course: { select: { code: true, title: true } },
        },
      },
    },
  });
}
