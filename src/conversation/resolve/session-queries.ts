/**
 * Read-only look-ups the assistant needs to talk about sessions: upcoming sessions with seats
 * left, a person's live bookings, a session's roster. Changes go through the use cases in
 * src/features; these only read.
 */
import type { DbClient } from '../../db/transaction.ts';
import type { RegistrationStatus } from '../../generated/prisma/enums.ts';
import type { SessionListing } from '../../features/sessions/index.ts';

export const SEAT_HOLDING: RegistrationStatus[] = [
  'confirmed',
  'pending_approval',
  'offered',
  'attended',
  'partial',
  'no_show',
];
export const LIVE: RegistrationStatus[] = [...SEAT_HOLDING, 'waitlisted'];

export interface SessionSummary {
  id: string;
  courseId: string;
  courseCode: string;
  courseTitle: string;
  courseKind: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  where: string;
  capacity: number;
  seatsTaken: number;
  waitlisted: number;
  instructorIds: string[];
}

const sessionSelect = {
  id: true,
  courseId: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  capacity: true,
  meetingUrl: true,
  course: { select: { code: true, title: true, kind: true } },
  venue: { select: { name: true } },
  instructors: { select: { personId: true } },
} as const;

export async function upcomingSessions(
  db: DbClient,
  filter: {
    courseIds?: string[];
    from: Date;
    to?: Date;
    instructorId?: string;
    includePast?: boolean;
    limit?: number;
  },
): Promise<SessionSummary[]> {
  const sessions = await db.session.findMany({
    where: {
      status: filter.includePast ? { in: ['scheduled', 'completed'] } : 'scheduled',
      ...(filter.courseIds ? { courseId: { in: filter.courseIds } } : {}),
      // A session overlapping the window counts: "tomorrow" finds a multi-day course running then.
      endsAt: { gt: filter.from },
      ...(filter.to ? { startsAt: { lt: filter.to } } : {}),
      ...(filter.instructorId ? { instructors: { some: { personId: filter.instructorId } } } : {}),
    },
    orderBy: { startsAt: 'asc' },
    take: filter.limit ?? 10,
    select: sessionSelect,
  });
  return withCounts(db, sessions);
}

export async function sessionSummary(db: DbClient, sessionId: string): Promise<SessionSummary | undefined> {
  const session = await db.session.findUnique({ where: { id: sessionId }, select: sessionSelect });
  return session ? (await withCounts(db, [session]))[0] : undefined;
}

type SessionRow = {
  id: string;
  courseId: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  capacity: number;
  meetingUrl: string | null;
  course: { code: string; title: string; kind: string };
  venue: { name: string } | null;
  instructors: { personId: string }[];
};

async function withCounts(db: DbClient, sessions: SessionRow[]): Promise<SessionSummary[]> {
  if (sessions.length === 0) return [];
  const counts = await db.registration.groupBy({
    by: ['sessionId', 'status'],
    where: { sessionId: { in: sessions.map((s) => s.id) }, status: { in: LIVE } },
    _count: { _all: true },
  });
  return sessions.map((s) => {
    const mine = counts.filter((c) => c.sessionId === s.id);
    return {
      id: s.id,
      courseId: s.courseId,
      courseCode: s.course.code,
      courseTitle: s.course.title,
      courseKind: s.course.kind,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      timeZone: s.timeZone,
      capacity: s.capacity,
      where: s.venue?.name ?? (s.meetingUrl ? 'Online' : 'TBC'),
      seatsTaken: mine.filter((c) => SEAT_HOLDING.includes(c.status)).reduce((n, c) => n + c._count._all, 0),
      waitlisted: mine.filter((c) => c.status === 'waitlisted').reduce((n, c) => n + c._count._all, 0),
      instructorIds: s.instructors.map((i) => i.personId),
    };
  });
}

export interface BookingSummary {
  registrationId: string;
  status: RegistrationStatus;
  waitlistTicket: number | null;
  session: SessionSummary;
}

export async function liveBookings(
  db: DbClient,
  personId: string,
  from: Date,
  to?: Date,
): Promise<BookingSummary[]> {
  const rows = await db.registration.findMany({
    where: {
      personId,
      status: { in: ['confirmed', 'pending_approval', 'offered', 'waitlisted'] },
      session: { endsAt: { gt: from }, ...(to ? { startsAt: { lt: to } } : {}), status: 'scheduled' },
    },
    select: { id: true, status: true, waitlistTicket: true, sessionId: true },
    orderBy: { session: { startsAt: 'asc' } },
    take: 20,
  });
  const sessions = new Map(
    (await Promise.all([...new Set(rows.map((r) => r.sessionId))].map((id) => sessionSummary(db, id))))
      .filter((s): s is SessionSummary => Boolean(s))
      .map((s) => [s.id, s]),
  );
  return rows
    .filter((r) => sessions.has(r.sessionId))
    .map((r) => ({
      registrationId: r.id,
      status: r.status,
      waitlistTicket: r.waitlistTicket,
      session: sessions.get(r.sessionId)!,
    }));
}

export interface RosterLine {
  registrationId: string;
  personId: string;
  name: string;
  email: string;
  status: RegistrationStatus;
  waitlistTicket: number | null;
}

export async function roster(db: DbClient, sessionId: string): Promise<RosterLine[]> {
  const rows = await db.registration.findMany({
    where: { sessionId, status: { in: LIVE } },
    select: {
      id: true,
      personId: true,
      status: true,
      waitlistTicket: true,
      person: { select: { name: true, email: true } },
    },
    orderBy: [{ status: 'asc' }, { waitlistTicket: 'asc' }, { person: { name: 'asc' } }],
  });
  return rows.map((r) => ({
    registrationId: r.id,
    personId: r.personId,
    name: r.person.name,
    email: r.person.email,
    status: r.status,
    waitlistTicket: r.waitlistTicket,
  }));
}

/** The TMS listing in the shape replies use. */
export function fromListing(l: SessionListing): SessionSummary {
  return {
    id: l.sessionId,
    courseId: l.course.id,
    courseCode: l.course.code,
    courseTitle: l.course.title,
    courseKind: l.course.kind,
    startsAt: l.startsAt,
    endsAt: l.endsAt,
    timeZone: l.timeZone,
    where: l.venue?.name ?? (l.meetingUrl ? 'Online' : 'TBC'),
    capacity: l.capacity,
    seatsTaken: l.seatsTaken,
    waitlisted: l.waitlistLength,
    instructorIds: l.instructors.map((i) => i.personId),
  };
}
