import type { Deps } from '../../deps.ts';
import type { Reply } from '../../shared/reply.ts';
import { renderNotification } from './render-notification.ts';

export interface InboxItem {
  id: string;
  kind: string;
  sentAt: string;
  reply: Reply;
}

/**
 * What the outbox delivered to this person, newest last: the web chat's inbox. `after` is the
 * last item the page already shows (its sentAt), so a reconnecting page asks only for news.
 */
export async function listInbox(
  deps: Pick<Deps, 'db'>,
  actor: { personId: string },
  input: { after?: Date; limit?: number },
): Promise<InboxItem[]> {
  const rows = await deps.db.prisma.notification.findMany({
    where: {
      recipientId: actor.personId,
      status: 'sent',
      ...(input.after ? { sentAt: { gt: input.after } } : {}),
    },
    orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
    take: input.limit ?? 50,
    select: { id: true, kind: true, payload: true, sentAt: true },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    sentAt: row.sentAt!.toISOString(),
    reply: renderNotification(row.kind, (row.payload ?? {}) as Record<string, unknown>),
  }));
}

/**
 * Whether the web inbox can reach this person: in demo mode everyone (anyone may pick them
 * in the browser); otherwise only people who have signed in to the web chat and not signed
 * out since, so nobody's message is "sent" somewhere they never look.
 */
export async function reachableByWebInbox(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  personId: string,
): Promise<boolean> {
  if (deps.config.demoMode) return true;
  const session = await deps.db.prisma.webSession.findFirst({
    where: { personId, revokedAt: null, expiresAt: { gt: deps.clock.now() } },
    select: { id: true },
  });
  return session !== null;
}
