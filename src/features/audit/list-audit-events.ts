/** Admins read the audit log, newest last, filtered by entity, actor, action or time. */
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { pageOf, type Page, type PageInput } from '../../shared/page.ts';
import type { Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { isUuid } from '../registrations/seat-store.ts';

export interface AuditEventRecord {
  /** Decimal text: the id is a 64-bit sequence. */
  id: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  at: Date;
}

export interface ListAuditEventsInput extends PageInput {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: Date;
  to?: Date;
}

export async function listAuditEvents(
  deps: Deps,
  actor: Actor,
  input: ListAuditEventsInput,
): Promise<Page<AuditEventRecord>> {
  assertAdmin(actor, 'read the audit log');
  if (input.after !== undefined && !/^\d{1,19}$/.test(input.after))
    throw new AppError('VALIDATION', 'That page cursor is not valid.', { field: 'next' });
  if (input.actorId !== undefined && !isUuid(input.actorId)) return { items: [], nextAfter: null };
  const rows = await deps.db.prisma.auditEvent.findMany({
    where: {
      ...(input.after ? { id: { gt: BigInt(input.after) } } : {}),
      ...(input.entityType ? { entityType: input.entityType } : {}),
      ...(input.entityId ? { entityId: input.entityId } : {}),
      ...(input.actorId ? { actorId: input.actorId } : {}),
      ...(input.action ? { action: input.action } : {}),
      ...(input.from || input.to
        ? { at: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lt: input.to } : {}) } }
        : {}),
    },
    orderBy: { id: 'asc' },
    take: input.limit + 1,
    include: { actor: { select: { name: true } } },
  });
  return pageOf(
    rows.map((r) => ({
      id: r.id.toString(),
      actorId: r.actorId,
      actorName: r.actor?.name ?? null,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      at: r.at,
    })),
    input.limit,
    (e) => e.id,
  );
}
