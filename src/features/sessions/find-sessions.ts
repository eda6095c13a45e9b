/**
 * "What first aid sessions are there next month?": upcoming scheduled sessions of a course
 * (or matching a word) in a date range, with seats left and waitlist length, soonest first.
 */
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../people/actor.ts';
import { AppError } from '../../shared/app-error.ts';
import { SEAT_HOLDING, isUuid } from '../registrations/seat-store.ts';

export interface FindSessionsInput {
  courseId?: string;
  /** Sessions of any of these courses ("forklift" means the theory and the practical). */
  courseIds?: string[];
  courseCode?: string;
  /** Free text matched against course code, title and tags ("first aid", "forklift"). */
  text?: string;
  programmeId?: string;
  /** Sessions this person teaches ("who's on my session tomorrow?"). */
  instructorId?: string;
  /** Sessions starting at or after (default: now). */
  from?: Date;
  /** Sessions starting before. */
  to?: Date;
  /**
   * Also sessions already running at `from` (they end after it): "who's on my session
   * tomorrow?" finds a multi-day course that started yesterday.
   */
  overlapping?: boolean;
  /** Also completed sessions, for rosters looked back on. */
  includeCompleted?: boolean;
  /** Only sessions with a free seat (default false: full ones are listed for the waitlist). */
  onlyWithSeats?: boolean;
  limit?: number;
}

export interface SessionListing {
  sessionId: string;
  status: string;
  cancelReason: string | null;
  course: { id: string; code: string; title: string; kind: string; needsManagerApproval: boolean };
  title: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  days: { dayIndex: number; startsAt: Date; endsAt: Date }[];
  venue: { id: string; name: string } | null;
  meetingUrl: string | null;
  capacity: number;
  seatsTaken: number;
  seatsLeft: number;
  waitlistLength: number;
  registrationCutoffAt: Date | null;
  registrationOpen: boolean;
  instructors: { personId: string; name: string; role: string; dayIndex: number | null }[];
  programmeId: string | null;
  cohort: string | null;
}

/** Scheduled sessions are open to every person, so any actor may list them. */
export async function findSessions(
  deps: Deps,
  _actor: Actor,
  input: FindSessionsInput = {},
): Promise<SessionListing[]> {
  const now = deps.clock.now();
  const from = input.from ?? now;
  if (input.to && input.to <= from)
    throw new AppError('VALIDATION', 'The end of the date range must be after its start.');
  for (const id of [input.courseId, input.programmeId, input.instructorId, ...(input.courseIds ?? [])])
    if (id !== undefined && !isUuid(id)) return [];
  if (input.courseIds?.length === 0) return [];
  const limit = Math.min(Math.max(input.limit ?? 20, 1), 200);
  const text = input.text?.trim();
  const where: Prisma.SessionWhereInput = {
    status: input.includeCompleted ? { in: ['scheduled', 'completed'] } : 'scheduled',
    ...(input.overlapping
      ? { endsAt: { gt: from }, ...(input.to ? { startsAt: { lt: input.to } } : {}) }
      : { startsAt: { gte: from, ...(input.to ? { lt: input.to } : {}) } }),
    ...(input.courseId ? { courseId: input.courseId } : {}),
    ...(input.courseIds ? { courseId: { in: input.courseIds } } : {}),
    ...(input.programmeId ? { programmeId: input.programmeId } : {}),
    ...(input.instructorId ? { instructors: { some: { personId: input.instructorId } } } : {}),
    course: {
      active: true,
      ...(input.courseCode ? { code: { equals: input.courseCode.trim(), mode: 'insensitive' } } : {}),
      ...(text
        ? {
            OR: [
              { title: { contains: text, mode: 'insensitive' } },
              { code: { contains: text, mode: 'insensitive' } },
              { tags: { has: text.toLowerCase() } },
            ],
          }
        : {}),
    },
  };
  const listings = await loadListings(deps, where, input.onlyWithSeats ? limit * 5 : limit);
  return (input.onlyWithSeats ? listings.filter((l) => l.seatsLeft > 0) : listings).slice(0, limit);
}

/** One session by id with the same details, cancelled ones included; NOT_FOUND when absent. */
export async function getSession(
  deps: Deps,
  _actor: Actor,
  input: { sessionId: string },
): Promise<SessionListing> {
  const { sessionId } = input;
  const [listing] = isUuid(sessionId) ? await loadListings(deps, { id: sessionId }, 1) : [];
  if (!listing) throw new AppError('NOT_FOUND', 'That session does not exist.');
  return listing;
}

/** Sessions matching `where` with their seats and instructors, by start then id. */
export async function loadListings(
  deps: Deps,
  where: Prisma.SessionWhereInput,
  take: number,
): Promise<SessionListing[]> {
  const now = deps.clock.now();
  const sessions = await deps.db.prisma.session.findMany({
    where,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take,
    include: {
      course: { select: { id: true, code: true, title: true, kind: true, needsManagerApproval: true } },
      venue: { select: { id: true, name: true } },
      days: {
        orderBy: { dayIndex: 'asc' },
        select: { id: true, dayIndex: true, startsAt: true, endsAt: true },
      },
      instructors: {
        select: { personId: true, role: true, sessionDayId: true, person: { select: { name: true } } },
      },
    },
  });
  const ids = sessions.map((s) => s.id);
  const counts = ids.length
    ? await deps.db.prisma.registration.groupBy({
        by: ['sessionId', 'status'],
        where: { sessionId: { in: ids } },
        _count: { _all: true },
      })
    : [];
  const taken = new Map<string, number>();
  const waiting = new Map<string, number>();
  for (const c of counts) {
    if (SEAT_HOLDING.includes(c.status))
      taken.set(c.sessionId, (taken.get(c.sessionId) ?? 0) + c._count._all);
    if (c.status === 'waitlisted') waiting.set(c.sessionId, (waiting.get(c.sessionId) ?? 0) + c._count._all);
  }
  return sessions.map((s): SessionListing => {
    const seatsTaken = taken.get(s.id) ?? 0;
    return {
      sessionId: s.id,
      status: s.status,
      cancelReason: s.cancelReason,
      course: s.course,
      title: s.title,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      timeZone: s.timeZone,
      days: s.days.map(({ dayIndex, startsAt, endsAt }) => ({ dayIndex, startsAt, endsAt })),
      venue: s.venue,
      meetingUrl: s.meetingUrl,
      capacity: s.capacity,
      seatsTaken,
      seatsLeft: Math.max(0, s.capacity - seatsTaken),
      waitlistLength: waiting.get(s.id) ?? 0,
      registrationCutoffAt: s.registrationCutoffAt,
      registrationOpen: !s.registrationCutoffAt || s.registrationCutoffAt > now,
      instructors: s.instructors.map((i) => ({
        personId: i.personId,
        name: i.person.name,
        role: i.role,
        dayIndex: i.sessionDayId ? (s.days.find((d) => d.id === i.sessionDayId)?.dayIndex ?? null) : null,
      })),
      programmeId: s.programmeId,
      cohort: s.cohort,
    };
  });
}
