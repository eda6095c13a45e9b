/**
 * `seed --size <n>`: a synthetic organisation of n people with proportional courses,
 * sessions, registrations, enrollments and completions, for benchmarks. Written set-based
 * (INSERT … SELECT generate_series) with ids derived from md5, so 100,000 people take
 * seconds, not an hour of row-by-row inserts.
 */
import type { Db } from '../db/open-db.ts';
import type { Clock } from '../shared/clock.ts';
import { AppError } from '../shared/app-error.ts';
import { statusUpsertSql } from '../features/compliance/refresh-compliance-status.ts';

export interface SizeSeedSummary {
  people: number;
  departments: number;
  locations: number;
  courses: number;
  sessions: number;
  registrations: number;
  enrollments: number;
  completions: number;
  requirements: number;
  complianceStatuses: number;
}

const ZONES = ['Europe/London', 'America/New_York', 'Asia/Singapore', 'Europe/Berlin', 'America/Los_Angeles'];

/** Deterministic uuid for the i-th row of a kind, so rows can reference each other in SQL. */
const uid = (kind: string, expr: string) => `md5('${kind}:' || (${expr})::text)::uuid`;

export async function seedSize(db: Db, clock: Clock, n: number): Promise<SizeSeedSummary> {
  if (!Number.isInteger(n) || n < 10 || n > 1_000_000) {
    throw new AppError('VALIDATION', '--size must be a whole number between 10 and 1,000,000.');
  }
  const existing = await db.sql.query<{ count: string }>('SELECT count(*)::text AS count FROM "Person"');
  if (Number(existing[0]?.count ?? 0) > 0) {
    throw new AppError(
      'CONFLICT',
      'The database already has people; seed --size needs an empty database (set DATA_DIR or DATABASE_URL to a new one).',
    );
  }
  const departments = Math.min(50, Math.max(4, Math.ceil(n / 2000)));
  const locations = Math.min(ZONES.length, Math.max(3, Math.ceil(n / 20000)));
  const courses = Math.min(400, Math.max(20, Math.floor(n / 500)));
  const sessions = Math.max(10, Math.floor(n / 20));
  const requirements = Math.min(40, Math.max(5, Math.floor(courses / 10)));
  const now = clock.now().toISOString();
  const zones = `ARRAY[${ZONES.map((z) => `'${z}'`).join(',')}]`;

  const statements = [
    `INSERT INTO "Department" (id, name) SELECT ${uid('dept', 'i')}, 'Department ' || i FROM generate_series(1, ${departments}) i`,
    `INSERT INTO "Location" (id, name, "timeZone") SELECT ${uid('loc', 'i')}, 'Site ' || i, (${zones})[1 + (i - 1) % ${ZONES.length}] FROM generate_series(1, ${locations}) i`,
    // A tree with fan-out 8: person i reports to person (i-2)/8+1; person 1 is the top.
    `INSERT INTO "Person" (id, email, name, "departmentId", "jobRole", "locationId", "timeZone", "hireDate", "managerId", roles, "externalHrId")
     SELECT ${uid('person', 'i')}, 'person' || i || '@size.example', 'Person ' || i,
            ${uid('dept', '1 + (i % ' + departments + ')')}, 'Role ' || (1 + i % 12),
            ${uid('loc', '1 + (i % ' + locations + ')')}, (${zones})[1 + (i % ${locations}) % ${ZONES.length}],
            (timestamptz '${now}' - ((i * 13) % 3000) * interval '1 day')::date,
            CASE WHEN i = 1 THEN NULL ELSE ${uid('person', '(i - 2) / 8 + 1')} END,
            CASE WHEN i % 500 = 0 THEN ARRAY['employee','instructor']::"Role"[] WHEN i = 2 THEN ARRAY['employee','admin']::"Role"[] ELSE ARRAY['employee']::"Role"[] END,
            'SYN-' || i
     FROM generate_series(1, ${n}) i`,
    `INSERT INTO "Course" (id, code, title, kind, "durationMinutes", "validityMonths", "grantsCertificate", tags, "updatedAt")
     SELECT ${uid('course', 'i')}, 'SYN-' || lpad(i::text, 4, '0'), 'Synthetic course ' || i,
            (ARRAY['elearning','ilt','vilt','blended','external']::"CourseKind"[])[1 + i % 5], 30 + (i % 8) * 30,
            CASE WHEN i % 2 = 0 THEN 12 * (1 + i % 3) END, i % 4 = 0, ARRAY['synthetic', 'topic-' || (i % 10)], timestamptz '${now}'
     FROM generate_series(1, ${courses}) i`,
    // Sessions of the live courses, spread from 180 days ago to 180 days ahead.
    `INSERT INTO "Session" (id, "courseId", "startsAt", "endsAt", "timeZone", capacity, status, "updatedAt")
     SELECT ${uid('session', 'i')}, ${uid('course', '1 + ((i * 5) % ' + courses + ') - ((i * 5) % ' + courses + ') % 5 + 1')},
            timestamptz '${now}' + ((i % 360) - 180) * interval '1 day',
            timestamptz '${now}' + ((i % 360) - 180) * interval '1 day' + interval '3 hours',
            (${zones})[1 + i % ${locations}], 25,
            CASE WHEN (i % 360) < 180 THEN 'completed'::"SessionStatus" ELSE 'scheduled'::"SessionStatus" END, timestamptz '${now}'
     FROM generate_series(1, ${sessions}) i`,
    `INSERT INTO "SessionDay" (id, "sessionId", "dayIndex", "startsAt", "endsAt")
     SELECT ${uid('day', 'i')}, s.id, 0, s."startsAt", s."endsAt" FROM "Session" s JOIN generate_series(1, ${sessions}) i ON s.id = ${uid('session', 'i')}`,
    `INSERT INTO "SessionInstructor" (id, "sessionId", "personId", role)
     SELECT ${uid('si', 'i')}, ${uid('session', 'i')}, ${uid('person', 'greatest(500, (1 + i % ' + Math.max(1, Math.floor(n / 500)) + ') * 500)')}, 'lead'
     FROM generate_series(1, ${sessions}) i WHERE ${n} >= 500`,
    // Twenty learners per session: past sessions attended, future ones confirmed.
    `INSERT INTO "Registration" (id, "sessionId", "personId", status, "sourceChannel", "updatedAt")
     SELECT ${uid('reg', 'i')}, ${uid('session', '1 + (i - 1) / 20')}, ${uid('person', 'i')},
            CASE WHEN ((1 + (i - 1) / 20) % 360) < 180 THEN 'attended'::"RegistrationStatus" ELSE 'confirmed'::"RegistrationStatus" END,
            'system', timestamptz '${now}'
     FROM generate_series(1, least(${n}, ${sessions} * 20)) i`,
    `INSERT INTO "Enrollment" (id, "personId", "courseId", source, "dueAt", status)
     SELECT ${uid('enr', 'i')}, ${uid('person', 'i')}, ${uid('course', '1 + (i * 7) % ' + courses)}, 'rule',
            timestamptz '${now}' + ((i % 120) - 60) * interval '1 day', 'active'
     FROM generate_series(1, ${n}) i`,
    // Three completions per person, spread over the last 900 days, expiring by course validity.
    `INSERT INTO "Completion" (id, "personId", "courseId", source, "completedAt", "expiresAt", percent, reason, "externalRef")
     SELECT ${uid('comp', "i || ':' || j")}, ${uid('person', 'i')}, c.id, 'manual',
            timestamptz '${now}' - ((i * 37 + j * 101) % 900 + 1) * interval '1 day',
            timestamptz '${now}' - ((i * 37 + j * 101) % 900 + 1) * interval '1 day' + c."validityMonths" * interval '1 month',
            100, 'synthetic seed', 'syn:' || i || ':' || j
     FROM generate_series(1, ${n}) i CROSS JOIN generate_series(0, 2) j
     JOIN "Course" c ON c.id = ${uid('course', '1 + (i * 3 + j * 11) % ' + courses)}`,
    `INSERT INTO "ComplianceRequirement" (id, code, name, "departmentId", mode, "graceDays")
     SELECT ${uid('req', 'i')}, 'REQ-' || i, 'Requirement ' || i,
            CASE WHEN i % 3 = 0 THEN ${uid('dept', '1 + i % ' + departments)} END,
            CASE WHEN i % 4 = 0 THEN 'any_of'::"RequirementMode" ELSE 'all_of'::"RequirementMode" END, 30
     FROM generate_series(1, ${requirements}) i`,
    `INSERT INTO "ComplianceRequirementCourse" ("requirementId", "courseId")
     SELECT DISTINCT ${uid('req', 'i')}, ${uid('course', '1 + (i * 3 + j * 11) % ' + courses)}
     FROM generate_series(1, ${requirements}) i CROSS JOIN generate_series(0, (i % 2)) j`,
  ];
  await db.sql.withConnection(async (conn) => {
    await conn.exec('BEGIN');
    try {
      for (const statement of statements) await conn.exec(statement);
      // The maintained compliance status, as recordCompletion would have kept it.
      await conn.exec('ANALYZE');
      const statuses = statusUpsertSql(clock.now(), { kind: 'everyone' });
      await conn.query(statuses.text, statuses.values as unknown[]);
      await conn.exec('COMMIT');
    } catch (error) {
      await conn.exec('ROLLBACK').catch(() => {});
      throw error;
    }
    await conn.exec('ANALYZE');
  });
  const count = async (table: string) =>
    Number((await db.sql.query<{ c: string }>(`SELECT count(*)::text AS c FROM "${table}"`))[0]?.c ?? 0);
  return {
    people: await count('Person'),
    departments: await count('Department'),
    locations: await count('Location'),
    courses: await count('Course'),
    sessions: await count('Session'),
    registrations: await count('Registration'),
    enrollments: await count('Enrollment'),
    completions: await count('Completion'),
    requirements: await count('ComplianceRequirement'),
    complianceStatuses: await count('ComplianceStatus'),
  };
}
