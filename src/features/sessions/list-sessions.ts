/**
 * Admins page through sessions of any status by start time (the admin API's list); learners
 * use findSessions, which shows only what is open to book.
 */
import type { Deps } from '../../deps.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { SessionStatus } from '../../generated/prisma/enums.ts';
import { AppError } from '../../shared/app-error.ts';
import { pageOf, type Page, type PageInput } from '../../shared/page.ts';
import type { Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { isUuid } from '../registrations/seat-store.ts';
import { loadListings, type SessionListing } from './find-sessions.ts';

export interface ListSessionsInput extends PageInput {
  courseId?: string;
  programmeId?: string;
  seriesId?: string;
  venueId?: string;
  instructorId?: string;
  status?: SessionStatus;
  /** Sessions starting at or after. */
  from?: Date;
  /** Sessions starting before. */
  to?: Date;
}

/** `after` is "<startsAt ISO>|<id>": sessions are paged by start, ties by id. */
export async function listSessions(
  deps: Deps,
  actor: Actor,
  input: ListSessionsInput,
): Promise<Page<SessionListing>> {
  assertAdmin(actor, 'list every session');
  for (const id of [input.courseId, input.programmeId, input.seriesId, input.venueId, input.instructorId])
    if (id !== undefined && !isUuid(id)) return { items: [], nextAfter: null };
  const after = input.after ? parseAfter(input.after) : undefined;
  const where: Prisma.SessionWhereInput = {
    AND: [
      after
        ? { OR: [{ startsAt: { gt: after.startsAt } }, { startsAt: after.startsAt, id: { gt: after.id } }] }
        : {},
      input.from || input.to
        ? { startsAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lt: input.to } : {}) } }
        : {},
      input.courseId ? { courseId: input.courseId } : {},
      input.programmeId ? { programmeId: input.programmeId } : {},
      input.seriesId ? { seriesId: input.seriesId } : {},
      input.venueId ? { venueId: input.venueId } : {},
      input.instructorId ? { instructors: { some: { personId: input.instructorId } } } : {},
      input.status ? { status: input.status } : {},
    ],
  };
  const rows = await loadListings(deps, where, input.limit + 1);
  return pageOf(rows, input.limit, (s) => `${s.startsAt.toISOString()}|${s.sessionId}`);
}

function parseAfter(after: string): { startsAt: Date; id: string } {
  const [at, id] = after.split('|');
  const startsAt = new Date(at ?? '');
  if (Number.isNaN(startsAt.getTime()) || !id || !isUuid(id))
    throw new AppError('VALIDATION', 'That page cursor is not valid.', { field: 'next' });
  return { startsAt, id };
}
