/** Every bad input gets a clear answer (a coded AppError) and changes nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { expectAppError } from '../../../helpers/expect-app-error.ts';
import { makeCourse, makePeople, makePerson, makeVenue } from '../../../helpers/tms-fixtures.ts';
import {
  scheduleSession,
  type ScheduleSessionInput,
} from '../../../../src/features/sessions/schedule-session.ts';
import { assignInstructor } from '../../../../src/features/sessions/assign-instructor.ts';
import { recordAvailability } from '../../../../src/features/sessions/record-availability.ts';
import { bookSession } from '../../../../src/features/registrations/book-session.ts';
import { cancelRegistration } from '../../../../src/features/registrations/cancel-registration.ts';
import { changeCapacity } from '../../../../src/features/registrations/change-capacity.ts';
import { addCostItem } from '../../../../src/features/costs/add-cost-item.ts';
import { recordCompletion } from '../../../../src/features/completions/record-completion.ts';
import { loadActor, type Actor } from '../../../../src/features/people/actor.ts';

let t: TestDb;
let deps: ReturnType<typeof testDeps>;
let admin: Actor;
let dana: Actor;
let lee: Actor;
let learner: Actor;
let day = 0;

const NOW = new Date('2026-11-28T09:00:00Z');
/** A fresh weekday date in the future for each session, so unrelated tests never clash. */
function nextDate(): string {
  day += 1;
  const d = new Date(Date.UTC(2027, 0, 4 + day * 2));
  return d.toISOString().slice(0, 10);
}

async function session(overrides: Partial<ScheduleSessionInput> = {}) {
  const course = await makeCourse(t.db);
  const venue = await makeVenue(t.db);
  return scheduleSession(deps, admin, {
    courseId: course.id,
    venueId: venue.id,
    capacity: 5,
    days: [{ date: nextDate(), start: '09:00', end: '12:00' }],
    instructors: [{ personId: dana.personId }],
    ...overrides,
  });
}

beforeAll(async () => {
  t = await createTestDb();
  deps = testDeps(t.db, NOW);
  admin = await makePerson(t.db, { name: 'Admin', roles: ['employee', 'admin'] });
  dana = await makePerson(t.db, { name: 'Dana Whitfield', roles: ['employee', 'instructor'] });
  lee = await makePerson(t.db, { name: 'Lee Okafor', roles: ['employee', 'instructor'] });
  learner = await makePerson(t.db, { name: 'Priya Shah' });
});
afterAll(async () => t?.drop());

