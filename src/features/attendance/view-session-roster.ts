/**
 * "Who's on that session?" for anyone: an admin or one of the session's instructors sees
 * everyone on it; anyone else only themself and, if they manage people, their reporting
 * line. The narrowing happens in the query, so rows the asker may not see are never read.
 */
import type { Deps } from '../../deps.ts';
import type { RegistrationStatus } from '../../generated/prisma/enums.ts';
import { AppError } from '../../shared/app-error.ts';
import { isAdmin, type Actor } from '../people/actor.ts';
import { reportingLineIds } from '../people/reporting-line.ts';
import { LIVE, isUuid } from '../registrations/seat-store.ts';

export interface VisibleRosterLine {
  registrationId: string;
  personId: string;
  name: string;
  email: string;
  status: RegistrationStatus;
  waitlistTicket: number | null;
}

export interface VisibleRoster {
  /** `everyone` for admins and the session's instructors, `own_line` for anyone else. */
  scope: 'everyone' | 'own_line';
  lines: VisibleRosterLine[];
}

export async function viewSessionRoster(
  deps: Deps,
  actor: Actor,
  input: { sessionId: string },
): Promise<VisibleRoster> {
  const db = deps.db.prisma;
  const session = isUuid(input.sessionId)
    ? await db.session.findUnique({
        where: { id: input.sessionId },
        select: { id: true, instructors: { where: { personId: actor.personId }, select: { id: true } } },
      })
    : null;
  if (!session) throw new AppError('NOT_FOUND', 'That session does not exist.');
  const seesEveryone = isAdmin(actor) || session.instructors.length > 0;
  const visible = seesEveryone
    ? undefined
    : [actor.personId, ...(actor.isManager ? await reportingLineIds(db, actor.personId) : [])];
  const rows = await db.registration.findMany({
    where: { sessionId: session.id, status: { in: LIVE }, ...(visible ? { personId: { in: visible } } : {}) },
    select: {
      id: true,
      personId: true,
      status: true,
      waitlistTicket: true,
      person: { select: { name: true, email: true } },
    },
  });
  // Seat holders first, then the waitlist in queue order; by name within each.
  rows.sort(
    (a, b) =>
      (a.status === 'waitlisted' ? 1 : 0) - (b.status === 'waitlisted' ? 1 : 0) ||
      (a.waitlistTicket ?? 0) - (b.waitlistTicket ?? 0) ||
      a.person.name.localeCompare(b.person.name),
  );
  return {
    scope: seesEveryone ? 'everyone' : 'own_line',
    lines: rows.map((r) => ({
      registrationId: r.id,
      personId: r.personId,
      name: r.person.name,
      email: r.person.email,
      status: r.status,
      waitlistTicket: r.waitlistTicket,
    })),
  };
}
