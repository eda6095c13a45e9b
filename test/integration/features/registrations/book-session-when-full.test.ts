/**
 * A caller that wants to ask before queueing ("it is full: waitlist?") learns the session is
 * full from bookSession itself, decided under the session lock, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../../src/deps.ts';
import type { Actor } from '../../../../src/features/people/index.ts';
import { bookSession } from '../../../../src/features/registrations/index.ts';
import { scheduleSession } from '../../../../src/features/sessions/index.ts';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { makeCourse, makePerson, makeVenue } from '../../../helpers/tms-fixtures.ts';

let t: TestDb;
let deps: Deps;
let first: Actor;
let second: Actor;
let third: Actor;
let sessionId: string;

beforeAll(async () => {
  t = await createTestDb();
  deps = testDeps(t.db, new Date('2026-11-28T09:00:00Z'));
  const admin = await makePerson(t.db, { roles: ['employee', 'admin'] });
  [first, second, third] = [await makePerson(t.db), await makePerson(t.db), await makePerson(t.db)];
  sessionId = (
    await scheduleSession(deps, admin, {
      courseId: (await makeCourse(t.db)).id,
      venueId: (await makeVenue(t.db)).id,
      capacity: 1,
      days: [{ date: '2026-12-08', start: '09:00', end: '12:00' }],
      instructors: [{ personId: (await makePerson(t.db, { roles: ['employee', 'instructor'] })).personId }],
    })
  ).sessionId;
});
afterAll(async () => t?.drop());

describe("bookSession's whenFull", () => {
  it('books a free seat as usual when asked to report a full session', async () => {
    expect(await bookSession(deps, first!, { sessionId, whenFull: 'report' })).toMatchObject({
      kind: 'confirmed',
    });
  });

  it('reports a full session with the queue length and writes nothing', async () => {
    await bookSession(deps, second!, { sessionId }); // the default: waitlisted
    expect(await bookSession(deps, third!, { sessionId, whenFull: 'report' })).toEqual({
      kind: 'full',
      sessionId,
      waitlisted: 1,
      waitlistMode: 'auto',
    });
    expect(await t.db.prisma.registration.count({ where: { sessionId, personId: third!.personId } })).toBe(0);
  });

  it('queues by default', async () => {
    expect(await bookSession(deps, third!, { sessionId })).toMatchObject({ kind: 'waitlisted', position: 2 });
  });
});