describe('booking refuses', () => {
  it('an unknown session, by id or by garbage', async () => {
    await expectAppError(
      bookSession(deps, learner, { sessionId: '6b1f0c9e-0000-4000-8000-000000000000' }),
      'NOT_FOUND',
      /session does not exist/,
    );
    await expectAppError(
      bookSession(deps, learner, { sessionId: '1\'; DROP TABLE "Session"; --' }),
      'NOT_FOUND',
    );
  });

  it('ids that are not ids, anywhere, with NOT_FOUND rather than a database error', async () => {
    const garbage = 'not-an-id';
    const s = await session();
    await expectAppError(
      bookSession(deps, admin, { sessionId: s.sessionId, personId: garbage }),
      'NOT_FOUND',
    );
    await expectAppError(
      cancelRegistration(deps, learner, { registrationId: garbage }),
      'NOT_FOUND',
      /booking does not exist/,
    );
    await expectAppError(changeCapacity(deps, admin, { sessionId: garbage, capacity: 3 }), 'NOT_FOUND');
    await expectAppError(
      assignInstructor(deps, admin, { sessionId: s.sessionId, personId: garbage }),
      'NOT_FOUND',
    );
    await expectAppError(session({ courseId: garbage }), 'NOT_FOUND', /course/);
    await expectAppError(session({ venueId: garbage }), 'NOT_FOUND', /venue/);
    await expectAppError(
      addCostItem(deps, admin, { sessionId: garbage, category: 'venue', amount: '1', currency: 'GBP' }),
      'NOT_FOUND',
    );
  });

  it('a past or started session', async () => {
    const s = await session();
    deps.clock.set(new Date(Date.UTC(2027, 0, 31)));
    try {
      await expectAppError(
        bookSession(deps, learner, { sessionId: s.sessionId }),
        'SESSION_CLOSED',
        /already started or taken place/,
      );
    } finally {
      deps.clock.set(NOW);
    }
    expect(await t.db.prisma.registration.count({ where: { sessionId: s.sessionId } })).toBe(0);
  });

  it('after the registration cut-off', async () => {
    const s = await session({ registrationCutoffHours: 48 });
    const startsAt = (await t.db.prisma.session.findUniqueOrThrow({ where: { id: s.sessionId } })).startsAt;
    deps.clock.set(new Date(startsAt.getTime() - 24 * 3_600_000));
    try {
      await expectAppError(
        bookSession(deps, learner, { sessionId: s.sessionId }),
        'CUTOFF_PASSED',
        /Registration .* closed/,
      );
    } finally {
      deps.clock.set(NOW);
    }
  });

  it('a duplicate booking, confirmed or waitlisted', async () => {
    const s = await session({ capacity: 1 });
    await bookSession(deps, learner, { sessionId: s.sessionId });
    await expectAppError(
      bookSession(deps, learner, { sessionId: s.sessionId }),
      'ALREADY_BOOKED',
      /already booked on/,
    );
    const other = await loadActor(t.db.prisma, (await makePeople(t.db, 1))[0]!);
    expect((await bookSession(deps, other, { sessionId: s.sessionId })).kind).toBe('waitlisted');
    await expectAppError(
      bookSession(deps, other, { sessionId: s.sessionId }),
      'ALREADY_BOOKED',
      /on the waitlist/,
    );
    expect(await t.db.prisma.registration.count({ where: { sessionId: s.sessionId } })).toBe(2);
  });

  it('a clash with another of the person’s sessions, across time zones', async () => {
    const date = nextDate();
    const london = await session({ days: [{ date, start: '09:00', end: '12:00' }] });
    // 06:00–07:00 in New York is 11:00–12:00 in London that day.
    const newYork = await session({
      timeZone: 'America/New_York',
      venueId: undefined,
      meetingUrl: 'https://meet.example/x',
      days: [{ date, start: '06:00', end: '07:00' }],
      instructors: [{ personId: lee.personId }],
    });
    const person = await loadActor(t.db.prisma, (await makePeople(t.db, 1))[0]!);
    await bookSession(deps, person, { sessionId: london.sessionId });
    await expectAppError(
      bookSession(deps, person, { sessionId: newYork.sessionId }),
      'CLASH',
      /clashes with your First Aid at Work session/,
    );
  });

  it('when a prerequisite is missing, and accepts once it is completed', async () => {
    const theory = await makeCourse(t.db, { title: 'Forklift Theory', code: 'FL-101-T', kind: 'elearning' });
    const practical = await makeCourse(t.db, { title: 'Forklift Practical', code: 'FL-201-T' });
    await t.db.prisma.coursePrerequisite.create({
      data: { courseId: practical.id, requiredCourseId: theory.id },
    });
    const s = await session({ courseId: practical.id });
    await expectAppError(
      bookSession(deps, learner, { sessionId: s.sessionId }),
      'PREREQUISITE_MISSING',
      /needs Forklift Theory \(FL-101-T\) completed first/,
    );
    await recordCompletion(t.db.prisma, deps.clock, {
      personId: learner.personId,
      courseId: theory.id,
      source: 'manual',
      reason: 'test',
      completedAt: NOW,
    });
    expect((await bookSession(deps, learner, { sessionId: s.sessionId })).kind).toBe('confirmed');
  });

  it('a later step of a learning journey the person has started, before the earlier step is done', async () => {
    const intro = await makeCourse(t.db, { title: 'Safety Induction', code: 'IND-J', kind: 'elearning' });
    const practical = await makeCourse(t.db, { title: 'Warehouse Practical', code: 'WH-J' });
    await t.db.prisma.programme.create({
      data: {
        code: 'JOURNEY-J',
        title: 'Warehouse Starter',
        kind: 'journey',
        steps: {
          create: [
            { position: 1, courseId: intro.id, requiresPrevious: false },
            { position: 2, courseId: practical.id, requiresPrevious: true },
          ],
        },
      },
    });
    const starter = await makePerson(t.db);
    await t.db.prisma.enrollment.create({
      data: { personId: starter.personId, courseId: intro.id, source: 'journey' },
    });
    const s = await session({ courseId: practical.id });
    await expectAppError(
      bookSession(deps, starter, { sessionId: s.sessionId }),
      'PREREQUISITE_MISSING',
      /Warehouse Starter journey, Safety Induction \(IND-J\) comes first/,
    );
    // Someone not on the journey books freely.
    expect((await bookSession(deps, learner, { sessionId: s.sessionId })).kind).toBe('confirmed');
  });

  it('booking for someone outside your reporting line, and overbooking unless admin', async () => {
    const s = await session({ capacity: 1 });
    const stranger = await makePerson(t.db);
    await expectAppError(
      bookSession(deps, learner, { sessionId: s.sessionId, personId: stranger.personId }),
      'FORBIDDEN',
    );
    await bookSession(deps, stranger, { sessionId: s.sessionId });
    await expectAppError(
      bookSession(deps, learner, { sessionId: s.sessionId, overbook: true }),
      'FORBIDDEN',
      /Only an admin can overbook/,
    );
    const over = await bookSession(deps, admin, {
      sessionId: s.sessionId,
      personId: learner.personId,
      overbook: true,
    });
    expect(over).toMatchObject({ kind: 'confirmed', overbooked: true });
    const audit = await t.db.prisma.auditEvent.findFirst({
      where: { entityId: over.registrationId, action: 'registration.overbooked' },
    });
    expect(audit?.actorId).toBe(admin.personId);
  });
});

