/**
 * The checks a person expects before a seat is taken, each with its own clear answer.
 * They run with the session row locked, so what they see cannot change before the write.
 */
import type { DbClient } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { LIVE, type LockedSession } from './seat-store.ts';

export function assertBookable(
  session: LockedSession,
  now: Date,
  options: { ignoreCutoff?: boolean } = {},
): void {
  if (session.status === 'cancelled')
    throw new AppError('SESSION_CLOSED', `That ${session.course.title} session has been cancelled.`);
  if (session.status !== 'scheduled' || session.startsAt <= now) {
    throw new AppError(
      'SESSION_CLOSED',
      `That ${session.course.title} session has already started or taken place.`,
    );
  }
  if (!options.ignoreCutoff && session.registrationCutoffAt && session.registrationCutoffAt <= now) {
    throw new AppError(
      'CUTOFF_PASSED',
      `Registration for that ${session.course.title} session closed at ${session.registrationCutoffAt.toISOString()}.`,
      {
        cutoffAt: session.registrationCutoffAt,
      },
    );
  }
}

export async function assertNotAlreadyBooked(
  tx: DbClient,
  session: LockedSession,
  personId: string,
): Promise<void> {
  const existing = await tx.registration.findFirst({
    where: { sessionId: session.id, personId, status: { in: LIVE } },
    select: { id: true, status: true, waitlistTicket: true },
  });
  if (existing) {
    const how =
      existing.status === 'waitlisted'
        ? 'on the waitlist for'
        : existing.status === 'pending_approval'
          ? 'awaiting approval for'
          : 'already booked on';
    throw new AppError('ALREADY_BOOKED', `You are ${how} that ${session.course.title} session.`, {
      registrationId: existing.id,
      status: existing.status,
    });
  }
}

/**
 * Another of the person's sessions (booked, offered or awaiting approval) overlapping any
 * day of this one. Waitlists do not clash: people may queue for alternatives.
 */
export async function assertNoClash(
  tx: DbClient,
  session: LockedSession,
  personId: string,
  ignoreSessionIds: string[] = [],
): Promise<void> {
  const clash = await findClash(tx, session.id, personId, ignoreSessionIds);
  if (clash) {
    throw new AppError(
      'CLASH',
      `That clashes with your ${clash.title} session at ${clash.startsAt.toISOString()}.`,
      {
        sessionId: clash.sessionId,
      },
    );
  }
}

export async function findClash(
  tx: DbClient,
  sessionId: string,
  personId: string,
  ignoreSessionIds: string[] = [],
): Promise<{ sessionId: string; title: string; startsAt: Date } | null> {
  const ignore = [sessionId, ...ignoreSessionIds];
  const clashes = await tx.$queryRaw<{ sessionId: string; title: string; startsAt: Date }[]>`
    SELECT DISTINCT s.id::text AS "sessionId", c.title, s."startsAt"
    FROM "Registration" r
    JOIN "Session" s ON s.id = r."sessionId"
    JOIN "Course" c ON c.id = s."courseId"
    JOIN "SessionDay" od ON od."sessionId" = s.id
    JOIN "SessionDay" td ON td."sessionId" = ${sessionId}::uuid
    WHERE r."personId" = ${personId}::uuid
      AND r.status IN ('confirmed', 'pending_approval', 'offered')
      AND s.status = 'scheduled'
      AND NOT (s.id::text = ANY(${ignore}))
      AND od."startsAt" < td."endsAt" AND td."startsAt" < od."endsAt"
    ORDER BY s."startsAt"
    LIMIT 1`;
  return clashes[0] ?? null;
}

/**
 * Everything a booking decision needs, read in one statement under the session lock:
 * the person, an existing live registration, a clashing session, missing prerequisites,
 * seats taken and queue length. One round trip instead of six keeps the lock held briefly,
 * which is what bounds throughput on a popular session.
 */
export interface BookingFacts {
  person: { status: string; managerId: string | null; name: string } | null;
  existing: { id: string; status: string } | null;
  clash: { sessionId: string; title: string; startsAt: Date } | null;
  missing: { code: string; title: string }[];
  seatsTaken: number;
  waitlisted: number;
  /** The course is a gated step of some learning journey (then the journey rules apply). */
  gatedJourneyStep: boolean;
}

