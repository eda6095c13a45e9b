/**
 * Double-booking checks for instructors and venues. Everything is compared as instants, so
 * a London session and a New York session clash exactly when their real times overlap.
 */
import type { DbClient } from '../../db/transaction.ts';
import { formatRange } from '../../shared/time.ts';
import type { DayInstants } from './local-dates.ts';

export type Conflict =
  | {
      kind: 'session';
      personId: string;
      sessionId: string;
      courseTitle: string;
      startsAt: Date;
      endsAt: Date;
    }
  | { kind: 'leave'; personId: string; availabilityId: string; startsAt: Date; endsAt: Date; note: string }
  | { kind: 'venue'; venueId: string; sessionId: string; courseTitle: string; startsAt: Date; endsAt: Date };

/**
 * The days as two parallel text arrays, so one statement can `unnest` them and compare
 * every day at once (a 12-week series is one round trip, not twelve).
 */
function dayArrays(days: DayInstants[]): { starts: string[]; ends: string[] } {
  return { starts: days.map((d) => d.startsAt.toISOString()), ends: days.map((d) => d.endsAt.toISOString()) };
}

const NO_SESSION = '00000000-0000-0000-0000-000000000000';

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
  if (days.length === 0) return [];
  const { starts, ends } = dayArrays(days);
  const sessions = await db.$queryRaw<{ sessionId: string; title: string; startsAt: Date; endsAt: Date }[]>`
    SELECT DISTINCT s.id::text AS "sessionId", c.title, sd."startsAt", sd."endsAt"
    FROM unnest(${starts}::text[], ${ends}::text[]) AS day(starts, ends)
    JOIN "SessionDay" sd ON sd."startsAt" < day.ends::timestamptz AND sd."endsAt" > day.starts::timestamptz
    JOIN "Session" s ON s.id = sd."sessionId"
    JOIN "Course" c ON c.id = s."courseId"
    JOIN "SessionInstructor" si ON si."sessionId" = s.id AND (si."sessionDayId" IS NULL OR si."sessionDayId" = sd.id)
    WHERE si."personId" = ${personId}::uuid
      AND s.status = 'scheduled'
      AND s.id <> ${excludeSessionId ?? NO_SESSION}::uuid
      AND NOT EXISTS (
        SELECT 1 FROM "SessionInstructor" sub WHERE sub."replacesId" = si.id AND sub."sessionDayId" = sd.id
      )
    ORDER BY sd."startsAt"`;
  const leave = await db.instructorAvailability.findMany({
    where: {
      personId,
      kind: 'leave',
      OR: days.map((day) => ({ startsAt: { lt: day.endsAt }, endsAt: { gt: day.startsAt } })),
    },
    orderBy: { startsAt: 'asc' },
  });
  return dedupe([
    ...sessions.map(
      (s): Conflict => ({
        kind: 'session',
        personId,
        sessionId: s.sessionId,
        courseTitle: s.title,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
      }),
    ),
    ...leave.map(
      (b): Conflict => ({
        kind: 'leave',
        personId,
        availabilityId: b.id,
        startsAt: b.startsAt,
        endsAt: b.endsAt,
        note: b.note,
      }),
    ),
  ]);
}

/** Other scheduled sessions in the same venue on overlapping days. */
export async function findVenueConflicts(
  db: DbClient,
  venueId: string,
  days: DayInstants[],
  excludeSessionId?: string,
): Promise<Conflict[]> {
  if (days.length === 0) return [];
  const { starts, ends } = dayArrays(days);
  const rows = await db.$queryRaw<{ sessionId: string; title: string; startsAt: Date; endsAt: Date }[]>`
    SELECT DISTINCT s.id::text AS "sessionId", c.title, sd."startsAt", sd."endsAt"
    FROM unnest(${starts}::text[], ${ends}::text[]) AS day(starts, ends)
    JOIN "SessionDay" sd ON sd."startsAt" < day.ends::timestamptz AND sd."endsAt" > day.starts::timestamptz
    JOIN "Session" s ON s.id = sd."sessionId"
    JOIN "Course" c ON c.id = s."courseId"
    WHERE s."venueId" = ${venueId}::uuid AND s.status = 'scheduled' AND s.id <> ${excludeSessionId ?? NO_SESSION}::uuid
    ORDER BY sd."startsAt"`;
  return dedupe(
    rows.map(
      (r): Conflict => ({
        kind: 'venue',
        venueId,
        sessionId: r.sessionId,
        courseTitle: r.title,
        startsAt: r.startsAt,
        endsAt: r.endsAt,
      }),
    ),
  );
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

/** In words and local time (the session's zone), e.g. "already teaches First Aid at Work Tue 8 Dec, 09:00–16:00 GMT". */
export function describeConflict(c: Conflict, timeZone = 'UTC'): string {
  const when = formatRange(c.startsAt, c.endsAt, timeZone);
  if (c.kind === 'leave') return `on leave ${when}${c.note ? ` (${c.note})` : ''}`;
  return `already ${c.kind === 'venue' ? 'holds' : 'teaches'} ${c.courseTitle} ${when}`;
}
