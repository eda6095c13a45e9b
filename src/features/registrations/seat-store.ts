/**
 * Seats are counted and waitlist tickets drawn only while the session row is locked
 * (`SELECT … FOR UPDATE`) in the transaction that writes, so concurrent bookings queue on
 * the lock and each sees the previous one's result: capacity is never exceeded and
 * tickets come out in strict booking order.
 */
import type { RegistrationStatus, SessionStatus, WaitlistMode } from '../../generated/prisma/enums.ts';
import type { DbClient } from '../../db/transaction.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { AppError } from '../../shared/app-error.ts';

/** Statuses that occupy a seat. Pending approval holds its seat until decided. */
export const SEAT_HOLDING: RegistrationStatus[] = [
  'confirmed',
  'pending_approval',
  'offered',
  'attended',
  'partial',
  'no_show',
];
/** Statuses still in play; cancelled and declined rows are history. */
export const LIVE: RegistrationStatus[] = [...SEAT_HOLDING, 'waitlisted'];

export interface LockedSession {
  id: string;
  courseId: string;
  programmeId: string | null;
  cohort: string | null;
  status: SessionStatus;
  capacity: number;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  registrationCutoffAt: Date | null;
  waitlistCounter: number;
  course: {
    title: string;
    code: string;
    needsManagerApproval: boolean;
    waitlistMode: WaitlistMode;
    offerHoldHours: number;
    waitlistCutoffHours: number;
    cancellationDeadlineHours: number;
  };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string): boolean => UUID_RE.test(id);

/**
 * Locks the session row for the rest of the transaction and reads it with its course's
 * booking rules in the same statement; null when there is no such session.
 */
export async function lockSession(tx: DbClient, sessionId: string): Promise<LockedSession | null> {
  if (!isUuid(sessionId)) return null;
  const rows = await tx.$queryRaw<LockedRow[]>(lockSessionQuery(sessionId));
  return rows[0] ? lockedSessionOf(rows[0]) : null;
}

/** The lock statement itself, shared with the direct booking path (book-session-direct.ts). */
export function lockSessionQuery(sessionId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT s.id::text AS id, s."courseId"::text AS "courseId", s."programmeId"::text AS "programmeId", s.cohort,
           s.status::text AS status, s.capacity, s."startsAt", s."endsAt", s."timeZone", s."registrationCutoffAt",
           s."waitlistCounter", c.title, c.code, c."needsManagerApproval", c."waitlistMode"::text AS "waitlistMode",
           c."offerHoldHours", c."waitlistCutoffHours", c."cancellationDeadlineHours"
      FROM "Session" s JOIN "Course" c ON c.id = s."courseId"
     WHERE s.id = ${sessionId}::uuid
       FOR UPDATE OF s`;
}

export function lockedSessionOf(row: LockedRow): LockedSession {
  return {
    id: row.id,
    courseId: row.courseId,
    programmeId: row.programmeId,
    cohort: row.cohort,
    status: row.status,
    capacity: row.capacity,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timeZone: row.timeZone,
    registrationCutoffAt: row.registrationCutoffAt,
    waitlistCounter: row.waitlistCounter,
    course: {
      title: row.title,
      code: row.code,
      needsManagerApproval: row.needsManagerApproval,
      waitlistMode: row.waitlistMode,
      offerHoldHours: row.offerHoldHours,
      waitlistCutoffHours: row.waitlistCutoffHours,
      cancellationDeadlineHours: row.cancellationDeadlineHours,
    },
  };
}

export type LockedRow = Omit<LockedSession, 'course'> & LockedSession['course'];

export async function lockSessionOrThrow(tx: DbClient, sessionId: string): Promise<LockedSession> {
  const session = await lockSession(tx, sessionId);
  if (!session) throw new AppError('NOT_FOUND', 'That session does not exist.');
  return session;
}

/** Locks several sessions in a fixed (id) order, so two multi-session transactions cannot deadlock. */
export async function lockSessions(tx: DbClient, sessionIds: string[]): Promise<Map<string, LockedSession>> {
  const locked = new Map<string, LockedSession>();
  for (const id of [...new Set(sessionIds)].sort()) locked.set(id, await lockSessionOrThrow(tx, id));
  return locked;
}

export async function countSeatsTaken(tx: DbClient, sessionId: string): Promise<number> {
  return tx.registration.count({ where: { sessionId, status: { in: SEAT_HOLDING } } });
}

/** Draws the next ticket; only valid under the session's row lock. */
export async function drawWaitlistTicket(tx: DbClient, sessionId: string): Promise<number> {
  const updated = await tx.session.update({
    where: { id: sessionId },
    data: { waitlistCounter: { increment: 1 } },
    select: { waitlistCounter: true },
  });
  return updated.waitlistCounter;
}

/** 1-based place in the queue of a waitlisted ticket. */
export async function waitlistPlace(tx: DbClient, sessionId: string, ticket: number): Promise<number> {
  return tx.registration.count({
    where: { sessionId, status: 'waitlisted', waitlistTicket: { lte: ticket } },
  });
}
