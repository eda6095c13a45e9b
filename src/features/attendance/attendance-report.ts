/**
 * "Attendance vs registrations last month": per session that started in the period,
 * how many held a seat and how many attended, partially attended or did not show.
 */
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';

export interface AttendanceReportInput {
  from: Date;
  to: Date;
  courseId?: string;
  departmentId?: string;
}

export interface AttendanceReportRow {
  sessionId: string;
  courseCode: string;
  courseTitle: string;
  startsAt: Date;
  timeZone: string;
  registered: number;
  attended: number;
  partial: number;
  noShow: number;
  unreconciled: number;
  /** attended / registered, 0–1, null when nobody registered. */
  attendanceRate: number | null;
}

export async function attendanceReport(
  deps: Deps,
  actor: Actor,
  input: AttendanceReportInput,
): Promise<AttendanceReportRow[]> {
  assertAdmin(actor, 'see attendance reports');
  if (!(input.from < input.to))
    throw new AppError('VALIDATION', 'The report period must end after it starts.');
  const rows = await deps.db.sql.query<{
    sessionId: string;
    code: string;
    title: string;
    startsAt: Date;
    timeZone: string;
    registered: number;
    attended: number;
    partial: number;
    noShow: number;
    unreconciled: number;
  }>(
    `SELECT s.id::text AS "sessionId", c.code, c.title, s."startsAt", s."timeZone",
            count(r.id) FILTER (WHERE r.status IN ('confirmed','attended','partial','no_show'))::int AS registered,
            count(r.id) FILTER (WHERE r.status = 'attended')::int AS attended,
            count(r.id) FILTER (WHERE r.status = 'partial')::int AS partial,
            count(r.id) FILTER (WHERE r.status = 'no_show')::int AS "noShow",
            count(r.id) FILTER (WHERE r.status = 'confirmed')::int AS unreconciled
       FROM "Session" s
       JOIN "Course" c ON c.id = s."courseId"
       LEFT JOIN "Registration" r ON r."sessionId" = s.id
            AND ($4::uuid IS NULL OR r."personId" IN (SELECT id FROM "Person" WHERE "departmentId" = $4::uuid))
      WHERE s.status <> 'cancelled' AND s."startsAt" >= $1 AND s."startsAt" < $2
        AND ($3::uuid IS NULL OR s."courseId" = $3::uuid)
      GROUP BY s.id, c.code, c.title
      ORDER BY s."startsAt"`,
    [input.from, input.to, input.courseId ?? null, input.departmentId ?? null],
  );
  return rows.map((r) => ({
    sessionId: r.sessionId,
    courseCode: r.code,
    courseTitle: r.title,
    startsAt: new Date(r.startsAt),
    timeZone: r.timeZone,
    registered: r.registered,
    attended: r.attended,
    partial: r.partial,
    noShow: r.noShow,
    unreconciled: r.unreconciled,
    attendanceRate: r.registered > 0 ? r.attended / r.registered : null,
  }));
}
