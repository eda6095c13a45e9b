/**
 * Outbox delivery: sends due notifications, at most `batchSize` per run (the rest next run).
 * Rows are claimed with FOR UPDATE SKIP LOCKED so a second runner never sends the same row;
 * a failure is retried on later runs with the error kept, and gives up after MAX_ATTEMPTS.
 */
import type { Deps } from '../deps.ts';
import type { NotificationSender } from '../features/notifications/notification-sender.ts';
import { renderNotification } from '../features/notifications/render-notification.ts';

const MAX_ATTEMPTS = 5;

export interface DeliveryResult {
  sent: number;
  failed: number;
  noChannel: number;
}

export async function deliverNotifications(
  deps: Deps,
  sender: NotificationSender,
  batchSize = 50,
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0, noChannel: 0 };
  const due = await deps.db.prisma.$queryRaw<
    { id: string; kind: string; recipientId: string; payload: Record<string, unknown>; attempts: number }[]
  >`
    SELECT id::text, kind, "recipientId"::text AS "recipientId", payload, attempts FROM "Notification"
    WHERE status = 'pending' AND "dueAt" <= ${deps.clock.now()}
    ORDER BY "dueAt" LIMIT ${batchSize}`;
  for (const row of due) {
    // Claim: only the runner that flips pending→(sent|retry) for this row sends it.
    const outcome = await deps.db.prisma.$transaction(
      async (tx) => {
        const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text FROM "Notification" WHERE id = ${row.id}::uuid AND status = 'pending' FOR UPDATE SKIP LOCKED`;
        if (locked.length === 0) return 'skipped' as const;
        const sent = await sender.send(row.recipientId, renderNotification(row.kind, row.payload ?? {}));
        const attempts = row.attempts + 1;
        if (sent.kind === 'sent') {
          await tx.notification.update({
            where: { id: row.id },
            data: { status: 'sent', sentAt: deps.clock.now(), attempts },
          });
          return 'sent' as const;
        }
        const error = sent.kind === 'no_channel' ? 'no chat channel linked for this person' : sent.error;
        const giveUp = sent.kind === 'no_channel' || attempts >= MAX_ATTEMPTS;
        await tx.notification.update({
          where: { id: row.id },
          data: { status: giveUp ? 'failed' : 'pending', attempts, lastError: error },
        });
        return sent.kind === 'no_channel' ? ('noChannel' as const) : ('failed' as const);
      },
      { timeout: 30_000 },
    );
    if (outcome !== 'skipped') result[outcome] += 1;
  }
  return result;
}
