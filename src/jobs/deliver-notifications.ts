/**
 * Outbox delivery in three short steps, with no network call inside a transaction:
 *
 * 1. Claim: one statement takes up to `batchSize` due rows (FOR UPDATE SKIP LOCKED, so a
 *    second runner takes other rows) and sets a lease on them; it commits at once.
 * 2. Send each claimed row outside any transaction.
 * 3. Mark it sent, or pending again with the reason and a backoff (failed after
 *    MAX_ATTEMPTS or when the person has no chat channel), only if this runner still holds
 *    the lease.
 *
 * A runner that dies between claim and mark leaves its lease to expire; the row is then
 * claimed again. `leaseUntil` therefore means "nobody claims this row before": a runner's
 * lease, or a failure's backoff.
 */
import type { Deps } from '../deps.ts';
import type { NotificationSender } from '../features/notifications/notification-sender.ts';
import { renderNotification } from '../features/notifications/render-notification.ts';

const MAX_ATTEMPTS = 5;
/** Longer than any one send may take (the platforms' SDKs time out well before). */
export const LEASE_MS = 2 * 60_000;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 60 * 60_000;

export interface DeliveryResult {
  sent: number;
  failed: number;
  noChannel: number;
  /** Claimed, but another runner re-claimed it after the lease expired; left to that runner. */
  lostLease: number;
}

interface ClaimedRow {
  id: string;
  kind: string;
  recipientId: string;
  payload: Record<string, unknown> | null;
  attempts: number;
  leaseUntil: Date;
}

export async function deliverNotifications(
  deps: Deps,
  sender: NotificationSender,
  batchSize = 50,
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0, noChannel: 0, lostLease: 0 };
  const claimed = await claimDue(deps, batchSize);
  for (const row of claimed) {
    const sent = await sender.send(row.recipientId, renderNotification(row.kind, row.payload ?? {}));
    const attempts = row.attempts + 1;
    const now = deps.clock.now();
    let outcome: 'sent' | 'failed' | 'noChannel';
    let data: Record<string, unknown>;
    if (sent.kind === 'sent') {
      outcome = 'sent';
      data = { status: 'sent', sentAt: now, attempts, leaseUntil: null, lastError: null };
    } else {
      const error = sent.kind === 'no_channel' ? 'no chat channel linked for this person' : sent.error;
      const giveUp = sent.kind === 'no_channel' || attempts >= MAX_ATTEMPTS;
      outcome = sent.kind === 'no_channel' ? 'noChannel' : 'failed';
      data = {
        status: giveUp ? 'failed' : 'pending',
        attempts,
        lastError: error.slice(0, 1000),
        leaseUntil: giveUp ? null : new Date(now.getTime() + backoffMs(attempts)),
      };
    }
    const marked = await deps.db.prisma.notification.updateMany({
      where: { id: row.id, status: 'pending', leaseUntil: row.leaseUntil },
      data,
    });
    if (marked.count === 1) result[outcome] += 1;
    else result.lostLease += 1;
  }
  return result;
}

function claimDue(deps: Deps, batchSize: number): Promise<ClaimedRow[]> {
  const now = deps.clock.now();
  const lease = new Date(now.getTime() + LEASE_MS);
  return deps.db.prisma.$queryRaw<ClaimedRow[]>`
    UPDATE "Notification" SET "leaseUntil" = ${lease}
    WHERE id IN (
      SELECT id FROM "Notification"
      WHERE status = 'pending' AND "dueAt" <= ${now}
        AND ("leaseUntil" IS NULL OR "leaseUntil" <= ${now})
      ORDER BY "dueAt" LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED)
    RETURNING id::text, kind, "recipientId"::text AS "recipientId", payload, attempts, "leaseUntil"`;
}

/** 30 s, 1 min, 2 min … capped at an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** (attempts - 1), BACKOFF_MAX_MS);
}
