/**
 * The seed document's scenario end to end: a recurring ILT series taught by two
 * instructors, a 12-seat session with 27 bookings (12 confirmed, 15 waitlisted in order),
 * three cancellations promoting the first three waitlisted in order, attendance, and the
 * cost per learner in exact decimals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDeps, type TestDb } from '../../helpers/test-db.ts';
import { makeCourse, makeDepartment, makePeople, makePerson, makeVenue } from '../../helpers/tms-fixtures.ts';
import { scheduleSeries } from '../../../src/features/sessions/schedule-series.ts';
import { findSessions } from '../../../src/features/sessions/find-sessions.ts';
import { bookSession, type BookSessionResult } from '../../../src/features/registrations/book-session.ts';
import { cancelRegistration } from '../../../src/features/registrations/cancel-registration.ts';
import { waitlistPosition } from '../../../src/features/registrations/waitlist-position.ts';
import { recordAttendance } from '../../../src/features/attendance/record-attendance.ts';
import { sessionRoster } from '../../../src/features/attendance/session-roster.ts';
import { addCostItem } from '../../../src/features/costs/add-cost-item.ts';
import { costReport } from '../../../src/features/costs/cost-report.ts';
import { loadActor, type Actor } from '../../../src/features/people/actor.ts';

let t: TestDb;
let deps: ReturnType<typeof testDeps>;

beforeAll(async () => {
  t = await createTestDb();
  deps = testDeps(t.db, new Date('2026-11-20T10:00:00Z'));
});
afterAll(async () => t?.drop());

describe('seed scenario: recurring First Aid series with a waitlist of 15 and cost per learner', () => {
  it('runs from scheduling to cost per learner', async () => {
    const admin = await makePerson(t.db, { name: 'Avery Clarke', roles: ['employee', 'admin'] });
    const dana = await makePerson(t.db, { name: 'Dana Whitfield', roles: ['employee', 'instructor'] });
    const lee = await makePerson(t.db, { name: 'Lee Okafor', roles: ['employee', 'instructor'] });
    const rosa = await makePerson(t.db, { name: 'Rosa Delgado', roles: ['employee', 'instructor'] });
    const course = await makeCourse(t.db, { code: 'FA-101', title: 'First Aid at Work', validityMonths: 36 });
    const room2 = await makeVenue(t.db, { name: 'Room 2', capacity: 20, timeZone: 'Europe/London' });

    // "Schedule First Aid every Tuesday 9am for 4 weeks in Room 2 with Dana and Lee, 12 seats";
    // Rosa stands in for Lee on the 15th.
    const series = await scheduleSeries(deps, admin, {
      courseId: course.id,
      venueId: room2.id,
      capacity: 12,
      rule: {
        frequency: 'weekly',
        weekday: 2,
        startDate: '2026-12-01',
        startTime: '09:00',
        endTime: '12:00',
        count: 4,
      },
      instructors: [
        { personId: dana.personId, role: 'lead' },
        { personId: lee.personId, role: 'co' },
      ],
      substitutes: [{ date: '2026-12-15', replacesPersonId: lee.personId, personId: rosa.personId }],
    });
    expect(series.sessions.map((s) => s.date)).toEqual([
      '2026-12-01',
      '2026-12-08',
      '2026-12-15',
      '2026-12-22',
    ]);
    expect(series.sessions[0]!.startsAt.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    const listed = await findSessions(deps, admin, { courseCode: 'FA-101' });
    expect(listed).toHaveLength(4);
    expect(listed[0]!.instructors.map((i) => i.name).sort()).toEqual(['Dana Whitfield', 'Lee Okafor']);
    expect(listed[2]!.instructors.map((i) => i.name).sort()).toEqual(['Dana Whitfield', 'Rosa Delgado']);
    // "What am I teaching?": Rosa only on the 15th, Lee on the other three.
    expect(
      (await findSessions(deps, admin, { instructorId: rosa.personId })).map((l) => l.sessionId),
    ).toEqual([series.sessions[2]!.sessionId]);
    expect(await findSessions(deps, admin, { instructorId: lee.personId })).toHaveLength(3);
    expect(
      await findSessions(deps, admin, {
        text: 'first aid',
        from: new Date('2026-12-05T00:00:00Z'),
        to: new Date('2026-12-20T00:00:00Z'),
      }),
    ).toHaveLength(2);

    // 27 people book the first session, one after another.
    const sessionId = series.sessions[0]!.sessionId;
    const ops = await makeDepartment(t.db, 'Operations');
    const sales = await makeDepartment(t.db, 'Sales');
    const ids = [...(await makePeople(t.db, 9, sales.id)), ...(await makePeople(t.db, 18, ops.id))];
    const people: Actor[] = [];
    for (const id of ids) people.push(await loadActor(t.db.prisma, id));
    const results: BookSessionResult[] = [];
    for (const person of people)
      results.push(await bookSession(deps, person, { sessionId, channel: 'slack' }));

    expect(results.slice(0, 12).every((r) => r.kind === 'confirmed')).toBe(true);
    const waitlisted = results.slice(12);
    expect(waitlisted.map((r) => r.kind)).toEqual(Array(15).fill('waitlisted'));
    expect(waitlisted.map((r) => (r.kind === 'waitlisted' ? r.position : 0))).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 1),
    );
    expect((await findSessions(deps, admin, { courseCode: 'FA-101' }))[0]).toMatchObject({
      seatsTaken: 12,
      seatsLeft: 0,
      waitlistLength: 15,
    });

    // Three confirmed people cancel: the first three waitlisted are promoted, in order.
    const promoted: string[] = [];
    for (const i of [1, 4, 8]) {
      const cancelled = await cancelRegistration(deps, people[i]!, {
        registrationId: results[i]!.registrationId,
        reason: 'shift change',
      });
      expect(cancelled.freedSeat).toBe(true);
      promoted.push(...cancelled.fills.map((f) => f.personId));
    }
    expect(promoted).toEqual([ids[12], ids[13], ids[14]]);
    const stillWaiting = await waitlistPosition(deps, people[15]!, {
      registrationId: results[15]!.registrationId,
    });
    expect(stillWaiting).toMatchObject({ kind: 'waitlisted', position: 1, queueLength: 12 });
    const notifications = await t.db.prisma.notification.findMany({
      where: { kind: 'registration.promoted' },
    });
    expect(notifications.map((n) => n.recipientId).sort()).toEqual([ids[12], ids[13], ids[14]].sort());
    // Told in their own zone (these learners read UTC; London is on GMT in December anyway).
    expect((notifications[0]!.payload as { text: string }).text).toBe(
      'Good news: a seat opened up and you are now booked on First Aid at Work (Tue 1 Dec, 09:00–12:00 UTC).',
    );

    const confirmedNow = await t.db.prisma.registration.findMany({
      where: { sessionId, status: 'confirmed' },
      select: { personId: true },
    });
    expect(confirmedNow).toHaveLength(12);

    // Costs: 1250.40 GBP over 12 registered = 104.20 exactly; a EUR item stays separate.
    await addCostItem(deps, admin, { sessionId, category: 'venue', amount: '400.00', currency: 'GBP' });
    await addCostItem(deps, admin, { sessionId, category: 'facilitator', amount: '750.15', currency: 'gbp' });
    await addCostItem(deps, admin, { sessionId, category: 'catering', amount: '100.25', currency: 'GBP' });
    await addCostItem(deps, admin, { sessionId, category: 'materials', amount: '60', currency: 'EUR' });

    // The day comes: Dana marks 10 attended and 2 no-shows.
    deps.clock.set(new Date('2026-12-01T12:30:00Z'));
    const confirmedIds = confirmedNow.map((r) => r.personId);
    const marked = await recordAttendance(deps, dana, {
      sessionId,
      entries: confirmedIds.map((personId, i) => ({ personId, status: i < 10 ? 'attended' : 'no_show' })),
    });
    expect(marked.recorded.filter((r) => r.registrationStatus === 'attended')).toHaveLength(10);
    expect(marked.recorded.filter((r) => r.completionId !== null)).toHaveLength(10);
    const completions = await t.db.prisma.completion.findMany({ where: { courseId: course.id } });
    expect(completions).toHaveLength(10);
    expect(completions.every((c) => c.source === 'attendance' && c.registrationId !== null)).toBe(true);
    const roster = await sessionRoster(deps, dana, { sessionId });
    expect(roster.counts).toMatchObject({
      registered: 12,
      attended: 10,
      noShow: 2,
      waitlisted: 12,
      unreconciled: 0,
    });

    // Every registration change has both its history event and its audit event.
    const registrationEvents = await t.db.prisma.registrationEvent.count();
    expect(registrationEvents).toBe(27 + 3 + 3 + 12);
    expect(await t.db.prisma.auditEvent.count({ where: { entityType: 'Registration' } })).toBe(
      registrationEvents,
    );

    const report = await costReport(deps, admin, {
      from: new Date('2026-12-01T00:00:00Z'),
      to: new Date('2027-01-01T00:00:00Z'),
    });
    const first = report.sessions.find((s) => s.sessionId === sessionId)!;
    expect(first).toMatchObject({
      total: { EUR: '60.00', GBP: '1250.40' },
      registered: 12,
      attended: 10,
      perRegistered: { EUR: '5.00', GBP: '104.20' },
      perAttended: { EUR: '6.00', GBP: '125.04' },
    });
    expect(report.totals).toEqual({ EUR: '60.00', GBP: '1250.40' });
    // Each department's share follows its registered learners: 6 from Sales, 6 from Operations.
    expect(report.departments).toEqual([
      {
        departmentId: ops.id,
        name: 'Operations',
        registered: 6,
        attended: expect.any(Number),
        share: { EUR: '30.00', GBP: '625.20' },
      },
      {
        departmentId: sales.id,
        name: 'Sales',
        registered: 6,
        attended: expect.any(Number),
        share: { EUR: '30.00', GBP: '625.20' },
      },
    ]);
    expect(report.departments.reduce((n, d) => n + d.attended, 0)).toBe(10);
  });
});
