/** Who sees whom on a session's roster: instructors and admins everyone, others their own line. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../../src/deps.ts';
import { viewSessionRoster } from '../../../../src/features/attendance/index.ts';
import type { Actor } from '../../../../src/features/people/index.ts';
import { bookSession } from '../../../../src/features/registrations/index.ts';
import { scheduleSession } from '../../../../src/features/sessions/index.ts';
import { expectAppError } from '../../../helpers/expect-app-error.ts';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { makeCourse, makePerson, makeVenue } from '../../../helpers/tms-fixtures.ts';

let t: TestDb;
let deps: Deps;
let admin: Actor;
let instructor: Actor;
let manager: Actor;
let report: Actor;
let stranger: Actor;
let sessionId: string;

beforeAll(async () => {
  t = await createTestDb();
  deps = testDeps(t.db, new Date('2026-11-28T09:00:00Z'));
  admin = await makePerson(t.db, { roles: ['employee', 'admin'] });
  instructor = await makePerson(t.db, { name: 'Ina Instructor', roles: ['employee', 'instructor'] });
  const boss = await makePerson(t.db, { name: 'Mo Manager' });
  report = await makePerson(t.db, { name: 'Rae Report', managerId: boss.personId });
  stranger = await makePerson(t.db, { name: 'Sid Stranger' });
  manager = { ...boss, isManager: true };
  const s = await scheduleSession(deps, admin, {
    courseId: (await makeCourse(t.db)).id,
    venueId: (await makeVenue(t.db)).id,
    capacity: 1,
    days: [{ date: '2026-12-08', start: '09:00', end: '12:00' }],
    instructors: [{ personId: instructor.personId }],
  });
  sessionId = s.sessionId;
  await bookSession(deps, stranger, { sessionId });
  await bookSession(deps, report, { sessionId }); // full: waitlisted
});
afterAll(async () => t?.drop());

const names = async (actor: Actor) => {
  const roster = await viewSessionRoster(deps, actor, { sessionId });
  return { scope: roster.scope, lines: roster.lines.map((l) => `${l.name}:${l.status}`) };
};

describe('viewSessionRoster', () => {
  it('shows the instructor and an admin everyone, seat holders before the waitlist', async () => {
    const everyone = { scope: 'everyone', lines: ['Sid Stranger:confirmed', 'Rae Report:waitlisted'] };
    expect(await names(instructor)).toEqual(everyone);
    expect(await names(admin)).toEqual(everyone);
  });

  it('shows a manager only their reporting line, and anyone else only themself', async () => {
    expect(await names(manager)).toEqual({ scope: 'own_line', lines: ['Rae Report:waitlisted'] });
    expect(await names(stranger)).toEqual({ scope: 'own_line', lines: ['Sid Stranger:confirmed'] });
  });

  it('says NOT_FOUND for an unknown or malformed session id', async () => {
    await expectAppError(viewSessionRoster(deps, stranger, { sessionId: 'x' }), 'NOT_FOUND');
    await expectAppError(
      viewSessionRoster(deps, stranger, { sessionId: '00000000-0000-4000-8000-000000000000' }),
      'NOT_FOUND',
    );
  });
});
