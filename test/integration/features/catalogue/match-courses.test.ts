/** The conversation's course look-ups: matchCourses, getCourse and findProgramme on a real catalogue. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../../src/deps.ts';
import { findProgramme, getCourse, matchCourses } from '../../../../src/features/catalogue/index.ts';
import type { Actor } from '../../../../src/features/people/index.ts';
import { expectAppError } from '../../../helpers/expect-app-error.ts';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { makeCourse, makePerson } from '../../../helpers/tms-fixtures.ts';

let t: TestDb;
let deps: Deps;
let learner: Actor;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDb();
  deps = testDeps(t.db, new Date('2026-11-28T09:00:00Z'));
  learner = await makePerson(t.db);
  for (const [key, data] of Object.entries({
    firstAid: { code: 'FA-101', title: 'First Aid at Work', tags: ['safety', 'first aid'] },
    theory: { code: 'FL-101', title: 'Forklift Theory', tags: ['forklift'], kind: 'elearning' as const },
    practical: { code: 'FL-201', title: 'Forklift Practical Assessment', tags: ['forklift'] },
    retired: { code: 'OLD-1', title: 'First Aid Refresher', active: false },
  }))
    ids[key] = (await makeCourse(t.db, data)).id;
  await t.db.prisma.programme.create({
    data: { code: 'LEAD', title: 'Leadership Programme', kind: 'programme' },
  });
});
afterAll(async () => t?.drop());

describe('matchCourses', () => {
  it('finds the course a phrase means, forgiving a typo, and never a retired one', async () => {
    expect((await matchCourses(deps, learner, { text: 'first aid' })).best.map((m) => m.code)).toEqual([
      'FA-101',
    ]);
    expect((await matchCourses(deps, learner, { text: 'forklfit theory' })).best[0]?.code).toBe('FL-101');
    const all = await matchCourses(deps, learner, { text: 'refresher' });
    expect(all.matches.map((m) => m.id)).not.toContain(ids.retired);
  });

  it('keeps every clear winner: "forklift" means the theory and the practical', async () => {
    const { best } = await matchCourses(deps, learner, { text: 'forklift' });
    expect(best.map((m) => m.code).sort()).toEqual(['FL-101', 'FL-201']);
  });

  it('answers nothing for an empty or unrelated phrase', async () => {
    expect(await matchCourses(deps, learner, { text: '  ' })).toEqual({ matches: [], best: [] });
    expect((await matchCourses(deps, learner, { text: 'quantum basket weaving' })).best).toEqual([]);
  });
});

describe('getCourse and findProgramme', () => {
  it('reads a course with whether it has content, and refuses an unknown id', async () => {
    expect(await getCourse(deps, learner, { courseId: ids.theory! })).toMatchObject({
      code: 'FL-101',
      kind: 'elearning',
      hasContent: false,
    });
    await expectAppError(getCourse(deps, learner, { courseId: 'not-an-id' }), 'NOT_FOUND');
    await expectAppError(
      getCourse(deps, learner, { courseId: '00000000-0000-4000-8000-000000000000' }),
      'NOT_FOUND',
    );
  });

  it('finds a programme by code or title phrase', async () => {
    expect(await findProgramme(deps, learner, { text: 'lead' })).toMatchObject({
      title: 'Leadership Programme',
    });
    expect(await findProgramme(deps, learner, { text: 'leadership' })).toMatchObject({
      title: 'Leadership Programme',
    });
    expect(await findProgramme(deps, learner, { text: 'finance' })).toBeUndefined();
  });
});
