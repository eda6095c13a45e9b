/**
 * "Who's on my session tomorrow?": the roster of one session with each person's status,
 * queue place and attendance per day, plus the registered-vs-attended counts.
 */
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../people/actor.ts';
import { isUuid } from '../registrations/seat-store.ts';
import { assertTeachesSession } from './instructor-access.ts';

export interface RosterRow {
  registrationId: string;
  personId: string;
  name: string;
  email: string;
  department: string | null;
  status: string;
  waitlistTicket: number | null;
  /** Attendance mark per day index ('attended' | 'partial' | 'no_show'), absent = not marked. */
  attendance: Record<number, string>;
}

export interface RosterCounts {
  capacity: number;
  /** Holding a seat: confirmed, pending approval, offered, or already marked. */
  registered: number;
  confirmed: number;
  pendingApproval: number;
  offered: number;
  waitlisted: number;
  attended: number;
  partial: number;
  noShow: number;
  /** Registered but not yet marked on every day. */
  unreconciled: number;
}

export interface SessionRoster {
  sessionId: string;
  courseTitle: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  days: { dayIndex: number; startsAt: Date; endsAt: Date }[];
  rows: RosterRow[];
  counts: RosterCounts;
}

export async function sessionRoster(
  deps: Deps,
  actor: Actor,
  input: { sessionId: string },
): Promise<SessionRoster> {
  const db = deps.db.prisma;
  const session = isUuid(input.sessionId)
    ? await db.session.findUnique({
        where: { id: input.sessionId },
        include: { course: { select: { title: true } }, days: { orderBy: { dayIndex: 'asc' } } },
      })
    : null;
  if (!session) throw new AppError('NOT_FOUND', 'That session does not exist.');
  await assertTeachesSession(db, actor, session.id);
  const registrations = await db.registration.findMany({
    where: { sessionId: session.id, status: { notIn: ['cancelled', 'declined'] } },
    orderBy: [{ status: 'asc' }, { waitlistTicket: 'asc' }, { createdAt: 'asc' }],
    include: {
      person: { select: { name: true, email: true, department: { select: { name: true } } } },
      attendance: { select: { sessionDayId: true, status: true } },
    },
  });
  const dayIndexById = new Map(session.days.map((d) => [d.id, d.dayIndex]));
  const rows: RosterRow[] = registrations
    .map((r) => ({
      registrationId: r.id,
      personId: r.personId,
      name: r.person.name,
      email: r.person.email,
      department: r.person.department?.name ?? null,
      status: r.status,
      waitlistTicket: r.waitlistTicket,
      attendance: Object.fromEntries(r.attendance.map((a) => [dayIndexById.get(a.sessionDayId)!, a.status])),
    }))
    .sort(
      (a, b) =>
        (a.status === 'waitlisted' ? 1 : 0) - (b.status === 'waitlisted' ? 1 : 0) ||
        (a.waitlistTicket ?? 0) - (b.waitlistTicket ?? 0) ||
        a.name.localeCompare(b.name),
    );
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  const counts: RosterCounts = {
    capacity: session.capacity,
    registered: rows.filter((r) => r.status !== 'waitlisted').length,
    confirmed: count('confirmed'),
    pendingApproval: count('pending_approval'),
    offered: count('offered'),
    waitlisted: count('waitlisted'),
    attended: count('attended'),
    partial: count('partial'),
    noShow: count('no_show'),
    unreconciled: count('confirmed'),
  };
  return {
    sessionId: session.id,
    courseTitle: session.course.title,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    timeZone: session.timeZone,
    days: session.days.map(({ dayIndex, startsAt, endsAt }) => ({ dayIndex, startsAt, endsAt })),
    rows,
    counts,
  };
}
