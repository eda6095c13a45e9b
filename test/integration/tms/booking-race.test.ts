/**
 * Concurrency on real PostgreSQL: many transactions at once on the last seats. The session
 * row lock must serialise them so capacity is exact and waitlist tickets strictly ordered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, onPostgres, testDeps, type TestDb } from '../../helpers/test-db.ts';
import { makeCourse, makePeople, makePerson, makeVenue } from '../../helpers/tms-fixtures.ts';
import { scheduleSession } from '../../../src/features/sessions/schedule-session.ts';
import { bookSession } from '../../../src/features/registrations/book-session.ts';
import { cancelRegistration } from '../../../src/features/registrations/cancel-registration.ts';
import { loadActor, type Actor } from '../../../src/features/people/actor.ts';

describe.runIf(onPostgres())('booking races on PostgreSQL', () => {
  let t: TestDb;
  let deps: ReturnType<typeof testDeps>;
  let admin: Actor;
  let instructor: Actor;

  beforeAll(async () => {
    t = await createTestDb({ maxConnections: 20 });
    deps = testDeps(t.db, new Date('2026-11-28T09:00:00Z'));
    admin = await makePerson(t.db, { roles: ['employee', 'admin'] });
    instructor = await makePerson(t.db, { roles: ['employee', 'instructor'] });
  });
  afterAll(async () => t?.drop());

  async function newSession(capacity: number, date: string): Promise<string> {
    const course = await makeCourse(t.db);
    const venue = await makeVenue(t.db, { capacity: 300 });
    const s = await scheduleSession(deps, admin, {
      courseId: course.id,
      venueId: venue.id,
      capacity,
      days: [{ date, start: '09:00', end: '12:00' }],
      instructors: [{ personId: instructor.personId }],
    });
    return s.sessionId;
  }

  it('200 concurrent bookings for the last seats: exactly capacity confirmed, the rest waitlisted in strict order', async () => {
    const sessionId = await newSession(20, '2026-12-10');
    // 15 of 20 seats already taken: 5 seats left for 200 people.
    const early = await makePeople(t.db, 15);
    for (const id of early) await bookSession(deps, await loadActor(t.db.prisma, id), { sessionId });
    const racers = await Promise.all((await makePeople(t.db, 200)).map((id) => loadActor(t.db.prisma, id)));

    const results = await Promise.all(racers.map((a) => bookSession(deps, a, { sessionId })));

    expect(results.filter((r) => r.kind === 'confirmed')).toHaveLength(5);
    const waitlisted = results.filter((r) => r.kind === 'waitlisted');
    expect(waitlisted).toHaveLength(195);
    const rows = await t.db.prisma.registration.findMany({ where: { sessionId }, orderBy: { createdAt: 'asc' } });
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(20);
    const tickets = rows.filter((r) => r.status === 'waitlisted').map((r) => r.waitlistTicket!);
    expect(new Set(tickets).size).toBe(195);
    expect([...tickets].sort((a, b) => a - b)).toEqual(Array.from({ length: 195 }, (_, i) => i + 1));
    // Ticket order is commit order: each booking's reported position equals its ticket
    // (nobody left the queue), and positions are unique.
    for (const w of waitlisted) if (w.kind === 'waitlisted') expect(w.position).toBe(w.ticket);
    const session = await t.db.prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.waitlistCounter).toBe(195);
  });

  it('concurrent cancels and bookings never lose or duplicate a seat', async () => {
    const capacity = 10;
    const sessionId = await newSession(capacity, '2026-12-11');
    const holders = await Promise.all((await makePeople(t.db, capacity)).map((id) => loadActor(t.db.prisma, id)));
    const booked: { registrationId: string }[] = [];
    for (const a of holders) booked.push(await bookSession(deps, a, { sessionId }));
    const queued = await Promise.all((await makePeople(t.db, 5)).map((id) => loadActor(t.db.prisma, id)));
    for (const a of queued) await bookSession(deps, a, { sessionId });
    const newcomers = await Promise.all((await makePeople(t.db, 30)).map((id) => loadActor(t.db.prisma, id)));

    // 6 confirmed people cancel while 30 newcomers book, all at once.
    const work: Promise<unknown>[] = [
      ...holders.slice(0, 6).map((a, i) => cancelRegistration(deps, a, { registrationId: booked[i]!.registrationId, reason: 'race' })),
      ...newcomers.map((a) => bookSession(deps, a, { sessionId })),
    ];
    await Promise.all(work);

    const rows = await t.db.prisma.registration.findMany({ where: { sessionId } });
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
    const events = await t.db.prisma.registrationEvent.findMany({ where: { registration: { sessionId } } });
    expect(events.filter((e) => e.fromStatus === null)).toHaveLength(rows.length);
    expect(events.filter((e) => e.toStatus === 'cancelled')).toHaveLength(6);
    const promoted = events.filter((e) => e.fromStatus === 'waitlisted' && e.toStatus === 'confirmed').length;
    expect(promoted === 5 || promoted === 6).toBe(true);
  });
});
