import type { DbClient } from '../../db/transaction.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

export interface AuditEntry {
  /** Person who acted; null for the system (jobs, seed). */
  actorId: string | null;
  /** Dotted verb, e.g. `registration.cancelled`, `session.instructor_conflict_overridden`. */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes one audit event. Call it with the transaction that makes the change, so the
 * change and its record commit or roll back together.
 */
export async function recordAudit(db: DbClient, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}

/** Dates, Decimals and BigInts become JSON-safe values (ISO strings, decimal strings). */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}
