/**
 * The checks a person expects before a seat is taken, each with its own clear answer.
 * They run with the session row locked, so what they see cannot change before the write.
 */
import type { DbClient } from '../../db/transaction.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import type { Channel } from '../../shared/channel.ts';
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
  person: { status: string; managerId: string | null; name: string; managerTimeZone: string | null } | null;
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
  const rows = await tx.$queryRaw<FactsRow[]>`
    WITH facts AS (${factsQuery(session, personId, ignoreClashWith)}) SELECT * FROM facts`;
  return factsOf(rows[0]!);
}

/** What the combined statement may write: the decision is the same as in book-session.ts. */
export interface BookingWrite {
  actorId: string | null;
  /** A self-booking on an approval course: the seat is held pending the manager. */
  needsApproval: boolean;
  overbook: boolean;
  whenFull: 'waitlist' | 'report';
  channel?: Channel;
  groupId?: string;
}

export interface WrittenBooking {
  id: string;
  status: 'confirmed' | 'pending_approval' | 'waitlisted';
  ticket: number | null;
  overbooked: boolean;
}

/**
 * The facts and, when every rule passes, the booking itself, in one statement under the
 * session lock: seat decision, waitlist ticket, registration, its history and its audit
 * event. Run after the lock statement, so its snapshot sees every booking committed before
 * the lock was granted. Nothing is written when a rule fails (the caller throws the answer
 * from the facts), when the session is full and the caller asked to be told, or when the
 * course is a gated journey step (the journey check runs first, then the usual writes).
 */
export async function loadFactsAndBook(
  tx: DbClient,
  session: LockedSession,
  personId: string,
  write: BookingWrite,
  ignoreClashWith: string[] = [],
): Promise<{ facts: BookingFacts; written: WrittenBooking | null }> {
  const rows = await tx.$queryRaw<FactsAndBookRow[]>(
    factsAndBookQuery(session, personId, write, ignoreClashWith),
  );
  return factsAndBookOf(rows[0]!);
}

export type FactsAndBookRow = FactsRow & { written: WrittenBooking | null };

export const factsAndBookOf = (row: FactsAndBookRow) => ({ facts: factsOf(row), written: row.written });

/** The statement loadFactsAndBook runs, shared with the direct booking path (book-session-direct.ts). */
export function factsAndBookQuery(
  session: LockedSession,
  personId: string,
  write: BookingWrite,
  ignoreClashWith: string[] = [],
  known?: UnlockedFactsRow,
): Prisma.Sql {
  const overbookReason = `overbooked by admin (capacity ${session.capacity})`;
  return Prisma.sql`
    WITH facts AS (${factsQuery(session, personId, ignoreClashWith, known)}),
    decision AS (
      SELECT CASE
               WHEN f."seatsTaken" < ${session.capacity}::int
                 THEN CASE WHEN ${write.needsApproval}::boolean THEN 'pending_approval' ELSE 'confirmed' END
               WHEN ${write.overbook}::boolean THEN 'confirmed'
               WHEN ${write.whenFull}::text = 'waitlist' THEN 'waitlisted'
             END AS status,
             f."seatsTaken" >= ${session.capacity}::int AS full
        FROM facts f
       WHERE f.person ->> 'status' = 'active' AND f.existing IS NULL AND f.clash IS NULL
         AND json_array_length(f.missing) = 0 AND NOT f."gatedJourneyStep"
    ), ticket AS (
      UPDATE "Session" SET "waitlistCounter" = "waitlistCounter" + 1, "updatedAt" = now()
       WHERE id = ${session.id}::uuid AND EXISTS (SELECT 1 FROM decision WHERE status = 'waitlisted')
      RETURNING "waitlistCounter"
    ), reg AS (
      INSERT INTO "Registration" ("sessionId", "personId", status, "waitlistTicket", "groupId", "sourceChannel", "actedById", overbooked)
      SELECT ${session.id}::uuid, ${personId}::uuid, d.status::"RegistrationStatus", (SELECT "waitlistCounter" FROM ticket),
             ${write.groupId ?? null}::uuid, ${write.channel ?? 'system'}::"Channel", ${write.actorId}::uuid,
             d.full AND d.status = 'confirmed'
        FROM decision d WHERE d.status IS NOT NULL
      RETURNING *
    ), history AS (
      INSERT INTO "RegistrationEvent" ("registrationId", "fromStatus", "toStatus", "toSessionId", "actorId", reason)
      SELECT id, NULL, status, "sessionId", "actedById", CASE WHEN overbooked THEN ${overbookReason}::text END FROM reg
    ), audit AS (
      INSERT INTO "AuditEvent" ("actorId", action, "entityType", "entityId", after)
      SELECT "actedById", CASE WHEN overbooked THEN 'registration.overbooked' ELSE 'registration.' || status END,
             'Registration', id::text, to_jsonb(reg.*)
        FROM reg
    )
    SELECT f.*,
           (SELECT json_build_object('id', r.id, 'status', r.status, 'ticket', r."waitlistTicket", 'overbooked', r.overbooked)
              FROM reg r) AS written
      FROM facts f`;
}

