/**
 * The buttons on a freed-seat notification (accept_offer, decline_offer) are answered by the
 * conversation: the person takes the seat, or passes it to the next one waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../src/deps.ts';
import type { Actor } from '../../../src/features/people/index.ts';
import { bookSession, cancelRegistration } from '../../../src/features/registrations/index.ts';
import { scheduleSession } from '../../../src/features/sessions/index.ts';
import { press } from '../../helpers/conversation.ts';
import { createTestDb, testDeps, type TestDb } from '../../helpers/test-db.ts';
import { makeCourse, makePerson, makeVenue } from '../../helpers/tms-fixtures.ts';

let t: TestDb;
let deps: Deps;
let holder: Actor;
let first: Actor;
let second: Actor;
let sessionId: string;

beforeAll(async () => {
  t = await createTestDb();
  deps = testDeps(t.db, new Date('2026-11-28T09:00:00Z'));
  const admin = await makePerson(t.db, { roles: ['employee', 'admin'] });
  const instructor = await makePerson(t.db, { roles: ['employee', 'instructor'] });
  [holder, first, second] = [await makePerson(t.db), await makePerson(t.db), await makePerson(t.db)];
  const course = await makeCourse(t.db, { title: 'Fire Safety', waitlistMode: 'offer', offerHoldHours: 24 });
  sessionId = (
    await scheduleSession(deps, admin, {
      courseId: course.id,
      venueId: (await makeVenue(t.db)).id,
      capacity: 1,
      days: [{ date: '2026-12-08', start: '09:00', end: '12:00' }],
      instructors: [{ personId: instructor.personId }],
    })
  ).sessionId;
  const held = await bookSession(deps, holder!, { sessionId });
  await bookSession(deps, first!, { sessionId });
  await bookSession(deps, second!, { sessionId });
  await cancelRegistration(deps, holder!, { registrationId: held.registrationId });
});
afterAll(async () => t?.drop());

const registrationOf = (actor: Actor) =>
  t.db.prisma.registration.findFirstOrThrow({ where: { sessionId, personId: actor.personId } });

describe('seat offer buttons', () => {
  it('"No thanks" passes the seat on to the next person waiting', async () => {
    const offered = await registrationOf(first!);
    expect(offered.status).toBe('offered');
    const turn = await press(deps, first!.email, 'decline_offer', offered.id);
    expect(turn.reply.text).toMatch(
      /^No problem: the seat on Fire Safety, .* goes to the next person waiting\.$/,
    );
    expect((await registrationOf(first!)).status).toBe('cancelled');
    expect((await registrationOf(second!)).status).toBe('offered');
  });

  it('"Accept the seat" books it', async () => {
    const offered = await registrationOf(second!);
    const turn = await press(deps, second!.email, 'accept_offer', offered.id);
    expect(turn.reply.text).toMatch(/^You're booked on Fire Safety, /);
    expect((await registrationOf(second!)).status).toBe('confirmed');
  });

  it("refuses someone else's offer without touching it", async () => {
    const other = await registrationOf(second!);
    const turn = await press(deps, first!.email, 'accept_offer', other.id);
    expect(turn.reply.text).toMatch(/only do that for yourself/);
    expect((await registrationOf(second!)).status).toBe('confirmed');
  });
});
