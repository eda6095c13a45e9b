import type { DbClient } from '../../db/transaction.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

export interface NotificationInput {
  /** e.g. `registration.promoted`, `session.cancelled`, `course.completed`, `session.reminder`. */
  kind: string;
  recipientId: string;
  dueAt: Date;
  payload: Record<string, unknown>;
  /** Same key = same message: a second enqueue is a no-op (e.g. `promoted:<registrationId>`). */
  dedupeKey: string;
}

/**
 * Puts a message in the outbox, in the caller's transaction, so a message is sent if and only
 * if the change it announces committed. Jobs deliver it through the person's chat channel.
 */
export async function enqueueNotification(db: DbClient, input: NotificationInput): Promise<void> {
  await db.notification.upsert({
    where: { dedupeKey: input.dedupeKey },
    create: {
      kind: input.kind,
      recipientId: input.recipientId,
      dueAt: input.dueAt,
      payload: input.payload as Prisma.InputJsonValue,
      dedupeKey: input.dedupeKey,
    },
    update: {},
  });
}
