/** "What am I booked on?": a person's live registrations with session details and queue places. */
import type { Deps } from '../../deps.ts';
import type { Actor } from '../people/actor.ts';
import { assertCanActFor } from '../people/authorize.ts';
import { AppError } from '../../shared/app-error.ts';
import { LIVE, isUuid } from './seat-store.ts';

export interface ListRegistrationsInput {
  /** Defaults to the actor. */
  personId?: string;
  /** Only sessions that have not ended yet (default true). */
  upcomingOnly?: boolean;
}

export interface RegistrationSummary {
  registrationId: string;
  status: string;
  /** Place in the queue when waitlisted. */
  waitlistPosition: number | null;
  offerExpiresAt: Date | null;
  session: {
    id: string;
    courseId: string;
    courseCode: string;
    courseTitle: string;
    startsAt: Date;
    endsAt: Date;
    timeZone: string;
    venueName: string | null;
    meetingUrl: string | null;
    status: string;
  };
}

export async function listRegistrations(
  deps: Deps,
  actor: Actor,
  input: ListRegistrationsInput = {},
): Promise<RegistrationSummary[]> {
  const db = deps.db.prisma;
  const personId = input.personId ?? actor.personId;
  if (!isUuid(personId)) throw new AppError('NOT_FOUND', 'That person is not known to Rollcall.');
  await assertCanActFor(db, actor, personId);
  const rows = await db.registration.findMany({
    where: {
      personId,
      status: { in: LIVE },
      ...(input.upcomingOnly === false ? {} : { session: { endsAt: { gt: deps.clock.now() } } }),
    },
    orderBy: { session: { startsAt: 'asc' } },
    select: {
      id: true,
      status: true,
      waitlistTicket: true,
      offerExpiresAt: true,
      session: {
        select: {
          id: true,
          startsAt: true,
          endsAt: true,
          timeZone: true,
          meetingUrl: true,
          status: true,
          venue: { select: { name: true } },
          course: { select: { id: true, code: true, title: true } },
        },
      },
    },
  });
  const out: RegistrationSummary[] = [];
  for (const r of rows) {
    const waitlistPosition =
      r.status === 'waitlisted' && r.waitlistTicket !== null
        ? await db.registration.count({
            where: {
              sessionId: r.session.id,
              status: 'waitlisted',
              waitlistTicket: { lte: r.waitlistTicket },
            },
          })
        : null;
    out.push({
      registrationId: r.id,
      status: r.status,
      waitlistPosition,
      offerExpiresAt: r.offerExpiresAt,
      session: {
        id: r.session.id,
        courseId: r.session.course.id,
        courseCode: r.session.course.code,
        courseTitle: r.session.course.title,
        startsAt: r.session.startsAt,
        endsAt: r.session.endsAt,
        timeZone: r.session.timeZone,
        venueName: r.session.venue?.name ?? null,
        meetingUrl: r.session.meetingUrl,
        status: r.session.status,
      },
    });
  }
  return out;
}