describe('cancellation refuses', () => {
  it('a learner after the cancellation deadline, but lets an admin', async () => {
    const s = await session();
    const booked = await bookSession(deps, learner, { sessionId: s.sessionId });
    const startsAt = (await t.db.prisma.session.findUniqueOrThrow({ where: { id: s.sessionId } })).startsAt;
    deps.clock.set(new Date(startsAt.getTime() - 24 * 3_600_000)); // default deadline is 48 h
    try {
      await expectAppError(
        cancelRegistration(deps, learner, { registrationId: booked.registrationId }),
        'DEADLINE_PASSED',
        /up to 48 hours before/,
      );
      const done = await cancelRegistration(deps, admin, {
        registrationId: booked.registrationId,
        reason: 'sick note',
      });
      expect(done.kind).toBe('cancelled');
      await expectAppError(
        cancelRegistration(deps, admin, { registrationId: booked.registrationId }),
        'INVALID_STATE',
        /cancelled and cannot be cancelled/,
      );
    } finally {
      deps.clock.set(NOW);
    }
  });
});

describe('capacity', () => {
  it('cannot go below the seats taken; raising it promotes the waitlist', async () => {
    const s = await session({ capacity: 2 });
    const people = await Promise.all((await makePeople(t.db, 4)).map((id) => loadActor(t.db.prisma, id)));
    for (const p of people) await bookSession(deps, p, { sessionId: s.sessionId });
    await expectAppError(
      changeCapacity(deps, admin, { sessionId: s.sessionId, capacity: 1 }),
      'CAPACITY_BELOW_CONFIRMED',
      /2 people already hold seats/,
    );
    await expectAppError(changeCapacity(deps, admin, { sessionId: s.sessionId, capacity: 0 }), 'VALIDATION');
    await expectAppError(changeCapacity(deps, learner, { sessionId: s.sessionId, capacity: 3 }), 'FORBIDDEN');
    const raised = await changeCapacity(deps, admin, { sessionId: s.sessionId, capacity: 3 });
    expect(raised.fills).toEqual([
      { kind: 'promoted', registrationId: expect.any(String), personId: people[2]!.personId },
    ]);
  });
});

describe('costs refuse', () => {
  it('negative, non-numeric and over-precise amounts, unknown currencies, and non-admins', async () => {
    const s = await session();
    const add = (amount: string, currency = 'GBP') =>
      addCostItem(deps, admin, { sessionId: s.sessionId, category: 'venue', amount, currency });
    await expectAppError(add('-400'), 'VALIDATION', /cannot be negative/);
    await expectAppError(add('four hundred'), 'VALIDATION', /not an amount of money/);
    await expectAppError(add('12.345'), 'VALIDATION', /at most two decimals/);
    await expectAppError(add('1e3'), 'VALIDATION', /not an amount/);
    await expectAppError(add(''), 'VALIDATION');
    await expectAppError(add('400', 'XYZ'), 'VALIDATION', /not a known ISO 4217 currency/);
    await expectAppError(add('400', 'pounds'), 'VALIDATION', /ISO 4217/);
    await expectAppError(
      addCostItem(deps, admin, { category: 'venue', amount: '1', currency: 'GBP' }),
      'VALIDATION',
      /exactly one session or one programme/,
    );
    await expectAppError(
      addCostItem(deps, learner, { sessionId: s.sessionId, category: 'venue', amount: '1', currency: 'GBP' }),
      'FORBIDDEN',
    );
    expect(await t.db.prisma.costItem.count({ where: { sessionId: s.sessionId } })).toBe(0);
    expect((await add('1,250.50', 'eur')).amount).toBe('1250.50');
  });
});

