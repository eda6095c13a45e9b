/**
 * An instructor (of that session, or that day) or an admin marks who attended one day of a
 * session: attended, partial or no-show. When every day is marked the registration is
 * reconciled (attended / partial / no_show); a person who attended every day gets a
 * Completion in the one learner record (source attendance, evidence the registration),
 * so compliance sees it straight away.
 */
import type { AttendanceStatus, RegistrationStatus } from '../../generated/prisma/enums.ts';
import type { Deps } from '../../deps.ts';
import { inTransaction, type DbClient } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { recordCompletion } from '../completions/record-completion.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';
import { transition } from '../registrations/registration-history.ts';
import { isUuid } from '../registrations/seat-store.ts';
import { assertTeachesSession } from './instructor-access.ts';

export interface AttendanceEntry {
  /** Either the registration or the person booked on the session. */
  registrationId?: string;
  personId?: string;
  status: AttendanceStatus;
  minutes?: number;
}

export interface RecordAttendanceInput {
  sessionId: string;
  /** 0-based day; may be omitted for a one-day session. */
  dayIndex?: number;
  entries: AttendanceEntry[];
}

export interface RecordedAttendance {
  registrationId: string;
  personId: string;
  status: AttendanceStatus;
  /** The registration's status after reconciliation. */
  registrationStatus: RegistrationStatus;
  completionId: string | null;
}

export interface RecordAttendanceResult {
  kind: 'recorded';
  sessionId: string;
  dayIndex: number;
  recorded: RecordedAttendance[];
  /** True when this call reconciled the last person and the session is now completed. */
  sessionCompleted: boolean;
}

/** Registrations that may carry attendance: those holding a confirmed seat (or already marked). */
const ON_ROSTER: RegistrationStatus[] = ['confirmed', 'attended', 'partial', 'no_show'];

