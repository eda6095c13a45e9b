/**
 * The checks a person expects before a seat is taken, each with its own clear answer.
 * They run with the session row locked, so what they see cannot change before the write.
 */
import type { DbClient } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { LIVE, type LockedSession } from './seat-store.ts';

export function assertBookable(session: LockedSession, now: Date, options: { ignoreCutoff?: boolean } = {}): void {
  if (session.status === 'cancelled') throw new AppError('SESSION_CLOSED', `That ${session.course.title} session has been cancelled.`);
  if (session.status !== 'scheduled' || session.startsAt <= now) {
    throw new AppError('SESSION_CLOSED', `That ${session.course.title} session has already started or taken place.`);
  }
  if (!options.ignoreCutoff && session.registrationCutoffAt && session.registrationCutoffAt <= now) {
    throw new AppError('CUTOFF_PASSED', `Registration for that ${session.course.title} session closed at ${session.registrationCutoffAt.toISOString()}.`, {
      cutoffAt: session.registrationCutoffAt,
    });
  }
}

export async function assertNotAlreadyBooked(tx: DbClient, session: LockedSession, personId: string): Promise<void> {
  const existing = await tx.registration.findFirst({
    where: { sessionId: session.id, personId, status: { in: LIVE } },
    select: { id: true, status: true, waitlistTicket: true },
  });
  if (existing) {
    const how = existing.status === 'waitlisted' ? 'on the waitlist for' : existing.status === 'pending_approval' ? 'awaiting approval for' : 'already booked on';
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
export async function assertNoClash(tx: DbClient, session: LockedSession, personId: string, ignoreSessionIds: string[] = []): Promise<void> {
  const ignore = [session.id, ...ignoreSessionIds];
  const clashes = await tx.$queryRaw<{ sessionId: string; title: string; startsAt: Date }[]>`
    SELECT DISTINCT s.id::text AS "sessionId", c.title, s."startsAt"
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
    LIMIT 1`;
  const clash = clashes[0];
  if (clash) {
    throw new AppError('CLASH', `That clashes with your ${clash.title} session at ${clash.startsAt.toISOString()}.`, {
      sessionId: clash.sessionId,
    });
  }
}

/** Every prerequisite course must have a completion in the learner record. */
export async function assertPrerequisites(tx: DbClient, session: LockedSession, personId: string): Promise<void> {
  const missing = await tx.$queryRaw<{ code: string; title: string }[]>`
    SELECT c.code, c.title
    FROM "CoursePrerequisite" p
    JOIN "Course" c ON c.id = p."requiredCourseId"
    WHERE p."courseId" = ${session.courseId}::uuid
      AND NOT EXISTS (
        SELECT 1 FROM "Completion" k WHERE k."personId" = ${personId}::uuid AND k."courseId" = p."requiredCourseId"
      )
    ORDER BY c.code`;
  if (missing.length > 0) {
    throw new AppError(
      'PREREQUISITE_MISSING',
      `${session.course.title} needs ${missing.map((m) => `${m.title} (${m.code})`).join(' and ')} completed first.`,
      { missing: missing.map((m) => m.code) },
    );
  }
}
