/**
 * Optimistic concurrency for course edits: the caller names the version it read (the
 * course's updatedAt). One conditional UPDATE moves it on only if it is still current, so of
 * two admins editing from the same version exactly one proceeds and the other is told its
 * copy is stale, with nothing changed. The claim runs before the edit's own transaction.
 */
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { isUuid } from '../registrations/seat-store.ts';
import { STALE_VERSION, nextVersion } from '../../shared/app-error-reasons.ts';

export async function claimCourseVersion(
  deps: Deps,
  actor: Actor,
  input: { courseId: string; version: Date },
): Promise<void> {
  assertAdmin(actor, 'change the catalogue');
  if (!isUuid(input.courseId)) throw new AppError('NOT_FOUND', 'There is no such course.');
  const at = input.version.getTime();
  const { count } = await deps.db.prisma.course.updateMany({
    // A millisecond window: the column keeps microseconds, JavaScript dates milliseconds.
    where: { id: input.courseId, updatedAt: { gte: new Date(at), lt: new Date(at + 1) } },
    data: { updatedAt: nextVersion(deps.clock.now(), at) },
  });
  if (count === 1) return;
  const exists = await deps.db.prisma.course.count({ where: { id: input.courseId } });
  if (!exists) throw new AppError('NOT_FOUND', 'There is no such course.');
  throw new AppError('CONFLICT', 'The course changed since you read it; read it again and retry.', {
    reason: STALE_VERSION,
  });
}
