/** Assignment by admins and managers, by rules, for new joiners, and on a transfer. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { loadActor, type Actor } from '../../../../src/features/people/actor.ts';
import { assignCourse } from '../../../../src/features/assignments/assign-course.ts';
import { createAssignmentRule } from '../../../../src/features/assignments/create-assignment-rule.ts';
import { evaluateAssignmentRules } from '../../../../src/features/assignments/evaluate-assignment-rules.ts';
import { runAssignmentRules } from '../../../../src/features/assignments/run-assignment-rules.ts';
import { updatePerson } from '../../../../src/features/assignments/update-person.ts';
import { enrolSelf } from '../../../../src/features/catalogue/enrol-self.ts';
import { myProgress } from '../../../../src/features/learning/my-progress.ts';
import { expectAppError } from '../../../helpers/expect-app-error.ts';
import { addDays } from '../../../../src/shared/time.ts';
import { buildOrg, complete, type Org } from '../../../helpers/lms-fixture.ts';

const NOW = new Date('2026-11-28T09:00:00Z');

describe('assignments', () => {
  let t: TestDb;
  let org: Org;
  const a: Record<string, Actor> = {};
  const deps = () => testDeps(t.db, NOW);

  beforeAll(async () => {
    t = await createTestDb();
    org = await buildOrg(t.db.prisma);
    for (const [key, p] of Object.entries(org.people)) a[key] = await loadActor(t.db.prisma, p.id);
  });
  afterAll(async () => t?.drop());

  it('a rule assigns its whole audience once, with a due date, audit and a message each', async () => {
    const prisma = t.db.prisma;
    const created = await createAssignmentRule(deps(), a.avery!, {
      rule: {
        name: 'Sales: Excel',
        courseId: org.courses.excel.id,
        departmentId: org.departments.sales.id,
        dueInDays: 14,
      },
    });
    expect(created).toMatchObject({ kind: 'created', matched: 4, assigned: 4 });
    const rows = await prisma.enrollment.findMany({ where: { courseId: org.courses.excel.id } });
    expect(rows).toHaveLength(4);
    expect(rows.every((e) => e.source === 'rule' && e.dueAt?.getTime() === addDays(NOW, 14).getTime())).toBe(
      true,
    );
    expect(await prisma.notification.count({ where: { kind: 'enrollment.assigned' } })).toBe(4);
    expect(await prisma.auditEvent.count({ where: { action: 'enrollment.assigned_by_rule' } })).toBe(4);
    // Running again assigns nobody twice.
    const again = await evaluateAssignmentRules(prisma, { now: NOW });
    expect(again.find((o) => o.ruleName === 'Sales: Excel')).toMatchObject({ matched: 4, assigned: 0 });
    expect(await prisma.enrollment.count({ where: { courseId: org.courses.excel.id } })).toBe(4);
  });

  it('a rule matching nobody is saved and says so, without an error', async () => {
    const result = await createAssignmentRule(deps(), a.avery!, {
      rule: { name: 'Astronauts: first aid', courseId: org.courses.firstAid.id, jobRole: 'Astronaut' },
    });
    expect(result.kind).toBe('created_matching_nobody');
    if (result.kind === 'created_matching_nobody') expect(result.message).toMatch(/nobody matches/);
    expect(await t.db.prisma.enrollment.count({ where: { courseId: org.courses.firstAid.id } })).toBe(0);
    await expectAppError(
      createAssignmentRule(deps(), a.maya!, { rule: { name: 'x', courseId: org.courses.excel.id } }),
      'FORBIDDEN',
    );
    await expectAppError(
      createAssignmentRule(deps(), a.avery!, {
        rule: { name: 'x', courseId: org.courses.excel.id, dueInDays: -1 },
      }),
      'VALIDATION',
    );
  });

  it('new joiners are assigned automatically; a valid completion is not assigned again', async () => {
    const prisma = t.db.prisma;
    await createAssignmentRule(deps(), a.avery!, {
      rule: { name: 'New joiners: GDPR', courseId: org.courses.gdpr.id, hiredWithinDays: 30, dueInDays: 30 },
    });
    expect(await prisma.enrollment.count({ where: { courseId: org.courses.gdpr.id } })).toBe(0); // everyone hired long ago
    const newbie = await prisma.person.create({
      data: {
        email: 'new@t.example',
        name: 'Nia New',
        hireDate: addDays(NOW, -3),
        departmentId: org.departments.sales.id,
      },
    });
    const veteran = await prisma.person.create({
      data: { email: 'vet@t.example', name: 'Val Vet', hireDate: addDays(NOW, -5) },
    });
    await complete(prisma, deps().clock, {
      personId: veteran.id,
      courseId: org.courses.gdpr.id,
      source: 'manual',
      reason: 'did it at a sister company',
      completedAt: addDays(NOW, -60),
    });
    const outcome = await evaluateAssignmentRules(prisma, { now: NOW, personIds: [newbie.id, veteran.id] });
    expect(outcome.find((o) => o.ruleName === 'New joiners: GDPR')).toMatchObject({
      matched: 2,
      assigned: 1,
    });
    expect(outcome.find((o) => o.ruleName === 'Sales: Excel')).toMatchObject({ matched: 1, assigned: 1 });
    // The nightly job finds nothing left to do.
    expect(await runAssignmentRules(deps())).toEqual({ rules: 3, assigned: 0 });
    const progress = await myProgress(deps(), await loadActor(prisma, newbie.id), {});
    expect(progress.assigned.map((p) => p.courseCode).sort()).toEqual(['GDPR-101', 'XL-110']);
  });

  it("a transfer assigns the new department's courses and keeps the old assignment as history", async () => {
    const prisma = t.db.prisma;
    await createAssignmentRule(deps(), a.avery!, {
      rule: {
        name: 'Operations: forklift theory',
        courseId: org.courses.flTheory.id,
        departmentId: org.departments.ops.id,
        dueInDays: 21,
      },
    });
    const { sam } = org.people;
    const result = await updatePerson(deps(), a.avery!, {
      personId: sam.id,
      changes: {
        departmentId: org.departments.ops.id,
        jobRole: 'Forklift Operator',
        managerId: org.people.tom.id,
      },
    });
    expect(result.assigned.map((x) => x.courseTitle)).toEqual(['Forklift Theory']);
    expect(result.withdrawn.map((x) => x.courseTitle)).toEqual(['Excel Essentials']);
    const excel = await prisma.enrollment.findMany({
      where: { personId: sam.id, courseId: org.courses.excel.id },
    });
    expect(excel).toEqual([
      expect.objectContaining({ status: 'withdrawn', withdrawReason: expect.stringMatching(/audience/) }),
    ]);
    expect(await prisma.auditEvent.count({ where: { action: 'person.updated', entityId: sam.id } })).toBe(1);
    // Tom now sees Sam; Maya no longer can act for him.
    await expect(
      myProgress(deps(), await loadActor(prisma, org.people.tom.id), { personId: sam.id }),
    ).resolves.toBeTruthy();
    await expectAppError(
      myProgress(deps(), await loadActor(prisma, org.people.maya.id), { personId: sam.id }),
      'FORBIDDEN',
    );
    // A loop in the reporting line is refused.
    await expectAppError(
      updatePerson(deps(), a.avery!, { personId: org.people.olivia.id, changes: { managerId: sam.id } }),
      'VALIDATION',
    );
    await expectAppError(
      updatePerson(deps(), a.maya!, { personId: org.people.priya.id, changes: { jobRole: 'x' } }),
      'FORBIDDEN',
    );
  });

  it('managers assign to their line only; admins to anyone; duplicates are reported, not doubled', async () => {
    const prisma = t.db.prisma;
    const due = addDays(NOW, 10);
    const fromMaya = await assignCourse(deps(), a.maya!, {
      courseId: org.courses.firstAid.id,
      personIds: [org.people.priya.id],
      dueAt: due,
    });
    expect(fromMaya.assigned).toHaveLength(1);
    expect(
      await prisma.enrollment.findUniqueOrThrow({ where: { id: fromMaya.assigned[0]!.enrollmentId } }),
    ).toMatchObject({ source: 'manager', assignedById: org.people.maya.id, dueAt: due });
    await expectAppError(
      assignCourse(deps(), a.maya!, { courseId: org.courses.firstAid.id, personIds: [org.people.kofi.id] }),
      'FORBIDDEN',
    );
    await expectAppError(
      assignCourse(deps(), a.priya!, { courseId: org.courses.firstAid.id, personIds: [org.people.priya.id] }),
      'FORBIDDEN',
    );
    await expectAppError(
      assignCourse(deps(), a.avery!, {
        courseId: org.courses.firstAid.id,
        personIds: [org.people.kofi.id],
        dueAt: addDays(NOW, -1),
      }),
      'VALIDATION',
    );
    await expectAppError(
      assignCourse(deps(), a.avery!, {
        courseId: '00000000-0000-4000-8000-000000000000',
        personIds: [org.people.kofi.id],
      }),
      'NOT_FOUND',
    );
    const fromAdmin = await assignCourse(deps(), a.avery!, {
      courseId: org.courses.firstAid.id,
      personIds: [org.people.priya.id, org.people.kofi.id],
    });
    expect(fromAdmin.assigned.map((x) => x.personId)).toEqual([org.people.kofi.id]);
    expect(fromAdmin.alreadyAssigned).toEqual([
      expect.objectContaining({ personId: org.people.priya.id, dueAt: due }),
    ]);
  });

  it('self-enrolment respects selfEnrol and prerequisites', async () => {
    const { kofi } = org.people;
    await expectAppError(
      enrolSelf(deps(), a.kofi!, { courseId: org.courses.flPractical.id }),
      'PREREQUISITE_MISSING',
    );
    const first = await enrolSelf(deps(), a.marcus!, { courseId: org.courses.gdpr.id });
    expect(first.kind).toBe('enrolled');
    expect((await enrolSelf(deps(), a.marcus!, { courseId: org.courses.gdpr.id })).kind).toBe(
      'already_enrolled',
    );
    await expectAppError(enrolSelf(deps(), a.marcus!, { courseId: org.courses.firstAid.id }), 'FORBIDDEN');
    void kofi;
  });
});
