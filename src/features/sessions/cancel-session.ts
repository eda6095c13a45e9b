/**
 * Cancels a session. Nothing is deleted: the session keeps its rows with status cancelled
 * and a reason, each live registration is cancelled with that reason (its history kept),
 * and every registrant gets a "session cancelled" message through the outbox.
 */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { enqueueNotification } from '../notifications/enqueue-notification.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { transition } from '../registrations/registration-history.ts';
import { lockSessionOrThrow } from '../registrations/seat-store.ts';
import { when, zonesOf } from '../registrations/notification-text.ts';

export interface CancelSessionInput {
  sessionId: string;
  reason: string;
}

export interface CancelSessionResult {
  kind: 'cancelled';
  sessionId: string;
  /** People whose registration was cancelled and who were told. */
  notified: number;
}

const OPEN = ['confirmed', 'pending_approval', 'offered', 'waitlisted'] as const;

export async function cancelSession(
  deps: Deps,
  actor: Actor,
  input: CancelSessionInput,
): Promise<CancelSessionResult> {
  assertAdmin(actor, 'cancel a session');
  const reason = input.reason?.trim();
  if (!reason)
    throw new AppError('VALIDATION', 'Give a reason for cancelling the session; registrants will see it.');
  return inTransaction(deps.db.prisma, async (tx) => {
    const session = await lockSessionOrThrow(tx, input.sessionId);
    if (session.status === 'cancelled')
      throw new AppError('INVALID_STATE', 'That session is already cancelled.');
    const now = deps.clock.now();
    if (session.status === 'completed' || session.endsAt <= now)
      throw new AppError('SESSION_CLOSED', 'That session has already taken place.');
    await tx.session.update({
      where: { id: session.id },
      data: { status: 'cancelled', cancelReason: reason },
    });
    await recordAudit(tx, {
      actorId: actorIdOf(actor),
      action: 'session.cancelled',
      entityType: 'Session',
      entityId: session.id,
      before: { status: session.status },
      after: { status: 'cancelled', cancelReason: reason },
    });
    const registrations = await tx.registration.findMany({
      where: { sessionId: session.id, status: { in: [...OPEN] } },
    });
    const zones = await zonesOf(
      tx,
      registrations.map((r) => r.personId),
    );
    for (const registration of registrations) {
      await transition(tx, actor, registration, {
        to: 'cancelled',
        action: 'registration.session_cancelled',
        reason: `session cancelled: ${reason}`,
        data: { cancelReason: `session cancelled: ${reason}`, offerExpiresAt: null },
      });
      await enqueueNotification(tx, {
        kind: 'session.cancelled',
        recipientId: registration.personId,
        dueAt: now,
        payload: {
          sessionId: session.id,
          registrationId: registration.id,
          courseTitle: session.course.title,
          startsAt: session.startsAt.toISOString(),
          timeZone: session.timeZone,
          reason,
          text: `${session.course.title} on ${when(session, zones.get(registration.personId))} has been cancelled: ${reason}. Your booking is cancelled; ask "what ${session.course.title} sessions are there?" to find another date.`,
        },
        dedupeKey: `session-cancelled:${session.id}:${registration.personId}`,
      });
    }
    return { kind: 'cancelled', sessionId: session.id, notified: registrations.length };
  });
}
