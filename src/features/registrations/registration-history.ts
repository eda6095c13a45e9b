/**
 * Every registration status change writes a RegistrationEvent (the registration's own
 * history, kept across transfers) and an audit event, in the transaction that makes it.
 */
import type { Prisma, Registration } from '../../generated/prisma/client.ts';
import type { RegistrationStatus } from '../../generated/prisma/enums.ts';
import type { Channel } from '../../shared/channel.ts';
import type { DbClient } from '../../db/transaction.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';

export interface NewRegistration {
  sessionId: string;
  personId: string;
  status: RegistrationStatus;
  waitlistTicket?: number | null;
  offerExpiresAt?: Date | null;
  groupId?: string | null;
  channel?: Channel;
  overbooked?: boolean;
  reason?: string;
}

/**
 * Inserts the registration, its first history event and its audit event in one statement:
 * this runs while the session row is locked, and every round trip under the lock is one
 * more wait for everyone queued behind it.
 */
export async function createRegistration(
  tx: DbClient,
  actor: Actor,
  input: NewRegistration,
): Promise<{ id: string }> {
  const actorId = actorIdOf(actor);
  const action = input.overbooked ? 'registration.overbooked' : `registration.${input.status}`;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH reg AS (
      INSERT INTO "Registration" ("sessionId", "personId", status, "waitlistTicket", "offerExpiresAt", "groupId", "sourceChannel", "actedById", overbooked)
      VALUES (${input.sessionId}::uuid, ${input.personId}::uuid, ${input.status}::"RegistrationStatus", ${input.waitlistTicket ?? null}::int,
              ${input.offerExpiresAt ?? null}::timestamptz, ${input.groupId ?? null}::uuid, ${input.channel ?? 'system'}::"Channel",
              ${actorId}::uuid, ${input.overbooked ?? false})
      RETURNING *
    ), history AS (
      INSERT INTO "RegistrationEvent" ("registrationId", "fromStatus", "toStatus", "toSessionId", "actorId", reason)
      SELECT id, NULL, status, "sessionId", "actedById", ${input.reason ?? null}::text FROM reg
    )
    INSERT INTO "AuditEvent" ("actorId", action, "entityType", "entityId", after)
    SELECT "actedById", ${action}, 'Registration', id::text, to_jsonb(reg.*) FROM reg
    RETURNING "entityId" AS id`;
  return { id: rows[0]!.id };
}

export interface Transition {
  to: RegistrationStatus;
  /** Dotted audit action, e.g. `registration.promoted`. */
  action: string;
  reason?: string | null;
  /** Other columns changed with the status (ticket, offer expiry, session for a transfer). */
  data?: Omit<Prisma.RegistrationUncheckedUpdateInput, 'status'>;
}

export async function transition(
  tx: DbClient,
  actor: Actor,
  before: Registration,
  change: Transition,
): Promise<Registration> {
  const after = await tx.registration.update({
    where: { id: before.id },
    data: { ...change.data, status: change.to, actedById: actorIdOf(actor) },
  });
  await tx.registrationEvent.create({
    data: {
      registrationId: before.id,
      fromStatus: before.status,
      toStatus: change.to,
      fromSessionId: before.sessionId,
      toSessionId: after.sessionId,
      actorId: actorIdOf(actor),
      reason: change.reason ?? null,
    },
  });
  await recordAudit(tx, {
    actorId: actorIdOf(actor),
    action: change.action,
    entityType: 'Registration',
    entityId: before.id,
    before,
    after,
  });
  return after;
}

/**
 * Was this registration made by the learner themself? Booking by a manager or an admin
 * counts as approval; a self-booking on an approval course still needs one when promoted.
 */
export async function wasSelfBooked(
  tx: DbClient,
  registrationId: string,
  personId: string,
): Promise<boolean> {
  const first = await tx.registrationEvent.findFirst({
    where: { registrationId },
    orderBy: { id: 'asc' },
    select: { actorId: true },
  });
  return first?.actorId === personId;
}

/** Has an approver already said yes to this registration (it went pending → something live)? */
export async function wasApproved(tx: DbClient, registrationId: string): Promise<boolean> {
  const approved = await tx.registrationEvent.findFirst({
    where: { registrationId, fromStatus: 'pending_approval', toStatus: { in: ['confirmed', 'waitlisted'] } },
    select: { id: true },
  });
  return approved !== null;
}
