/** Finding people by name for the conversation: reporting line first, role filter, ids to names. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../../src/deps.ts';
import {
  type Actor,
  describePeople,
  findPeople,
  identifyActor,
} from '../../../../src/features/people/index.ts';
import { expectAppError } from '../../../helpers/expect-app-error.ts';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { makePerson } from '../../../helpers/tms-fixtures.ts';

let t: TestDb;
let deps: Deps;
let manager: Actor;
let ourSam: Actor;
let otherSam: Actor;
let samTheInstructor: Actor;

beforeAll(async () => {
  t = await createTestDb();
  deps = testDeps(t.db, new Date('2026-11-28T09:00:00Z'));
  const boss = await makePerson(t.db, { name: 'Morgan Lead' });
  ourSam = await makePerson(t.db, { name: 'Sam Brooks', managerId: boss.personId });
  otherSam = await makePerson(t.db, { name: 'Sam Ortiz' });
  samTheInstructor = await makePerson(t.db, { name: 'Samira Patel', roles: ['employee', 'instructor'] });
  manager = await identifyActor(deps, boss.personId);
});
afterAll(async () => t?.drop());

describe('findPeople', () => {
  it("puts the asker's own reporting line first: Sam to Sam's manager is their Sam", async () => {
    expect((await findPeople(deps, manager, { name: 'Sam' })).map((p) => p.id)).toEqual([ourSam.personId]);
    expect((await findPeople(deps, manager, { name: "Sam's" })).map((p) => p.id)).toEqual([ourSam.personId]);
  });

  it('lists everyone who matches for someone with no such report', async () => {
    const names = (await findPeople(deps, otherSam, { name: 'sam' })).map((p) => p.name);
    expect(names).toEqual(['Sam Brooks', 'Sam Ortiz', 'Samira Patel']);
  });

  it('narrows by role and ignores one-letter names', async () => {
    expect((await findPeople(deps, manager, { name: 'sam', role: 'instructor' })).map((p) => p.id)).toEqual([
      samTheInstructor.personId,
    ]);
    expect(await findPeople(deps, manager, { name: 's' })).toEqual([]);
  });
});

describe('describePeople and identifyActor', () => {
  it('names people by id in name order, skipping unknown and malformed ids', async () => {
    const people = await describePeople(deps, manager, {
      personIds: [otherSam.personId, ourSam.personId, 'nope', '00000000-0000-4000-8000-000000000000'],
    });
    expect(people.map((p) => p.name)).toEqual(['Sam Brooks', 'Sam Ortiz']);
  });

  it('refuses an inactive person', async () => {
    await t.db.prisma.person.update({ where: { id: otherSam.personId }, data: { status: 'inactive' } });
    await expectAppError(identifyActor(deps, otherSam.personId), 'NOT_FOUND');
  });
});
