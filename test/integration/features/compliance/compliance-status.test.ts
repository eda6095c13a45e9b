/**
 * Compliance from the one learner record: an eLearning module plus a live session
 * attendance, point-in-time status for auditors, any_of vs all_of, and who may see whom.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { loadActor, type Actor } from '../../../../src/features/people/actor.ts';
import {
  complianceStatus,
  type ComplianceRow,
} from '../../../../src/features/compliance/compliance-status.ts';
import { complianceReport } from '../../../../src/features/compliance/compliance-report.ts';
import { AppError } from '../../../../src/shared/app-error.ts';
import { findDepartment } from '../../../../src/features/compliance/find-department.ts';
import {
  attendedRegistration,
  buildOrg,
  complete,
  scormAttempt,
  type Org,
} from '../../../helpers/lms-fixture.ts';

const NOW = new Date('2026-11-28T09:00:00Z');

describe('compliance status', () => {
  let t: TestDb;
  let org: Org;
  const actors: Record<string, Actor> = {};
  const deps = () => testDeps(t.db, NOW);
  const forkliftFor = async (personId: string, asOf?: Date): Promise<ComplianceRow> => {
    const { rows } = await complianceStatus(deps(), actors.avery!, {
      scope: { kind: 'person', personId },
      asOf,
      requirementCodes: ['FORKLIFT'],
    });
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  beforeAll(async () => {
    t = await createTestDb();
    org = await buildOrg(t.db.prisma);
    for (const [key, p] of Object.entries(org.people)) actors[key] = await loadActor(t.db.prisma, p.id);
  });
  afterAll(async () => t?.drop());

  it('needs both the eLearning module and the practical attendance, unexpired; point-in-time is right', async () => {
    const prisma = t.db.prisma;
    const { kofi } = org.people;
    const theoryAt = new Date('2025-06-01T10:00:00Z');
    const practicalAt = new Date('2025-08-01T16:00:00Z');

    // Hired 2025-01-01 with 30 days to comply: due in January, overdue after.
    expect((await forkliftFor(kofi.id, new Date('2025-01-20T00:00:00Z'))).status).toBe('due');
    expect((await forkliftFor(kofi.id, new Date('2025-01-20T00:00:00Z'))).dueAt).toEqual(
      new Date('2025-01-31T00:00:00Z'),
    );
    // Before the hire date the requirement did not apply to him.
    expect((await forkliftFor(kofi.id, new Date('2024-12-01T00:00:00Z'))).status).toBe('not_applicable');

    const attempt = await scormAttempt(prisma, kofi.id, org.courses.flTheory.id, theoryAt, 1);
    const theory = await complete(prisma, deps().clock, {
      personId: kofi.id,
      courseId: org.courses.flTheory.id,
      source: 'scorm',
      attemptId: attempt.id,
      completedAt: theoryAt,
      percent: 100,
    });
    // Theory alone is not enough.
    const theoryOnly = await forkliftFor(kofi.id, new Date('2025-07-01T00:00:00Z'));
    expect(theoryOnly.status).toBe('overdue');
    expect(theoryOnly.evidence.map((e) => [e.courseCode, e.completionId])).toEqual([
      ['FL-101', theory.completionId],
      ['FL-201', null],
    ]);

    const registration = await attendedRegistration(prisma, kofi.id, org.courses.flPractical.id, practicalAt);
    const practical = await complete(prisma, deps().clock, {
      personId: kofi.id,
      courseId: org.courses.flPractical.id,
      source: 'attendance',
      registrationId: registration.id,
      completedAt: practicalAt,
    });
    expect(practical.kind === 'recorded' && practical.certificate).toBeTruthy();

    // Both present and valid: compliant, expiring at the earlier expiry (theory, 12 months).
    const both = await forkliftFor(kofi.id, new Date('2025-09-01T00:00:00Z'));
    expect(both.status).toBe('compliant');
    expect(both.expiresAt).toEqual(new Date('2026-06-01T10:00:00Z'));
    expect(both.evidence.map((e) => [e.courseCode, e.completionId, e.source])).toEqual([
      ['FL-101', theory.completionId, 'scorm'],
      ['FL-201', practical.completionId, 'attendance'],
    ]);
    // Before the practical happened, an auditor sees it was not yet met.
    expect((await forkliftFor(kofi.id, new Date('2025-07-31T00:00:00Z'))).status).toBe('overdue');
    // Within 60 days of the theory lapsing: expiring.
    expect((await forkliftFor(kofi.id, new Date('2026-05-01T00:00:00Z'))).status).toBe('expiring');
    // Theory lapsed on 1 June 2026; 30 days of grace, then overdue.
    const inGrace = await forkliftFor(kofi.id, new Date('2026-06-15T00:00:00Z'));
    expect(inGrace).toMatchObject({ status: 'due', dueAt: new Date('2026-07-01T10:00:00Z') });
    expect((await forkliftFor(kofi.id)).status).toBe('overdue');

    // Renewing the theory today makes him compliant now, and changes no past answer.
    const renewal = await complete(prisma, deps().clock, {
      personId: kofi.id,
      courseId: org.courses.flTheory.id,
      source: 'manual',
      reason: 'Paper test on site',
      recordedById: org.people.avery.id,
      completedAt: new Date('2026-11-27T12:00:00Z'),
    });
    const now = await forkliftFor(kofi.id);
    expect(now.status).toBe('compliant');
    expect(now.evidence[0]!.completionId).toBe(renewal.completionId);
    const past = await forkliftFor(kofi.id, new Date('2025-09-01T00:00:00Z'));
    expect(past.status).toBe('compliant');
    expect(past.evidence[0]!.completionId).toBe(theory.completionId);
    expect((await forkliftFor(kofi.id, new Date('2026-06-15T00:00:00Z'))).status).toBe('due');
  });

  it('any_of is met by either course; requirement validity overrides the course validity', async () => {
    const prisma = t.db.prisma;
    const { flTheory, flPractical } = org.courses;
    await prisma.complianceRequirement.create({
      data: {
        code: 'FORKLIFT-ANY',
        name: 'Any forklift training',
        mode: 'any_of',
        jobRole: 'Forklift Operator',
        courses: { create: [{ courseId: flTheory.id }, { courseId: flPractical.id }] },
      },
    });
    await prisma.complianceRequirement.create({
      data: {
        code: 'FORKLIFT-6M',
        name: 'Practical, every 6 months',
        validityMonths: 6,
        graceDays: 0,
        jobRole: 'Forklift Operator',
        courses: { create: [{ courseId: flPractical.id }] },
      },
    });
    const { rows } = await complianceStatus(deps(), actors.kofi!, {
      scope: { kind: 'person', personId: org.people.kofi.id },
      asOf: new Date('2026-07-01T00:00:00Z'),
      requirementCodes: ['FORKLIFT-ANY', 'FORKLIFT-6M', 'FORKLIFT'],
    });
    const byCode = Object.fromEntries(rows.map((r) => [r.requirementCode, r]));
    // Theory lapsed on 1 June but the practical (36 months) still counts for any_of.
    expect(byCode['FORKLIFT-ANY']).toMatchObject({
      status: 'compliant',
      expiresAt: new Date('2028-08-01T16:00:00Z'),
    });
    expect(byCode.FORKLIFT!.status).toBe('due');
    // 6-month validity from 1 Aug 2025 lapsed 1 Feb 2026, no grace: overdue.
    expect(byCode['FORKLIFT-6M']).toMatchObject({
      status: 'overdue',
      expiresAt: new Date('2026-02-01T16:00:00Z'),
    });
    await prisma.complianceRequirement.deleteMany({
      where: { code: { in: ['FORKLIFT-ANY', 'FORKLIFT-6M'] } },
    });
  });

  it('a manager sees their whole reporting line and nobody else; an employee only themself', async () => {
    const d = deps();
    const { olivia, tom, kofi, priya, maya, marcus } = org.people;
    const people = (rows: ComplianceRow[]) => [...new Set(rows.map((r) => r.personName))].sort();

    const oliviaLine = await complianceStatus(d, actors.olivia!, {
      scope: { kind: 'manager_line', managerId: olivia.id },
    });
    expect(people(oliviaLine.rows)).toEqual(['Kofi Mensah', 'Tom Fletcher']);
    // A sub-line inside her own line is fine.
    const tomLine = await complianceStatus(d, actors.olivia!, {
      scope: { kind: 'manager_line', managerId: tom.id },
    });
    expect(people(tomLine.rows)).toEqual(['Kofi Mensah']);
    // Tom is Kofi's manager: Kofi yes, his own manager's line no, another line no.
    await expect(
      complianceStatus(d, actors.tom!, { scope: { kind: 'person', personId: kofi.id } }),
    ).resolves.toBeTruthy();
    await expectForbidden(
      complianceStatus(d, actors.tom!, { scope: { kind: 'manager_line', managerId: olivia.id } }),
    );
    await expectForbidden(
      complianceStatus(d, actors.olivia!, { scope: { kind: 'person', personId: priya.id } }),
    );
    await expectForbidden(
      complianceStatus(d, actors.olivia!, { scope: { kind: 'manager_line', managerId: maya.id } }),
    );
    await expectForbidden(
      complianceStatus(d, actors.maya!, {
        scope: { kind: 'department', departmentId: org.departments.sales.id },
      }),
    );
    // Employees: themselves only.
    const own = await complianceStatus(d, actors.priya!, { scope: { kind: 'person', personId: priya.id } });
    expect(people(own.rows)).toEqual(['Priya Shah']);
    await expectForbidden(
      complianceStatus(d, actors.priya!, { scope: { kind: 'person', personId: org.people.sam.id } }),
    );
    await expectForbidden(
      complianceStatus(d, actors.priya!, { scope: { kind: 'manager_line', managerId: maya.id } }),
    );
    await expectForbidden(complianceStatus(d, actors.priya!, { scope: { kind: 'everyone' } }));
    // Admin: department and everyone.
    const sales = await complianceStatus(d, actors.avery!, {
      scope: { kind: 'department', departmentId: org.departments.sales.id },
    });
    expect(people(sales.rows)).toEqual(['Marcus Reed', 'Maya Chen', 'Priya Shah', 'Sam Brooks']);
    const everyone = await complianceReport(d, actors.avery!, {
      scope: { kind: 'everyone' },
      detail: 'summary',
    });
    expect(everyone.summary.find((s) => s.requirementCode === 'DATA-PROTECTION')!.total).toBe(8);
    expect(everyone.summary.find((s) => s.requirementCode === 'FORKLIFT')!.total).toBe(1);
    void marcus;
  });

  it('filters by status for "who expires in the next 60 days?"', async () => {
    const asOf = new Date('2026-05-01T00:00:00Z');
    const { rows } = await complianceStatus(deps(), actors.olivia!, {
      scope: { kind: 'manager_line', managerId: org.people.olivia.id },
      asOf,
      statuses: ['expiring'],
    });
    expect(rows.map((r) => [r.personName, r.requirementCode, r.status])).toEqual([
      ['Kofi Mensah', 'FORKLIFT', 'expiring'],
    ]);
    const none = await complianceStatus(deps(), actors.olivia!, {
      scope: { kind: 'manager_line', managerId: org.people.olivia.id },
      asOf,
      statuses: ['compliant'],
    });
    expect(none.rows).toEqual([]);
  });

  it('finds a department by the name people use', async () => {
    expect(await findDepartment(deps(), actors.maya!, { name: ' operations ' })).toEqual({
      id: org.departments.ops.id,
      name: 'Operations',
    });
    expect((await findDepartment(deps(), actors.maya!, { name: 'sales team' })).name).toBe('Sales');
    await expect(findDepartment(deps(), actors.maya!, { name: 'Marketing' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      userMessage: expect.stringMatching(/Operations, Sales/),
    });
  });

  it('summary and rows agree for the whole organisation', async () => {
    const d = deps();
    const summary = await complianceReport(d, actors.avery!, {
      scope: { kind: 'everyone' },
      detail: 'summary',
    });
    const rows = await complianceReport(d, actors.avery!, { scope: { kind: 'everyone' }, detail: 'rows' });
    expect(rows.summary).toEqual(summary.summary);
    expect(rows.totals).toEqual(summary.totals);
    expect(rows.truncated).toBe(false);
    // A capped answer says so, and its counts still cover everyone.
    const capped = await complianceReport(d, actors.avery!, {
      scope: { kind: 'everyone' },
      detail: 'csv',
      maxRows: 3,
    });
    expect(capped.rows).toHaveLength(3);
    expect(capped.truncated).toBe(true);
    expect(capped.totals).toEqual(summary.totals);
  });
});

async function expectForbidden(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('FORBIDDEN');
}