export async function loadBookingFacts(
  tx: DbClient,
  session: LockedSession,
  personId: string,
  ignoreClashWith: string[] = [],
): Promise<BookingFacts> {
  const ignore = [session.id, ...ignoreClashWith];
  const rows = await tx.$queryRaw<
    {
      person: { status: string; managerId: string | null; name: string } | null;
      existing: { id: string; status: string } | null;
      clash: { sessionId: string; title: string; startsAt: string } | null;
      missing: { code: string; title: string }[];
      seatsTaken: number;
      waitlisted: number;
      gatedJourneyStep: boolean;
    }[]
  >`
    SELECT
      (SELECT json_build_object('status', p.status, 'managerId', p."managerId", 'name', p.name)
         FROM "Person" p WHERE p.id = ${personId}::uuid) AS person,
      (SELECT json_build_object('id', r.id, 'status', r.status)
         FROM "Registration" r
        WHERE r."sessionId" = ${session.id}::uuid AND r."personId" = ${personId}::uuid
          AND r.status NOT IN ('cancelled', 'declined')
        LIMIT 1) AS existing,
      (SELECT json_build_object('sessionId', s.id, 'title', c.title, 'startsAt', s."startsAt")
         FROM "Registration" r
         JOIN "Session" s ON s.id = r."sessionId"
         JOIN "Course" c ON c.id = s."courseId"
         JOIN "SessionDay" od ON od."sessionId" = s.id
         JOIN "SessionDay" td ON td."sessionId" = ${session.id}::uuid
        WHERE r."personId" = ${personId}::uuid
          AND r.status IN ('confirmed', 'pending_approval', 'offered')
          AND s.status = 'scheduled'
          AND NOT (s.id::text = ANY(${ignore}))
          AND od."startsAt" < td."endsAt" AND td."startsAt" < od."endsAt"
        ORDER BY s."startsAt"
        LIMIT 1) AS clash,
      (SELECT coalesce(json_agg(json_build_object('code', c.code, 'title', c.title) ORDER BY c.code), '[]'::json)
         FROM "CoursePrerequisite" pr
         JOIN "Course" c ON c.id = pr."requiredCourseId"
        WHERE pr."courseId" = ${session.courseId}::uuid
          AND NOT EXISTS (SELECT 1 FROM "Completion" k WHERE k."personId" = ${personId}::uuid AND k."courseId" = pr."requiredCourseId")
      ) AS missing,
      (SELECT count(*)::int FROM "Registration" r
        WHERE r."sessionId" = ${session.id}::uuid
          AND r.status IN ('confirmed', 'pending_approval', 'offered', 'attended', 'partial', 'no_show')) AS "seatsTaken",
      (SELECT count(*)::int FROM "Registration" r
        WHERE r."sessionId" = ${session.id}::uuid AND r.status = 'waitlisted') AS waitlisted,
      EXISTS (SELECT 1 FROM "ProgrammeStep" ps JOIN "Programme" pg ON pg.id = ps."programmeId"
               WHERE ps."courseId" = ${session.courseId}::uuid AND ps."requiresPrevious" AND pg.kind = 'journey') AS "gatedJourneyStep"`;
  const row = rows[0]!;
  return {
    person: row.person,
    existing: row.existing,
    clash: row.clash ? { ...row.clash, startsAt: new Date(row.clash.startsAt) } : null,
    missing: row.missing,
    seatsTaken: row.seatsTaken,
    waitlisted: row.waitlisted,
    gatedJourneyStep: row.gatedJourneyStep,
  };
}

/** The same answers as the individual assertions above, from facts already read. */
export function assertBookingFacts(session: LockedSession, facts: BookingFacts): void {
  if (facts.person?.status !== 'active') {
    throw new AppError('NOT_FOUND', 'That person is not an active member of the organisation.');
  }
  if (facts.existing) {
    const how =
      facts.existing.status === 'waitlisted'
        ? 'on the waitlist for'
        : facts.existing.status === 'pending_approval'
          ? 'awaiting approval for'
          : 'already booked on';
    throw new AppError('ALREADY_BOOKED', `You are ${how} that ${session.course.title} session.`, {
      registrationId: facts.existing.id,
      status: facts.existing.status,
    });
  }
  if (facts.clash) {
    throw new AppError(
      'CLASH',
      `That clashes with your ${facts.clash.title} session at ${facts.clash.startsAt.toISOString()}.`,
      {
        sessionId: facts.clash.sessionId,
      },
    );
  }
  if (facts.missing.length > 0) {
    throw new AppError(
      'PREREQUISITE_MISSING',
      `${session.course.title} needs ${facts.missing.map((m) => `${m.title} (${m.code})`).join(' and ')} completed first.`,
      { missing: facts.missing.map((m) => m.code) },
    );
  }
}
