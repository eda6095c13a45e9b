/**
 * Double-booking checks for instructors and venues. Everything is compared as instants, so
 * a London session and a New York session clash exactly when their real times overlap.
 */
import type { DbClient } from '../../db/transaction.ts';
import type { DayInstants } from './local-dates.ts';

export type Conflict =
  | { kind: 'session'; personId: string; sessionId: string; courseTitle: string; startsAt: Date; endsAt: Date }
  | { kind: 'leave'; personId: string; availabilityId: string; startsAt: Date; endsAt: Date; note: string }
  | { kind: 'venue'; venueId: string; sessionId: string; courseTitle: string; startsAt: Date; endsAt: Date };

/**
 * Other scheduled sessions the person teaches on overlapping days (a day they handed to a
 * substitute does not count) and leave blocks overlapping any of `days`.
 */
export async function findInstructorConflicts(
  db: DbClient,
  personId: string,
  days: DayInstants[],
  excludeSessionId?: string,
): Promise<Conflict[]> {
  const conflicts: Conflict[] = [];
  const exclude = excludeSessionId ?? '00000000-0000-0000-0000-000000000000';
  for (const day of days) {
    const sessions = await db.$queryRaw<{ sessionId: string; title: string; startsAt: Date; endsAt: Date }[]>`
      SELECT s.id::text AS "sessionId", c.title, sd."startsAt", sd."endsAt"
      FROM "SessionInstructor" si
      JOIN "Session" s ON s.id = si."sessionId"
      JOIN "Course" c ON c.id = s."courseId"
      JOIN "SessionDay" sd ON sd."sessionId" = s.id AND (si."sessionDayId" IS NULL OR si."sessionDayId" = sd.id)
      WHERE si."personId" = ${personId}::uuid
        AND s.status = 'scheduled'
        AND s.id <> ${exclude}::uuid
        AND sd."startsAt" < ${day.endsAt} AND sd."endsAt" > ${day.startsAt}
        AND NOT EXISTS (
          SELECT 1 FROM "SessionInstructor" sub WHERE sub."replacesId" = si.id AND sub."sessionDayId" = sd.id
        )`;
    for (const s of sessions) {
      conflicts.push({ kind: 'session', personId, sessionId: s.sessionId, courseTitle: s.title, startsAt: s.startsAt, endsAt: s.endsAt });
    }
    const leave = await db.instructorAvailability.findMany({
      where: { personId, kind: 'leave', startsAt: { lt: day.endsAt }, endsAt: { gt: day.startsAt } },
    });
    for (const block of leave) {
      conflicts.push({ kind: 'leave', personId, availabilityId: block.id, startsAt: block.startsAt, endsAt: block.endsAt, note: block.note });
    }
  }
  return dedupe(conflicts);
}

/** Other scheduled sessions in the same venue on overlapping days. */
export async function findVenueConflicts(
  db: DbClient,
  venueId: string,
  days: DayInstants[],
  excludeSessionId?: string,
): Promise<Conflict[]> {
  const conflicts: Conflict[] = [];
  const exclude = excludeSessionId ?? '00000000-0000-0000-0000-000000000000';
  for (const day of days) {
    const rows = await db.$queryRaw<{ sessionId: string; title: string; startsAt: Date; endsAt: Date }[]>`
      SELECT s.id::text AS "sessionId", c.title, sd."startsAt", sd."endsAt"
      FROM "Session" s
      JOIN "Course" c ON c.id = s."courseId"
      JOIN "SessionDay" sd ON sd."sessionId" = s.id
      WHERE s."venueId" = ${venueId}::uuid AND s.status = 'scheduled' AND s.id <> ${exclude}::uuid
        AND sd."startsAt" < ${day.endsAt} AND sd."endsAt" > ${day.startsAt}`;
    for (const r of rows) {
      conflicts.push({ kind: 'venue', venueId, sessionId: r.sessionId, courseTitle: r.title, startsAt: r.startsAt, endsAt: r.endsAt });
    }
  }
  return dedupe(conflicts);
}

function dedupe(conflicts: Conflict[]): Conflict[] {
  const seen = new Set<string>();
  return conflicts.filter((c) => {
    const key = `${c.kind}:${'sessionId' in c ? c.sessionId : c.availabilityId}:${c.startsAt.toISOString()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function describeConflict(c: Conflict): string {
  const when = `${c.startsAt.toISOString()}–${c.endsAt.toISOString()}`;
  if (c.kind === 'leave') return `on leave ${when}${c.note ? ` (${c.note})` : ''}`;
  return `already ${c.kind === 'venue' ? 'holds' : 'teaches'} ${c.courseTitle} ${when}`;
}