describe('scheduling refuses', () => {
  it('an instructor booked twice (across zones), unless overridden with a reason that is audited', async () => {
    const date = nextDate();
    await session({ days: [{ date, start: '09:00', end: '12:00' }] });
    const online = {
      timeZone: 'America/New_York',
      venueId: undefined,
      meetingUrl: 'https://meet.example/ny',
    };
    // 07:00 New York = 12:00 London: back to back is not a conflict.
    await session({ ...online, days: [{ date, start: '07:00', end: '08:00' }] });
    // 06:30 New York = 11:30 London: Dana is still teaching.
    const clash = { ...online, days: [{ date, start: '06:30', end: '07:00' }] };
    await expectAppError(
      session(clash),
      'INSTRUCTOR_CONFLICT',
      /Dana Whitfield already teaches First Aid at Work/,
    );
    const overridden = await session({ ...clash, override: { reason: 'Dana teaches both rooms by video' } });
    expect(overridden.overriddenConflicts).toHaveLength(1);
    const audit = await t.db.prisma.auditEvent.findFirst({
      where: { entityId: overridden.sessionId, action: 'session.conflict_overridden' },
    });
    expect(audit?.after).toMatchObject({ reason: 'Dana teaches both rooms by video' });
    const row = await t.db.prisma.sessionInstructor.findFirstOrThrow({
      where: { sessionId: overridden.sessionId },
    });
    expect(row.conflictOverridden).toBe(true);
  });

  it('assigning an instructor who is on leave or teaching elsewhere, with the override path', async () => {
    const date = nextDate();
    const a = await session({ days: [{ date, start: '09:00', end: '12:00' }] });
    const b = await session({
      days: [{ date, start: '10:00', end: '11:00' }],
      instructors: [{ personId: lee.personId }],
    });
    await expectAppError(
      assignInstructor(deps, admin, { sessionId: b.sessionId, personId: dana.personId, role: 'co' }),
      'INSTRUCTOR_CONFLICT',
    );
    const done = await assignInstructor(deps, admin, {
      sessionId: b.sessionId,
      personId: dana.personId,
      role: 'co',
      override: { reason: 'short overlap agreed' },
    });
    const audit = await t.db.prisma.auditEvent.findFirst({
      where: { entityId: done.sessionInstructorId, action: 'session.instructor_conflict_overridden' },
    });
    expect(audit).toMatchObject({ actorId: admin.personId, after: { reason: 'short overlap agreed' } });
    await expectAppError(
      assignInstructor(deps, admin, {
        sessionId: b.sessionId,
        personId: dana.personId,
        override: { reason: 'x' },
      }),
      'CONFLICT',
      /already an instructor/,
    );
    await expectAppError(
      assignInstructor(deps, admin, { sessionId: a.sessionId, personId: learner.personId }),
      'VALIDATION',
      /not an instructor/,
    );

    const leaveDate = nextDate();
    await recordAvailability(deps, lee, {
      kind: 'leave',
      startsAt: new Date(`${leaveDate}T00:00:00Z`),
      endsAt: new Date(`${leaveDate}T23:59:00Z`),
      note: 'holiday',
    });
    await expectAppError(
      session({
        days: [{ date: leaveDate, start: '09:00', end: '12:00' }],
        instructors: [{ personId: lee.personId }],
      }),
      'INSTRUCTOR_CONFLICT',
      /on leave .*holiday/,
    );
  });

  it('a double-booked venue, bad capacity, bad times, unknown zones and non-admins', async () => {
    const date = nextDate();
    const venue = await makeVenue(t.db, { capacity: 10 });
    await session({ venueId: venue.id, days: [{ date, start: '09:00', end: '12:00' }] });
    await expectAppError(
      session({
        venueId: venue.id,
        days: [{ date, start: '11:00', end: '13:00' }],
        instructors: [{ personId: lee.personId }],
      }),
      'VENUE_CONFLICT',
      /venue already holds/,
    );
    await expectAppError(session({ venueId: venue.id, capacity: 11 }), 'VALIDATION', /holds at most 10/);
    await expectAppError(session({ capacity: 0 }), 'VALIDATION', /at least 1/);
    await expectAppError(
      session({ days: [{ date: nextDate(), start: '12:00', end: '09:00' }] }),
      'VALIDATION',
      /not after the start/,
    );
    await expectAppError(
      session({ days: [{ date: '2026-11-01', start: '09:00', end: '10:00' }] }),
      'VALIDATION',
      /in the past/,
    );
    await expectAppError(session({ timeZone: 'Mars/Olympus' }), 'VALIDATION', /not an IANA time zone/);
    await expectAppError(session({ venueId: undefined }), 'VALIDATION', /venue or a meeting link/);
    const course = await makeCourse(t.db);
    await expectAppError(
      scheduleSession(deps, learner, {
        courseId: course.id,
        capacity: 1,
        timeZone: 'UTC',
        meetingUrl: 'x',
        days: [],
        instructors: [],
      }),
      'FORBIDDEN',
    );
  });
});
