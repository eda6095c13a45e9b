/**
 * Concurrency on real PostgreSQL: many transactions at once on the last seats. The session
 * row lock must serialise them so capacity is exact and waitlist tickets strictly ordered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../../../src/generated/prisma/client.ts';
import { createTestDb, onPostgres, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { makeCourse, makePeople, makePerson, makeVenue } from '../../../helpers/tms-fixtures.ts';
import { scheduleSession } from '../../../../src/features/sessions/schedule-session.ts';
import { bookSession } from '../../../../src/features/registrations/book-session.ts';
import { cancelRegistration } from '../../../../src/features/registrations/cancel-registration.ts';
import { transferRegistration } from '../../../../src/features/registrations/transfer-registration.ts';
import { bookProgramme } from '../../../../src/features/registrations/book-programme.ts';
import { loadActor, type Actor } from '../../../../src/features/people/actor.ts';

describe.runIf(onPostgres())('booking races on PostgreSQL', () => {
  let t: TestDb;
  let deps: ReturnType<typeof testDeps>;
  let admin: Actor;
  let instructor: Actor;
  let pool: pg.Pool;
  let prisma: PrismaClient;

  beforeAll(async () => {
    t = await createTestDb({ maxConnections: 20 });
    // All 200 are in flight at once by design, 20 on connections and 180 queued for one.
    // On a loaded 2-core machine the last in the queue wait longer than openDb's 5 s
    // connect timeout, which would fail the test harness, not the booking: use the same
    // pool size with a patient queue.
    pool = new pg.Pool({ connectionString: t.url, max: 20, connectionTimeoutMillis: 120_000 });
    // Dropping the test database terminates idle clients (57P01); that is the end of the
    // file, not a failure, so the pool must not surface it as an unhandled error.
    pool.on('error', () => {});
    prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    deps = testDeps({ ...t.db, prisma }, new Date('2026-11-28T09:00:00Z'));
    admin = await makePerson(t.db, { roles: ['employee', 'admin'] });
    instructor = await makePerson(t.db, { roles: ['employee', 'instructor'] });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await pool?.end();
    await t?.drop();
  });

  async function newSession(
    capacity: number,
    date: string,
    extra: { courseId?: string; programmeId?: string; cohort?: string } = {},
  ): Promise<string> {
    const course = extra.courseId ? { id: extra.courseId } : await makeCourse(t.db);
    const venue = await makeVenue(t.db, { capacity: 300 });
    const s = await scheduleSession(deps, admin, {
      courseId: course.id,
      venueId: venue.id,
      capacity,
      days: [{ date, start: '09:00', end: '12:00' }],
      instructors: [{ personId: instructor.personId }],
      programmeId: extra.programmeId,
      cohort: extra.cohort,
      override: { reason: 'race tests reuse one instructor' },
    });
    return s.sessionId;
  }

  it('200 concurrent bookings for the last seats: exactly capacity confirmed, the rest waitlisted in strict order', async () => {
    const sessionId = await newSession(20, '2026-12-10');
    // 15 of 20 seats already taken: 5 seats left for 200 people.
    const early = await makePeople(t.db, 15);
    for (const id of early) await bookSession(deps, await loadActor(prisma, id), { sessionId });
    const racers = await Promise.all((await makePeople(t.db, 200)).map((id) => loadActor(prisma, id)));

    const results = await Promise.all(racers.map((a) => bookSession(deps, a, { sessionId })));

    expect(results.filter((r) => r.kind === 'confirmed')).toHaveLength(5);
    const waitlisted = results.filter((r) => r.kind === 'waitlisted');
    expect(waitlisted).toHaveLength(195);
    const rows = await prisma.registration.findMany({ where: { sessionId }, orderBy: { createdAt: 'asc' } });
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(20);
    const tickets = rows.filter((r) => r.status === 'waitlisted').map((r) => r.waitlistTicket!);
    expect(new Set(tickets).size).toBe(195);
    expect([...tickets].sort((a, b) => a - b)).toEqual(Array.from({ length: 195 }, (_, i) => i + 1));
    // Ticket order is commit order: each booking's reported position equals its ticket
    // (nobody left the queue), and positions are unique.
    for (const w of waitlisted) if (w.kind === 'waitlisted') expect(w.position).toBe(w.ticket);
    const session = await prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.waitlistCounter).toBe(195);
  });

  it('concurrent cancels and bookings never lose or duplicate a seat', async () => {
    const capacity = 10;
    const sessionId = await newSession(capacity, '2026-12-11');
    const holders = await Promise.all((await makePeople(t.db, capacity)).map((id) => loadActor(prisma, id)));
    const booked: { registrationId: string }[] = [];
    for (const a of holders) booked.push(await bookSession(deps, a, { sessionId }));
    const queued = await Promise.all((await makePeople(t.db, 5)).map((id) => loadActor(prisma, id)));
    for (const a of queued) await bookSession(deps, a, { sessionId });
    const newcomers = await Promise.all((await makePeople(t.db, 30)).map((id) => loadActor(prisma, id)));

    // 6 confirmed people cancel while 30 newcomers book, all at once.
    const work: Promise<unknown>[] = [
      ...holders
        .slice(0, 6)
        .map((a, i) =>
          cancelRegistration(deps, a, { registrationId: booked[i]!.registrationId, reason: 'race' }),
        ),
      ...newcomers.map((a) => bookSession(deps, a, { sessionId })),
    ];
    await Promise.all(work);

    const rows = await prisma.registration.findMany({ where: { sessionId } });
    const confirmed = rows.filter((r) => r.status === 'confirmed');
    expect(confirmed).toHaveLength(capacity);
    expect(new Set(confirmed.map((r) => r.personId)).size).toBe(capacity);
    // The five who queued before the race are promoted before any newcomer.
    const queuedIds = new Set(queued.map((a) => a.personId));
    expect(rows.filter((r) => queuedIds.has(r.personId) && r.status === 'confirmed')).toHaveLength(5);
    expect(rows.filter((r) => r.status === 'cancelled')).toHaveLength(6);
    const waiting = rows.filter((r) => r.status === 'waitlisted');
    // 5 queued + 30 newcomers - 6 freed seats (5 to the queued, 1 to a newcomer, queued or not).
    expect(waiting).toHaveLength(5 + 30 - 6);
    expect(new Set(waiting.map((r) => r.waitlistTicket)).size).toBe(waiting.length);
    // Every change has its history: one creation event per row, six cancellations, and a
    // promotion event for each promoted person.
    const events = await prisma.registrationEvent.findMany({ where: { registration: { sessionId } } });
    expect(events.filter((e) => e.fromStatus === null)).toHaveLength(rows.length);
    expect(events.filter((e) => e.toStatus === 'cancelled')).toHaveLength(6);
    const promoted = events.filter((e) => e.fromStatus === 'waitlisted' && e.toStatus === 'confirmed').length;
    expect(promoted === 5 || promoted === 6).toBe(true);
  });

  it('opposite transfers between two sessions at once neither deadlock nor lose anyone', async () => {
    const course = await makeCourse(t.db);
    const a = await newSession(30, '2026-12-14', { courseId: course.id });
    const b = await newSession(30, '2026-12-21', { courseId: course.id });
    const onA = await Promise.all((await makePeople(t.db, 20)).map((id) => loadActor(prisma, id)));
    const onB = await Promise.all((await makePeople(t.db, 20)).map((id) => loadActor(prisma, id)));
    const regA: string[] = [];
    const regB: string[] = [];
    for (const p of onA) regA.push((await bookSession(deps, p, { sessionId: a })).registrationId);
    for (const p of onB) regB.push((await bookSession(deps, p, { sessionId: b })).registrationId);

    const moves = await Promise.all([
      ...onA
        .slice(0, 10)
        .map((p, i) => transferRegistration(deps, p, { registrationId: regA[i]!, toSessionId: b })),
      ...onB
        .slice(0, 10)
        .map((p, i) => transferRegistration(deps, p, { registrationId: regB[i]!, toSessionId: a })),
    ]);
    expect(moves.every((m) => m.kind === 'transferred')).toBe(true);
    expect(await prisma.registration.count({ where: { sessionId: a, status: 'confirmed' } })).toBe(20);
    expect(await prisma.registration.count({ where: { sessionId: b, status: 'confirmed' } })).toBe(20);
  });

  it('concurrent programme bookings for the last seats book whole cohorts only', async () => {
    const course = await makeCourse(t.db);
    const programme = await prisma.programme.create({
      data: { code: 'RACE-LDP', title: 'Race Programme', kind: 'programme' },
    });
    const base = { courseId: course.id, programmeId: programme.id, cohort: 'c1' };
    const day1 = await newSession(3, '2027-01-12', base);
    const day2 = await newSession(2, '2027-01-13', base);
    const racers = await Promise.all((await makePeople(t.db, 12)).map((id) => loadActor(prisma, id)));
    // Half book the programme; the other half grab single seats on day 2 at the same moment.
    const results = await Promise.all(
      racers.map((p, i) =>
        i % 2 === 0
          ? bookProgramme(deps, p, { programmeId: programme.id, cohort: 'c1' })
          : bookSession(deps, p, { sessionId: day2 }),
      ),
    );
    const programmeWins = results.filter((r) => r.kind === 'booked').length;
    const day2Rows = await prisma.registration.findMany({ where: { sessionId: day2, status: 'confirmed' } });
    expect(day2Rows).toHaveLength(2);
    // Every programme winner holds both days; nobody holds day 1 alone.
    const day1Rows = await prisma.registration.findMany({ where: { sessionId: day1, status: 'confirmed' } });
    expect(day1Rows).toHaveLength(programmeWins);
    for (const row of day1Rows)
      expect(day2Rows.some((r) => r.personId === row.personId && r.groupId === row.groupId)).toBe(true);
  });
});
