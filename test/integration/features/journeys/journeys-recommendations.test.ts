/** Learning journeys (steps open in order) and explainable recommendations. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { loadActor, type Actor } from '../../../../src/features/people/actor.ts';
import { startJourney } from '../../../../src/features/journeys/start-journey.ts';
import { journeyProgress } from '../../../../src/features/journeys/journey-progress.ts';
import { assertJourneyStepOpen } from '../../../../src/features/journeys/assert-journey-step-open.ts';
import { recommendCourses } from '../../../../src/features/learning/recommend-courses.ts';
import { assignCourse } from '../../../../src/features/assignments/assign-course.ts';
import { findCourses } from '../../../../src/features/catalogue/find-courses.ts';
import { saveCourse } from '../../../../src/features/catalogue/save-course.ts';
import { addDays } from '../../../../src/shared/time.ts';
import { buildOrg, complete, type Org } from '../../../helpers/lms-fixture.ts';

const NOW = new Date('2026-11-28T09:00:00Z');

describe('journeys and recommendations', () => {
  let t: TestDb;
  let org: Org;
  const a: Record<string, Actor> = {};
  const deps = () => testDeps(t.db, NOW);
  const manual = (personId: string, courseId: string, daysAgo = 1) =>
    complete(t.db.prisma, deps().clock, {
      personId,
      courseId,
      source: 'manual',
      reason: 'test',
      completedAt: addDays(NOW, -daysAgo),
    });

  beforeAll(async () => {
    t = await createTestDb();
    org = await buildOrg(t.db.prisma);
    for (const [key, p] of Object.entries(org.people)) a[key] = await loadActor(t.db.prisma, p.id);
    const { gdpr, excel, firstAid } = org.courses;
    await t.db.prisma.programme.create({
      data: {
        code: 'NEW-STARTER',
        title: 'New Starter',
        kind: 'journey',
        steps: {
          create: [
            { position: 1, courseId: gdpr.id, requiresPrevious: false, dueAfterDays: 7 },
            { position: 2, courseId: excel.id, dueAfterDays: 14 },
            { position: 3, courseId: firstAid.id, dueAfterDays: 30 },
          ],
        },
      },
    });
  });
  afterAll(async () => t?.drop());

  it('steps open one after another, and booking checks call assertJourneyStepOpen', async () => {
    const prisma = t.db.prisma;
    const { priya } = org.people;
    const { gdpr, excel, firstAid } = org.courses;
    // Not on the journey yet: nothing to enforce beyond course prerequisites.
    await expect(assertJourneyStepOpen(prisma, priya.id, excel.id)).resolves.toBeUndefined();
    await expect(
      startJourney(deps(), a.maya!, { personId: org.people.kofi.id, programmeCode: 'NEW-STARTER' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(startJourney(deps(), a.priya!, { programmeCode: 'NOPE' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const started = await startJourney(deps(), a.maya!, { personId: priya.id, programmeCode: 'new-starter' });
    expect(started.kind).toBe('started');
    expect(started.progress.steps.map((s) => [s.courseCode, s.status, s.dueAt])).toEqual([
      ['GDPR-101', 'available', addDays(NOW, 7)],
      ['XL-110', 'locked', addDays(NOW, 14)],
      ['FA-101', 'locked', addDays(NOW, 30)],
    ]);
    expect(started.progress.next?.courseCode).toBe('GDPR-101');
    expect((await startJourney(deps(), a.priya!, { programmeCode: 'NEW-STARTER' })).kind).toBe(
      'already_started',
    );

    await expect(assertJourneyStepOpen(prisma, priya.id, excel.id)).rejects.toMatchObject({
      code: 'PREREQUISITE_MISSING',
      userMessage: expect.stringMatching(/GDPR Basics/),
    });
    await manual(priya.id, gdpr.id);
    await expect(assertJourneyStepOpen(prisma, priya.id, excel.id)).resolves.toBeUndefined();
    await expect(assertJourneyStepOpen(prisma, priya.id, firstAid.id)).rejects.toMatchObject({
      userMessage: expect.stringMatching(/Excel Essentials/),
    });
    const mid = await journeyProgress(deps(), a.priya!, { programmeCode: 'NEW-STARTER' });
    expect(mid.steps.map((s) => s.status)).toEqual(['completed', 'available', 'locked']);
    expect(mid.next?.courseCode).toBe('XL-110');
    await manual(priya.id, excel.id);
    await manual(priya.id, firstAid.id);
    const done = await journeyProgress(deps(), a.maya!, { personId: priya.id, programmeCode: 'NEW-STARTER' });
    expect(done).toMatchObject({ finished: true, next: null });
    // Someone else's journey state is private.
    await expect(
      journeyProgress(deps(), a.sam!, { personId: priya.id, programmeCode: 'NEW-STARTER' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('course prerequisites are enforced for everyone', async () => {
    const { kofi } = org.people;
    await expect(
      assertJourneyStepOpen(t.db.prisma, kofi.id, org.courses.flPractical.id),
    ).rejects.toMatchObject({
      code: 'PREREQUISITE_MISSING',
      userMessage: expect.stringMatching(/Forklift Theory \(FL-101\)/),
    });
    await manual(kofi.id, org.courses.flTheory.id);
    await expect(
      assertJourneyStepOpen(t.db.prisma, kofi.id, org.courses.flPractical.id),
    ).resolves.toBeUndefined();
  });

  it('recommends required-but-missing first, then assigned, related and peers, each with its reason', async () => {
    const { sam, tom } = org.people;
    const { excel, firstAid, flTheory, gdpr } = org.courses;
    await assignCourse(deps(), a.avery!, { courseId: excel.id, personIds: [sam.id], dueAt: addDays(NOW, 9) });
    await manual(tom.id, gdpr.id); // not a peer of Sam: other job role
    await manual(org.people.priya.id, firstAid.id, 3); // Priya is also an Account Executive (already did it above too)
    let recs = await recommendCourses(deps(), a.sam!, {});
    expect(recs.slice(0, 2)).toEqual([
      expect.objectContaining({
        courseCode: 'GDPR-101',
        reason: 'required',
        because: 'Required for Data protection (annual): overdue',
      }),
      expect.objectContaining({
        courseCode: 'XL-110',
        reason: 'assigned',
        because: 'Assigned to you, due 2026-12-07',
      }),
    ]);
    expect(recs.find((r) => r.courseCode === 'FA-101')).toMatchObject({
      reason: 'peers',
      because: '1 colleague who are also Account Executive took it',
    });

    await manual(sam.id, flTheory.id);
    recs = await recommendCourses(deps(), a.sam!, {});
    expect(recs.find((r) => r.courseCode === 'FL-201')).toMatchObject({
      reason: 'related',
      because: expect.stringMatching(
        /Because you completed Forklift Theory \((safety, forklift|forklift, safety)\)/,
      ),
    });
    expect(recs.find((r) => r.courseCode === 'FL-101')).toBeUndefined();
    await expect(recommendCourses(deps(), a.sam!, { personId: org.people.priya.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('admins add and edit courses; prerequisite loops are refused and change nothing', async () => {
    const created = await saveCourse(deps(), a.avery!, {
      course: {
        code: 'bl-300',
        title: 'Financial Modelling (blended)',
        kind: 'blended',
        tags: ['Modelling'],
        validityMonths: 24,
        prerequisiteCodes: ['xl-110'],
      },
    });
    expect(created).toMatchObject({
      kind: 'created',
      course: { code: 'BL-300', kind: 'blended', tags: ['modelling'], prerequisites: [{ code: 'XL-110' }] },
    });
    const updated = await saveCourse(deps(), a.avery!, {
      course: { code: 'BL-300', title: 'Financial Modelling', kind: 'blended' },
    });
    expect(updated).toMatchObject({
      kind: 'updated',
      course: { title: 'Financial Modelling', prerequisites: [] },
    });
    await expect(
      saveCourse(deps(), a.avery!, {
        course: {
          code: 'FL-101',
          title: 'Forklift Theory',
          kind: 'elearning',
          prerequisiteCodes: ['FL-201'],
        },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', userMessage: expect.stringMatching(/loop/) });
    expect(await t.db.prisma.coursePrerequisite.count({ where: { courseId: org.courses.flTheory.id } })).toBe(
      0,
    );
    await expect(
      saveCourse(deps(), a.avery!, {
        course: { code: 'X-1', title: 'x', kind: 'ilt', prerequisiteCodes: ['NOPE'] },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      saveCourse(deps(), a.avery!, { course: { code: 'bad code!', title: 'x', kind: 'ilt' } }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      saveCourse(deps(), a.maya!, { course: { code: 'X-2', title: 'x', kind: 'ilt' } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('finds courses the way people say them', async () => {
    const find = (query: string) => findCourses(deps(), a.sam!, { query });
    expect(await find('first aid')).toMatchObject({
      kind: 'match',
      course: { code: 'FA-101', prerequisites: [] },
    });
    expect(await find('the excel one')).toMatchObject({ kind: 'match', course: { code: 'XL-110' } });
    expect(await find('gdpr')).toMatchObject({ kind: 'match', course: { code: 'GDPR-101' } });
    expect(await find('fl-201')).toMatchObject({
      kind: 'match',
      course: { code: 'FL-201', prerequisites: [{ code: 'FL-101', title: 'Forklift Theory' }] },
    });
    const forklift = await find('forklift');
    expect(forklift.kind).toBe('ambiguous');
    if (forklift.kind === 'ambiguous')
      expect(forklift.courses.map((c) => c.code)).toEqual(['FL-101', 'FL-201']);
    expect(await find('underwater basket weaving')).toEqual({
      kind: 'none',
      query: 'underwater basket weaving',
    });
    await expect(find('   ')).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
