/**
 * Optimistic concurrency for session changes (reschedule, capacity, cancel, instructors):
 * the caller names the version it read (the session's updatedAt). One conditional UPDATE
 * moves it on only if it is still current, so of two admins acting on the same version
 * exactly one proceeds; the other is told its copy is stale and nothing changes. Runs before
 * the change's own transaction (no transaction is held across the two).
 */
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { STALE_VERSION, nextVersion } from '../../shared/app-error-reasons.ts';
import type { Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { isUuid } from '../registrations/seat-store.ts';

export async function claimSessionVersion(
  deps: Deps,
  actor: Actor,
  input: { sessionId: string; version: Date },
): Promise<void> {
  assertAdmin(actor, 'change sessions');
  if (!isUuid(input.sessionId)) throw new AppError('NOT_FOUND', 'That session does not exist.');
  const at = input.version.getTime();
  const { count } = await deps.db.prisma.session.updateMany({
    // A millisecond window: the column keeps microseconds, JavaScript dates milliseconds.
    where: { id: input.sessionId, updatedAt: { gte: new Date(at), lt: new Date(at + 1) } },
    data: { updatedAt: nextVersion(deps.clock.now(), at) },
  });
  if (count === 1) return;
  const exists = await deps.db.prisma.session.count({ where: { id: input.sessionId } });
  if (!exists) throw new AppError('NOT_FOUND', 'That session does not exist.');
  throw new AppError('CONFLICT', 'The session changed since you read it; read it again and retry.', {
    reason: STALE_VERSION,
  });
}

/** The version a client must send back in If-Match (the session's updatedAt). */
export async function sessionVersion(deps: Deps, input: { sessionId: string }): Promise<Date> {
  const row = isUuid(input.sessionId)
    ? await deps.db.prisma.session.findUnique({ where: { id: input.sessionId }, select: { updatedAt: true } })
    : null;
  if (!row) throw new AppError('NOT_FOUND', 'That session does not exist.');
  return row.updatedAt;
}
