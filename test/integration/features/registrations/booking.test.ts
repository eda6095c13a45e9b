import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { makeCourse, makePeople, makePerson, makeVenue } from '../../../helpers/tms-fixtures.ts';
import { scheduleSession } from '../../../../src/features/sessions/schedule-session.ts';
import { bookSession, type BookSessionResult } from '../../../../src/features/registrations/book-session.ts';
import { cancelRegistration } from '../../../../src/features/registrations/cancel-registration.ts';
import { loadActor, type Actor } from '../../../../src/features/people/actor.ts';

let t: TestDb;
let deps: ReturnType<typeof testDeps>;
let admin: Actor;
let instructor: Actor;

beforeAll(async () => {
  t = await createTestDb();
  deps = testDeps(t.db, new Date('2026-11-28T09:00:00Z'));
  admin = await makePerson(t.db, { roles: ['employee', 'admin'] });
  instructor = await makePerson(t.db, { roles: ['employee', 'instructor'] });
});
afterAll(async () => t?.drop());

describe('booking', () => {
  it('confirms, waitlists, and promotes on cancel', async () => {
    const course = await makeCourse(t.db);
    const venue = await makeVenue(t.db);
    const s = await scheduleSession(deps, admin, {
      courseId: course.id,
      venueId: venue.id,
      capacity: 2,
      days: [{ date: '2026-12-08', start: '09:00', end: '12:00' }],
      instructors: [{ personId: instructor.personId }],
    });
    const ids = await makePeople(t.db, 4);
    const actors = await Promise.all(ids.map((id) => loadActor(t.db.prisma, id)));
    const results: BookSessionResult[] = [];
    for (const a of actors) results.push(await bookSession(deps, a, { sessionId: s.sessionId }));
    expect(results.map((r) => r.kind)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    const cancel = await cancelRegistration(deps, actors[0]!, {
      registrationId: results[0]!.registrationId,
      reason: 'ill',
    });
    expect(cancel.fills).toEqual([
      { kind: 'promoted', registrationId: results[2]!.registrationId, personId: ids[2] },
    ]);
  });
});