export async function recordAttendance(
  deps: Deps,
  actor: Actor,
  input: RecordAttendanceInput,
): Promise<RecordAttendanceResult> {
  if (input.entries.length === 0) throw new AppError('VALIDATION', 'Say whose attendance to record.');
  if (!isUuid(input.sessionId)) throw new AppError('NOT_FOUND', 'That session does not exist.');
  return inTransaction(deps.db.prisma, async (tx) => {
    const session = await tx.session.findUnique({
      where: { id: input.sessionId },
      include: { days: { orderBy: { dayIndex: 'asc' } }, course: { select: { title: true } } },
    });
    if (!session) throw new AppError('NOT_FOUND', 'That session does not exist.');
    if (session.status === 'cancelled') throw new AppError('SESSION_CLOSED', 'That session was cancelled.');
    if (input.dayIndex === undefined && session.days.length > 1) {
      throw new AppError('VALIDATION', `That session runs over ${session.days.length} days; say which day.`);
    }
    const day = session.days.find((d) => d.dayIndex === (input.dayIndex ?? 0));
    if (!day) throw new AppError('VALIDATION', `That session has no day ${(input.dayIndex ?? 0) + 1}.`);
    await assertTeachesSession(tx, actor, session.id, day.id);
    const now = deps.clock.now();
    if (day.startsAt > now)
      throw new AppError('INVALID_STATE', 'Attendance can be recorded once the day has started.');

    const recorded: RecordedAttendance[] = [];
    const seen = new Set<string>();
    for (const entry of input.entries) {
      if (entry.minutes !== undefined && (!Number.isInteger(entry.minutes) || entry.minutes < 0)) {
        throw new AppError('VALIDATION', 'Minutes attended must be a whole number of zero or more.');
      }
      const registration = await findOnRoster(tx, session.id, entry);
      if (seen.has(registration.id)) throw new AppError('VALIDATION', 'The same person is listed twice.');
      seen.add(registration.id);
      // Two instructors marking different days of the same person at once must not both
      // reconcile from a stale set of marks: serialise on the registration row.
      await tx.$queryRaw`SELECT id FROM "Registration" WHERE id = ${registration.id}::uuid FOR UPDATE`;
      const before = await tx.attendance.findUnique({
        where: { registrationId_sessionDayId: { registrationId: registration.id, sessionDayId: day.id } },
      });
      const after = await tx.attendance.upsert({
        where: { registrationId_sessionDayId: { registrationId: registration.id, sessionDayId: day.id } },
        create: {
          registrationId: registration.id,
          sessionDayId: day.id,
          status: entry.status,
          minutes: entry.minutes ?? null,
          recordedById: actorIdOf(actor),
          recordedAt: now,
        },
        update: {
          status: entry.status,
          minutes: entry.minutes ?? null,
          recordedById: actorIdOf(actor),
          recordedAt: now,
        },
      });
      await recordAudit(tx, {
        actorId: actorIdOf(actor),
        action: 'attendance.recorded',
        entityType: 'Attendance',
        entityId: after.id,
        before,
        after,
      });

      const marks = await tx.attendance.findMany({
        where: { registrationId: registration.id },
        select: { status: true },
      });
      const target = reconcile(
        marks.map((m) => m.status),
        session.days.length,
      );
      let current = registration;
      if (target !== registration.status) {
        current = await transition(tx, actor, registration, {
          to: target,
          action: 'registration.attendance_reconciled',
          reason: 'attendance recorded',
        });
      }
      let completionId: string | null = null;
      if (target === 'attended') {
        const lastEnd = session.days[session.days.length - 1]!.endsAt;
        const completion = await recordCompletion(tx, deps.clock, {
          personId: registration.personId,
          courseId: session.courseId,
          source: 'attendance',
          completedAt: lastEnd < now ? lastEnd : now,
          registrationId: registration.id,
          recordedById: actorIdOf(actor),
        });
        completionId = completion.completionId;
      }
      recorded.push({
        registrationId: registration.id,
        personId: registration.personId,
        status: entry.status,
        registrationStatus: current.status,
        completionId,
      });
    }
    // Once it is over and everyone booked has been reconciled, the session is completed.
    const lastEnd = session.days[session.days.length - 1]!.endsAt;
    let sessionCompleted = false;
    if (session.status === 'scheduled' && lastEnd <= now) {
      const undecided = await tx.registration.count({
        where: { sessionId: session.id, status: 'confirmed' },
      });
      if (undecided === 0) {
        sessionCompleted = true;
        await tx.session.update({ where: { id: session.id }, data: { status: 'completed' } });
        await recordAudit(tx, {
          actorId: actorIdOf(actor),
          action: 'session.completed',
          entityType: 'Session',
          entityId: session.id,
          before: { status: 'scheduled' },
          after: { status: 'completed' },
        });
      }
    }
    return { kind: 'recorded', sessionId: session.id, dayIndex: day.dayIndex, recorded, sessionCompleted };
  });
}

/**
 * Registration status from its day marks: undecided (still confirmed) until every day is
 * marked; then attended if every day was attended, no-show if none was, partial otherwise.
 */
export function reconcile(marks: AttendanceStatus[], days: number): RegistrationStatus {
  if (marks.length < days) return 'confirmed';
  if (marks.every((m) => m === 'attended')) return 'attended';
  if (marks.every((m) => m === 'no_show')) return 'no_show';
  return 'partial';
}

async function findOnRoster(tx: DbClient, sessionId: string, entry: AttendanceEntry) {
  const byId = entry.registrationId && isUuid(entry.registrationId);
  const byPerson = entry.personId && isUuid(entry.personId);
  if (!byId && !byPerson)
    throw new AppError('VALIDATION', 'Each attendance entry needs a registration or a person.');
  const registration = await tx.registration.findFirst({
    where: {
      sessionId,
      status: { in: ON_ROSTER },
      ...(byId ? { id: entry.registrationId } : { personId: entry.personId }),
    },
  });
  if (!registration) {
    const who = byPerson
      ? await tx.person.findUnique({ where: { id: entry.personId! }, select: { name: true } })
      : null;
    throw new AppError(
      'NOT_FOUND',
      `${who?.name ?? 'That person'} is not booked (confirmed) on this session.`,
    );
  }
  return registration;
}
