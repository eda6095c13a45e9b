/**
 * The listing options the conversation uses: several courses at once, sessions already
 * running in the window, completed ones for rosters looked back on; and finding a venue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../../src/deps.ts';
import type { Actor } from '../../../../src/features/people/index.ts';
import { findSessions, findVenue, scheduleSession } from '../../../../src/features/sessions/index.ts';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { makeCourse, makePerson, makeVenue } from '../../../helpers/tms-fixtures.ts';

let t: TestDb;
let deps: Deps;
let admin: Actor;
const course: Record<string, string> = {};
const session: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDb();
  deps = testDeps(t.db, new Date('2026-11-28T09:00:00Z'));
  admin = await makePerson(t.db, { roles: ['employee', 'admin'] });
  const venue = await makeVenue(t.db, { name: 'Training Room 2' });
  const instructors = [
    { personId: (await makePerson(t.db, { roles: ['employee', 'instructor'] })).personId },
  ];
  for (const key of ['theory', 'practical', 'other']) course[key] = (await makeCourse(t.db)).id;
  const schedule = async (
    key: string,
    courseId: string,
    days: { date: string; start: string; end: string }[],
  ) => {
    session[key] = (
      await scheduleSession(deps, admin, { courseId, venueId: venue.id, capacity: 5, days, instructors })
    ).sessionId;
  };
  await schedule('theory', course.theory!, [{ date: '2026-12-01', start: '09:00', end: '12:00' }]);
  await schedule('practical', course.practical!, [{ date: '2026-12-02', start: '09:00', end: '12:00' }]);
  await schedule('other', course.other!, [{ date: '2026-12-03', start: '09:00', end: '12:00' }]);
  await schedule('twoDays', course.other!, [
    { date: '2026-12-07', start: '09:00', end: '17:00' },
    { date: '2026-12-08', start: '09:00', end: '17:00' },
  ]);
});
afterAll(async () => t?.drop());

const ids = (listings: { sessionId: string }[]) => listings.map((l) => l.sessionId);

describe('findSessions for the conversation', () => {
  it('lists the sessions of several courses in one call, soonest first', async () => {
    expect(ids(await findSessions(deps, admin, { courseIds: [course.theory!, course.practical!] }))).toEqual([
      session.theory,
      session.practical,
    ]);
    expect(await findSessions(deps, admin, { courseIds: [] })).toEqual([]);
  });

  it('includes a session already running at the start of the window only when asked', async () => {
    const from = new Date('2026-12-08T08:00:00Z');
    const to = new Date('2026-12-09T00:00:00Z');
    expect(ids(await findSessions(deps, admin, { from, to }))).toEqual([]);
    expect(ids(await findSessions(deps, admin, { from, to, overlapping: true }))).toEqual([session.twoDays]);
  });

  it('includes completed sessions only when asked', async () => {
    await t.db.prisma.session.update({ where: { id: session.theory! }, data: { status: 'completed' } });
    expect(ids(await findSessions(deps, admin, { courseIds: [course.theory!] }))).toEqual([]);
    expect(
      ids(await findSessions(deps, admin, { courseIds: [course.theory!], includeCompleted: true })),
    ).toEqual([session.theory]);
  });
});

describe('findVenue', () => {
  it('finds an active venue by a phrase of its name', async () => {
    expect(await findVenue(deps, admin, { name: 'room 2' })).toMatchObject({
      name: 'Training Room 2',
      capacity: 30,
    });
    expect(await findVenue(deps, admin, { name: 'Room 9' })).toBeUndefined();
  });
});
