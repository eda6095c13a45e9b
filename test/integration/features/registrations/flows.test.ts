/** The other registration flows: approval, offers, waitlist cut-off, transfer, programmes, session changes, attendance. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { expectAppError } from '../../../helpers/expect-app-error.ts';
import { makeCourse, makePeople, makePerson, makeVenue } from '../../../helpers/tms-fixtures.ts';
import {
  scheduleSession,
  type ScheduleSessionInput,
} from '../../../../src/features/sessions/schedule-session.ts';
import { cancelSession } from '../../../../src/features/sessions/cancel-session.ts';
import { rescheduleSession } from '../../../../src/features/sessions/reschedule-session.ts';
import { getSession } from '../../../../src/features/sessions/find-sessions.ts';
import { bookSession } from '../../../../src/features/registrations/book-session.ts';
import { cancelRegistration } from '../../../../src/features/registrations/cancel-registration.ts';
import {
  approveRegistration,
  declineRegistration,
  listPendingApprovals,
} from '../../../../src/features/registrations/approve-registration.ts';
import { acceptOffer, declineOffer } from '../../../../src/features/registrations/accept-offer.ts';
import { expireOffers } from '../../../../src/features/registrations/expire-offers.ts';
import { transferRegistration } from '../../../../src/features/registrations/transfer-registration.ts';
import { bookProgramme } from '../../../../src/features/registrations/book-programme.ts';
import { listRegistrations } from '../../../../src/features/registrations/list-registrations.ts';
import { recordAttendance } from '../../../../src/features/attendance/record-attendance.ts';
import { sessionRoster } from '../../../../src/features/attendance/session-roster.ts';
import { attendanceReport } from '../../../../src/features/attendance/attendance-report.ts';
import { loadActor, type Actor } from '../../../../src/features/people/actor.ts';

let t: TestDb;
let deps: ReturnType<typeof testDeps>;
let admin: Actor;
let dana: Actor;
let lee: Actor;
let day = 0;
const NOW = new Date('2026-11-28T09:00:00Z');
const HOUR = 3_600_000;

function nextDate(): string {
  day += 1;
  return new Date(Date.UTC(2027, 1, 1 + day)).toISOString().slice(0, 10);
}

async function session(overrides: Partial<ScheduleSessionInput> = {}) {
  const courseId = overrides.courseId ?? (await makeCourse(t.db)).id;
  const venue = await makeVenue(t.db);
  const s = await scheduleSession(deps, admin, {
    courseId,
    venueId: venue.id,
    capacity: 2,
    days: [{ date: nextDate(), start: '09:00', end: '12:00' }],
    instructors: [{ personId: dana.personId }],
    ...overrides,
  });
  return { ...s, courseId };
}

async function people(n: number): Promise<Actor[]> {
  return Promise.all((await makePeople(t.db, n)).map((id) => loadActor(t.db.prisma, id)));
}

beforeAll(async () => {
  t = await createTestDb();
  deps = testDeps(t.db, NOW);
  admin = await makePerson(t.db, { name: 'Admin', roles: ['employee', 'admin'] });
  dana = await makePerson(t.db, { name: 'Dana Whitfield', roles: ['employee', 'instructor'] });
  lee = await makePerson(t.db, { name: 'Lee Okafor', roles: ['employee', 'instructor'] });
});
afterAll(async () => t?.drop());

describe('manager approval', () => {
  it('holds the seat while pending; approve confirms; decline promotes the first waitlisted', async () => {
    const course = await makeCourse(t.db, { needsManagerApproval: true, title: 'Excel Essentials' });
    const s = await session({ courseId: course.id, capacity: 1 });
    const maya = await makePerson(t.db, { name: 'Maya Chen' });
    const priya = await makePerson(t.db, { name: 'Priya Shah', managerId: maya.personId });
    const sam = await makePerson(t.db, { name: 'Sam Brooks', managerId: maya.personId });
    const mayaAsManager = await loadActor(t.db.prisma, maya.personId);

    const asked = await bookSession(deps, priya, { sessionId: s.sessionId });
    expect(asked).toMatchObject({ kind: 'pending_approval', approverId: maya.personId });
    const request = await t.db.prisma.notification.findFirstOrThrow({
      where: { kind: 'registration.approval_requested', recipientId: maya.personId },
    });
    expect(request.payload).toMatchObject({
      text: expect.stringMatching(
        /^Priya Shah asks to join Excel Essentials \(.*\)\. The seat is held until you decide\.$/,
      ),
      buttons: [
        { actionId: 'approve_request', value: asked.registrationId },
        { actionId: 'decline_request', value: asked.registrationId },
      ],
    });
    // The pending request holds the only seat, so Sam queues.
    const queued = await bookSession(deps, sam, { sessionId: s.sessionId });
    expect(queued.kind).toBe('waitlisted');
    expect((await listPendingApprovals(deps, mayaAsManager)).map((p) => p.id)).toEqual([
      asked.registrationId,
    ]);
    await expectAppError(
      approveRegistration(deps, priya, { registrationId: asked.registrationId }),
      'FORBIDDEN',
      /your own request/,
    );
    const stranger = await makePerson(t.db);
    await expectAppError(
      approveRegistration(deps, stranger, { registrationId: asked.registrationId }),
      'FORBIDDEN',
    );

    const declined = await declineRegistration(deps, mayaAsManager, {
      registrationId: asked.registrationId,
      reason: 'busy quarter',
    });
    // Sam booked himself on an approval course: promoted into pending approval, seat held.
    expect(declined.fills).toEqual([
      { kind: 'promoted_pending_approval', registrationId: queued.registrationId, personId: sam.personId },
    ]);
    const approved = await approveRegistration(deps, mayaAsManager, {
      registrationId: queued.registrationId,
    });
    expect(approved.kind).toBe('approved');
    const events = await t.db.prisma.registrationEvent.findMany({
      where: { registrationId: queued.registrationId },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => e.toStatus)).toEqual(['waitlisted', 'pending_approval', 'confirmed']);
    await expectAppError(
      approveRegistration(deps, mayaAsManager, { registrationId: queued.registrationId }),
      'INVALID_STATE',
    );
  });

  it('a booking made by the manager needs no further approval', async () => {
    const course = await makeCourse(t.db, { needsManagerApproval: true });
    const s = await session({ courseId: course.id });
    const maya = await makePerson(t.db);
    const priya = await makePerson(t.db, { managerId: maya.personId });
    const mayaAsManager = await loadActor(t.db.prisma, maya.personId);
    expect(
      (await bookSession(deps, mayaAsManager, { sessionId: s.sessionId, personId: priya.personId })).kind,
    ).toBe('confirmed');
  });
});

describe('cancellation by a manager', () => {
  it('cancels a report’s booking with a reason, tells the learner and promotes the next person', async () => {
    const s = await session({ capacity: 1 });
    const maya = await makePerson(t.db, { name: 'Maya Chen' });
    const priya = await makePerson(t.db, { name: 'Priya Shah', managerId: maya.personId });
    const mayaAsManager = await loadActor(t.db.prisma, maya.personId);
    const [next] = await people(1);
    const booked = await bookSession(deps, mayaAsManager, {
      sessionId: s.sessionId,
      personId: priya.personId,
    });
    await bookSession(deps, next!, { sessionId: s.sessionId });
    await expectAppError(
      cancelRegistration(deps, next!, { registrationId: booked.registrationId }),
      'FORBIDDEN',
    );
    const done = await cancelRegistration(deps, mayaAsManager, {
      registrationId: booked.registrationId,
      reason: 'needed on shift',
    });
    expect(done.fills.map((f) => f.personId)).toEqual([next!.personId]);
    const told = await t.db.prisma.notification.findFirstOrThrow({
      where: { kind: 'registration.cancelled', recipientId: priya.personId },
    });
    expect(told.payload).toMatchObject({ reason: 'needed on shift', byName: 'Maya Chen' });
    const row = await t.db.prisma.registration.findUniqueOrThrow({ where: { id: booked.registrationId } });
    expect(row).toMatchObject({
      status: 'cancelled',
      cancelReason: 'needed on shift',
      actedById: maya.personId,
    });
  });
});

describe('promotion never creates a double booking', () => {
  it('passes over a waitlisted person who has since booked another session at that time', async () => {
    const date = nextDate();
    const x = await session({ capacity: 1, days: [{ date, start: '09:00', end: '12:00' }] });
    const y = await session({
      capacity: 5,
      days: [{ date, start: '10:00', end: '11:00' }],
      instructors: [{ personId: lee.personId }],
    });
    const [holder, a, b] = await people(3);
    const held = await bookSession(deps, holder!, { sessionId: x.sessionId });
    const ra = await bookSession(deps, a!, { sessionId: x.sessionId });
    await bookSession(deps, b!, { sessionId: x.sessionId });
    expect((await bookSession(deps, a!, { sessionId: y.sessionId })).kind).toBe('confirmed');
    const cancelled = await cancelRegistration(deps, holder!, { registrationId: held.registrationId });
    expect(cancelled.fills.map((f) => f.personId)).toEqual([b!.personId]);
    expect(
      (await t.db.prisma.registration.findUniqueOrThrow({ where: { id: ra.registrationId } })).status,
    ).toBe('waitlisted');
    expect(
      await t.db.prisma.auditEvent.count({
        where: { entityId: ra.registrationId, action: 'registration.promotion_skipped_clash' },
      }),
    ).toBe(1);
  });
});

describe('offer mode', () => {
  it('offers a freed seat with a hold time, which can be accepted, declined or left to expire', async () => {
    const course = await makeCourse(t.db, {
      waitlistMode: 'offer',
      offerHoldHours: 24,
      title: 'Leadership Foundations',
    });
    const s = await session({ courseId: course.id, capacity: 1 });
    const [a, b, c, d] = await people(4);
    const ra = await bookSession(deps, a!, { sessionId: s.sessionId });
    const rb = await bookSession(deps, b!, { sessionId: s.sessionId });
    const rc = await bookSession(deps, c!, { sessionId: s.sessionId });
    const rd = await bookSession(deps, d!, { sessionId: s.sessionId });

    const cancelled = await cancelRegistration(deps, a!, { registrationId: ra.registrationId });
    expect(cancelled.fills).toEqual([
      {
        kind: 'offered',
        registrationId: rb.registrationId,
        personId: b!.personId,
        offerExpiresAt: new Date(NOW.getTime() + 24 * HOUR),
      },
    ]);
    // The offered seat is held: a newcomer queues.
    const [e] = await people(1);
    expect((await bookSession(deps, e!, { sessionId: s.sessionId })).kind).toBe('waitlisted');

    // B declines: C is offered.
    const declined = await declineOffer(deps, b!, { registrationId: rb.registrationId });
    expect(declined.fills.map((f) => [f.kind, f.personId])).toEqual([['offered', c!.personId]]);
    // C lets it lapse: the sweep passes it to D.
    deps.clock.set(new Date(NOW.getTime() + 25 * HOUR));
    try {
      await expectAppError(
        acceptOffer(deps, c!, { registrationId: rc.registrationId }),
        'DEADLINE_PASSED',
        /expired/,
      );
      const swept = await expireOffers(deps);
      expect(swept.expired).toBe(1);
      expect(swept.fills.map((f) => [f.kind, f.personId])).toEqual([['offered', d!.personId]]);
      expect((await expireOffers(deps)).expired).toBe(0);
      expect(await acceptOffer(deps, d!, { registrationId: rd.registrationId })).toMatchObject({
        kind: 'confirmed',
      });
    } finally {
      deps.clock.set(NOW);
    }
    const rows = await t.db.prisma.registration.findMany({ where: { sessionId: s.sessionId } });
    expect(rows.filter((r) => r.status === 'confirmed').map((r) => r.personId)).toEqual([d!.personId]);
    const offers = await t.db.prisma.notification.findMany({
      where: { kind: 'registration.offered' },
      orderBy: { createdAt: 'asc' },
    });
    expect(offers).toHaveLength(3);
    expect(offers[0]!.payload).toMatchObject({
      text: expect.stringMatching(
        /^A seat is free on Leadership Foundations \(.*\)\. It is held for you until Sun 29 Nov, 09:00 UTC\.$/,
      ),
      buttons: [
        { actionId: 'accept_offer', value: rb.registrationId },
        { actionId: 'decline_offer', value: rb.registrationId },
      ],
    });
  });
});

describe('waitlist cut-off', () => {
  it('stops auto-promotion close to the start', async () => {
    const course = await makeCourse(t.db, { waitlistCutoffHours: 24, cancellationDeadlineHours: 0 });
    const s = await session({ courseId: course.id, capacity: 1 });
    const [a, b] = await people(2);
    const ra = await bookSession(deps, a!, { sessionId: s.sessionId });
    const rb = await bookSession(deps, b!, { sessionId: s.sessionId });
    const startsAt = (await getSession(deps, admin, { sessionId: s.sessionId })).startsAt;
    deps.clock.set(new Date(startsAt.getTime() - 12 * HOUR));
    try {
      const cancelled = await cancelRegistration(deps, a!, { registrationId: ra.registrationId });
      expect(cancelled).toMatchObject({ freedSeat: true, fills: [] });
      expect(
        (await t.db.prisma.registration.findUniqueOrThrow({ where: { id: rb.registrationId } })).status,
      ).toBe('waitlisted');
      expect((await getSession(deps, admin, { sessionId: s.sessionId })).seatsLeft).toBe(1);
    } finally {
      deps.clock.set(NOW);
    }
  });
});

describe('transfer', () => {
  it('moves the same registration to another session of the course, keeping its history and promoting on the old one', async () => {
    const course = await makeCourse(t.db);
    const first = await session({ courseId: course.id, capacity: 1 });
    const second = await session({
      courseId: course.id,
      capacity: 1,
      instructors: [{ personId: lee.personId }],
    });
    const [a, b, c] = await people(3);
    const ra = await bookSession(deps, a!, { sessionId: first.sessionId });
    const rb = await bookSession(deps, b!, { sessionId: first.sessionId });
    const moved = await transferRegistration(deps, a!, {
      registrationId: ra.registrationId,
      toSessionId: second.sessionId,
      reason: 'move me to next week',
    });
    expect(moved).toMatchObject({
      kind: 'transferred',
      status: 'confirmed',
      fills: [{ kind: 'promoted', personId: b!.personId, registrationId: rb.registrationId }],
    });
    const row = await t.db.prisma.registration.findUniqueOrThrow({
      where: { id: ra.registrationId },
      include: { events: { orderBy: { id: 'asc' } } },
    });
    expect(row.sessionId).toBe(second.sessionId);
    expect(row.events.map((e) => [e.fromSessionId, e.toSessionId, e.toStatus])).toEqual([
      [null, first.sessionId, 'confirmed'],
      [first.sessionId, second.sessionId, 'confirmed'],
    ]);
    // The second session is now full: a transfer there reports it and changes nothing, unless asked to queue.
    const rc = await bookSession(deps, c!, { sessionId: first.sessionId });
    expect(rc.kind).toBe('waitlisted');
    expect(
      await transferRegistration(deps, b!, {
        registrationId: rb.registrationId,
        toSessionId: second.sessionId,
      }),
    ).toMatchObject({ kind: 'full' });
    const queued = await transferRegistration(deps, b!, {
      registrationId: rb.registrationId,
      toSessionId: second.sessionId,
      joinWaitlistIfFull: true,
    });
    expect(queued).toMatchObject({ kind: 'waitlisted', position: 1, fills: [{ personId: c!.personId }] });
    const other = await session();
    await expectAppError(
      transferRegistration(deps, a!, { registrationId: ra.registrationId, toSessionId: other.sessionId }),
      'VALIDATION',
      /same course/,
    );
  });
});

describe('programme', () => {
  it('books every session of a cohort as one, or none when one is full', async () => {
    const course = await makeCourse(t.db, { title: 'Leadership Foundations' });
    const programme = await t.db.prisma.programme.create({
      data: { code: `LDP-${day}`, title: 'Leadership Programme', kind: 'programme' },
    });
    const base = { courseId: course.id, programmeId: programme.id, cohort: 'spring' };
    const s1 = await session({ ...base, capacity: 2 });
    const s2 = await session({ ...base, capacity: 1 });
    const s3 = await session({ ...base, capacity: 2 });
    const [a, b] = await people(2);
    const booked = await bookProgramme(deps, a!, { programmeId: programme.id, cohort: 'spring' });
    expect(booked.kind).toBe('booked');
    if (booked.kind !== 'booked') return;
    expect(booked.registrations.map((r) => r.sessionId)).toEqual([s1.sessionId, s2.sessionId, s3.sessionId]);
    const group = await t.db.prisma.registration.findMany({ where: { groupId: booked.groupId } });
    expect(group).toHaveLength(3);
    expect(await bookProgramme(deps, b!, { programmeId: programme.id, cohort: 'spring' })).toEqual({
      kind: 'full',
      fullSessionIds: [s2.sessionId],
    });
    expect(await t.db.prisma.registration.count({ where: { personId: b!.personId } })).toBe(0);
    await expectAppError(
      bookProgramme(deps, a!, { programmeId: programme.id, cohort: 'spring' }),
      'ALREADY_BOOKED',
      /already booked on/,
    );
    await expectAppError(
      bookProgramme(deps, a!, { programmeId: programme.id, cohort: 'autumn' }),
      'NOT_FOUND',
      /cohort autumn/,
    );
  });
});

describe('session changes', () => {
  it('cancelling a session keeps its rows, cancels registrations and tells everyone', async () => {
    const s = await session({ capacity: 1 });
    const [a, b] = await people(2);
    await bookSession(deps, a!, { sessionId: s.sessionId });
    await bookSession(deps, b!, { sessionId: s.sessionId });
    await expectAppError(
      cancelSession(deps, admin, { sessionId: s.sessionId, reason: ' ' }),
      'VALIDATION',
      /reason/,
    );
    const done = await cancelSession(deps, admin, { sessionId: s.sessionId, reason: 'trainer ill' });
    expect(done.notified).toBe(2);
    const listing = await getSession(deps, admin, { sessionId: s.sessionId });
    expect(listing).toMatchObject({ status: 'cancelled', cancelReason: 'trainer ill' });
    const rows = await t.db.prisma.registration.findMany({ where: { sessionId: s.sessionId } });
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    expect(
      await t.db.prisma.notification.count({
        where: { kind: 'session.cancelled', payload: { path: ['sessionId'], equals: s.sessionId } },
      }),
    ).toBe(2);
    await expectAppError(bookSession(deps, a!, { sessionId: s.sessionId }), 'SESSION_CLOSED', /cancelled/);
  });

  it('rescheduling moves days and cut-off, rechecks instructors and tells registrants', async () => {
    const s = await session({ registrationCutoffHours: 24 });
    const [a] = await people(1);
    await bookSession(deps, a!, { sessionId: s.sessionId });
    const date = nextDate();
    const moved = await rescheduleSession(deps, admin, {
      sessionId: s.sessionId,
      days: [{ date, start: '13:00', end: '16:00' }],
    });
    expect(moved.notified).toBe(1);
    const after = await getSession(deps, admin, { sessionId: s.sessionId });
    expect(after.registrationCutoffAt!.getTime()).toBe(after.startsAt.getTime() - 24 * HOUR);
    expect(after.seatsTaken).toBe(1);
    // Moving another of Dana's sessions onto that new time is a conflict for her.
    const other = await session();
    await expectAppError(
      rescheduleSession(deps, admin, {
        sessionId: other.sessionId,
        days: [{ date, start: '14:00', end: '15:00' }],
      }),
      'INSTRUCTOR_CONFLICT',
      /Dana Whitfield/,
    );
    const forced = await rescheduleSession(deps, admin, {
      sessionId: other.sessionId,
      days: [{ date, start: '14:00', end: '15:00' }],
      override: { reason: 'co-taught' },
    });
    expect(forced.overriddenConflicts).toHaveLength(1);
  });
});

describe('attendance', () => {
  it('per day, reconciled when every day is marked, completion only for full attendance; only the instructor or an admin', async () => {
    const course = await makeCourse(t.db, { validityMonths: 12 });
    const d1 = nextDate();
    const d2 = nextDate();
    const s = await session({
      courseId: course.id,
      capacity: 3,
      days: [
        { date: d1, start: '09:00', end: '17:00' },
        { date: d2, start: '09:00', end: '17:00' },
      ],
    });
    const [a, b, c, waiting] = await people(4);
    for (const p of [a, b, c]) await bookSession(deps, p!, { sessionId: s.sessionId });
    await bookSession(deps, waiting!, { sessionId: s.sessionId });
    await expectAppError(
      recordAttendance(deps, dana, {
        sessionId: s.sessionId,
        dayIndex: 0,
        entries: [{ personId: a!.personId, status: 'attended' }],
      }),
      'INVALID_STATE',
      /once the day has started/,
    );

    deps.clock.set(new Date(`${d1}T12:00:00Z`));
    try {
      await expectAppError(
        recordAttendance(deps, lee, {
          sessionId: s.sessionId,
          dayIndex: 0,
          entries: [{ personId: a!.personId, status: 'attended' }],
        }),
        'FORBIDDEN',
      );
      await expectAppError(
        recordAttendance(deps, dana, {
          sessionId: s.sessionId,
          entries: [{ personId: a!.personId, status: 'attended' }],
        }),
        'VALIDATION',
        /which day/,
      );
      await expectAppError(
        recordAttendance(deps, dana, {
          sessionId: s.sessionId,
          dayIndex: 0,
          entries: [{ personId: waiting!.personId, status: 'attended' }],
        }),
        'NOT_FOUND',
        /not booked/,
      );
      const day1 = await recordAttendance(deps, dana, {
        sessionId: s.sessionId,
        dayIndex: 0,
        entries: [
          { personId: a!.personId, status: 'attended' },
          { personId: b!.personId, status: 'attended' },
          { personId: c!.personId, status: 'no_show' },
        ],
      });
      expect(day1.recorded.map((r) => r.registrationStatus)).toEqual(['confirmed', 'confirmed', 'confirmed']);
      expect(day1.sessionCompleted).toBe(false);
      deps.clock.set(new Date(`${d2}T18:00:00Z`));
      const day2 = await recordAttendance(deps, admin, {
        sessionId: s.sessionId,
        dayIndex: 1,
        entries: [
          { personId: a!.personId, status: 'attended' },
          { personId: b!.personId, status: 'partial', minutes: 120 },
          { personId: c!.personId, status: 'no_show' },
        ],
      });
      expect(day2.sessionCompleted).toBe(true);
      expect((await getSession(deps, admin, { sessionId: s.sessionId })).status).toBe('completed');
      expect(day2.recorded.map((r) => [r.registrationStatus, r.completionId !== null])).toEqual([
        ['attended', true],
        ['partial', false],
        ['no_show', false],
      ]);
      const completion = await t.db.prisma.completion.findFirstOrThrow({
        where: { personId: a!.personId, courseId: course.id },
      });
      expect(completion).toMatchObject({ source: 'attendance', completedAt: new Date(`${d2}T17:00:00Z`) });
      const roster = await sessionRoster(deps, dana, { sessionId: s.sessionId });
      expect(roster.counts).toMatchObject({
        registered: 3,
        attended: 1,
        partial: 1,
        noShow: 1,
        waitlisted: 1,
        unreconciled: 0,
      });
      expect(roster.rows.find((r) => r.personId === b!.personId)!.attendance).toEqual({
        0: 'attended',
        1: 'partial',
      });
      await expectAppError(sessionRoster(deps, lee, { sessionId: s.sessionId }), 'FORBIDDEN');
      const report = await attendanceReport(deps, admin, {
        from: new Date(`${d1}T00:00:00Z`),
        to: new Date(`${d2}T00:00:00Z`),
      });
      expect(report.find((r) => r.sessionId === s.sessionId)).toMatchObject({
        registered: 3,
        attended: 1,
        partial: 1,
        noShow: 1,
        attendanceRate: 1 / 3,
      });
      const mine = await listRegistrations(deps, a!, { upcomingOnly: false });
      expect(mine.map((r) => r.status)).toEqual(['attended']);
    } finally {
      deps.clock.set(NOW);
    }
  });
});