interface FactsRow {
  person: BookingFacts['person'];
  existing: { id: string; status: string } | null;
  clash: { sessionId: string; title: string; startsAt: string } | null;
  missing: { code: string; title: string }[];
  seatsTaken: number;
  waitlisted: number;
  gatedJourneyStep: boolean;
}

function factsOf(row: FactsRow): BookingFacts {
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

/**
 * The facts the session lock does not guard (the person, their other sessions, completions,
 * journeys): the direct path reads them before taking the lock, and hands them back to the
 * booking statement as values (`known`), so the lock is held only for what it protects.
 */
export interface UnlockedFactsRow {
  person: FactsRow['person'];
  clash: FactsRow['clash'];
  missing: FactsRow['missing'];
  gatedJourneyStep: boolean;
}

function factsQuery(
  session: LockedSession,
  personId: string,
  ignoreClashWith: string[],
  known?: UnlockedFactsRow,
): Prisma.Sql {
  // SQL NULL, not JSON null, for what is absent: the decision asks `IS NULL`.
  const json = (value: unknown) => (value == null ? null : JSON.stringify(value));
  const unlocked = known
    ? Prisma.sql`${json(known.person)}::json AS person, ${json(known.clash)}::json AS clash,
                 ${JSON.stringify(known.missing)}::json AS missing, ${known.gatedJourneyStep}::boolean AS "gatedJourneyStep"`
    : unlockedFacts(
        Prisma.sql`${session.id}::uuid`,
        Prisma.sql`${session.courseId}::uuid`,
        personId,
        ignoreClashWith,
      );
  return Prisma.sql`
    SELECT ${unlocked},
      (SELECT json_build_object('id', r.id, 'status', r.status)
         FROM "Registration" r
        WHERE r."sessionId" = ${session.id}::uuid AND r."personId" = ${personId}::uuid
          AND r.status NOT IN ('cancelled', 'declined')
        LIMIT 1) AS existing,
      (SELECT count(*)::int FROM "Registration" r
        WHERE r."sessionId" = ${session.id}::uuid
          AND r.status IN ('confirmed', 'pending_approval', 'offered', 'attended', 'partial', 'no_show')) AS "seatsTaken",
      (SELECT count(*)::int FROM "Registration" r
        WHERE r."sessionId" = ${session.id}::uuid AND r.status = 'waitlisted') AS waitlisted`;
}

/** The unlocked facts alone, for a session known by id (read before its lock is taken). */
export function unlockedFactsQuery(sessionId: string, personId: string): Prisma.Sql {
  return Prisma.sql`SELECT ${unlockedFacts(
    Prisma.sql`${sessionId}::uuid`,
    Prisma.sql`(SELECT "courseId" FROM "Session" WHERE id = ${sessionId}::uuid)`,
    personId,
    [],
  )}`;
}

function unlockedFacts(
  sessionId: Prisma.Sql,
  courseId: Prisma.Sql,
  personId: string,
  ignoreClashWith: string[],
): Prisma.Sql {
  return Prisma.sql`
      (SELECT json_build_object('status', p.status, 'managerId', p."managerId", 'name', p.name,
                                'managerTimeZone', m."timeZone")
         FROM "Person" p LEFT JOIN "Person" m ON m.id = p."managerId"
        WHERE p.id = ${personId}::uuid) AS person,
      (SELECT json_build_object('sessionId', s.id, 'title', c.title, 'startsAt', s."startsAt")
         FROM "Registration" r
         JOIN "Session" s ON s.id = r."sessionId"
         JOIN "Course" c ON c.id = s."courseId"
         JOIN "SessionDay" od ON od."sessionId" = s.id
         JOIN "SessionDay" td ON td."sessionId" = ${sessionId}
        WHERE r."personId" = ${personId}::uuid
          AND r.status IN ('confirmed', 'pending_approval', 'offered')
          AND s.status = 'scheduled'
          AND s.id <> ${sessionId} AND NOT (s.id::text = ANY(${ignoreClashWith}))
          AND od."startsAt" < td."endsAt" AND td."startsAt" < od."endsAt"
        ORDER BY s."startsAt"
        LIMIT 1) AS clash,
      (SELECT coalesce(json_agg(json_build_object('code', c.code, 'title', c.title) ORDER BY c.code), '[]'::json)
         FROM "CoursePrerequisite" pr
         JOIN "Course" c ON c.id = pr."requiredCourseId"
        WHERE pr."courseId" = ${courseId}
          AND NOT EXISTS (SELECT 1 FROM "Completion" k WHERE k."personId" = ${personId}::uuid AND k."courseId" = pr."requiredCourseId")
      ) AS missing,
      EXISTS (SELECT 1 FROM "ProgrammeStep" ps JOIN "Programme" pg ON pg.id = ps."programmeId"
               WHERE ps."courseId" = ${courseId} AND ps."requiresPrevious" AND pg.kind = 'journey') AS "gatedJourneyStep"`;
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
