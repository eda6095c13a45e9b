/**
 * The maintained ComplianceStatus rows answer "now" exactly as the computed SQL does, for
 * every scope, after each kind of write that moves them (a completion over HTTP, two at
 * once, an HR move of department and manager), and after time passes (before and after
 * the nightly sweep). Person.managerPath follows a manager's move for the whole line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { createApp } from '../../../../src/http/app.ts';
import { buildOrg, complete, type Org } from '../../../helpers/lms-fixture.ts';
import { SYSTEM_ACTOR } from '../../../../src/features/people/actor.ts';
import {
  complianceReport,
  complianceStatus,
  sweepComplianceStatuses,
  type ComplianceScope,
} from '../../../../src/features/compliance/index.ts';
import { updatePerson } from '../../../../src/features/assignments/update-person.ts';
import { reportingLineIds } from '../../../../src/features/people/reporting-line.ts';
import { FixedClock } from '../../../../src/shared/clock.ts';

const NOW = new Date('2026-11-28T09:00:00Z');
const TOKEN = 'test-admin-token-0123456789';

describe('maintained compliance status', () => {
  let t: TestDb;
  let org: Org;

  beforeAll(async () => {
    t = await createTestDb();
    org = await buildOrg(t.db.prisma);
  });
  afterAll(async () => t?.drop());

  /** Every scope: the whole organisation, each department, each manager's line, each person. */
  async function scopes(): Promise<ComplianceScope[]> {
    const people = await t.db.prisma.person.findMany({ select: { id: true, departmentId: true } });
    const departments = [...new Set(people.map((p) => p.departmentId).filter((d): d is string => !!d))];
    return [
      { kind: 'everyone' },
      ...departments.map((departmentId) => ({ kind: 'department' as const, departmentId })),
      ...people.map((p) => ({ kind: 'manager_line' as const, managerId: p.id })),
      ...people.map((p) => ({ kind: 'person' as const, personId: p.id })),
    ];
  }

  async function expectAgreement(at: Date): Promise<void> {
    const deps = testDeps(t.db, at);
    for (const scope of await scopes()) {
      const maintained = await complianceReport(deps, SYSTEM_ACTOR, { scope, detail: 'summary' });
      const computed = await complianceReport(deps, SYSTEM_ACTOR, { scope, asOf: at, detail: 'summary' });
      expect({ scope, summary: maintained.summary }).toEqual({ scope, summary: computed.summary });
    }
  }

  /** The reporting line the slow way (recursive walk), to check the maintained paths. */
  async function lineByWalking(managerId: string): Promise<string[]> {
    const rows = await t.db.prisma.$queryRaw<{ id: string }[]>`
      WITH RECURSIVE line(id) AS (
        SELECT id FROM "Person" WHERE "managerId" = ${managerId}::uuid
        UNION SELECT p.id FROM "Person" p JOIN line ON p."managerId" = line.id)
      SELECT id::text AS id FROM line`;
    return rows.map((r) => r.id).sort();
  }

  it('agrees with the computed answer from the start', async () => {
    await expectAgreement(NOW);
  });

  it('a completion recorded over HTTP moves the team summary in the same request', async () => {
    const app = createApp(testDeps(t.db, NOW, { ADMIN_API_TOKEN: TOKEN }));
    const auth = { authorization: `Bearer ${TOKEN}` };
    const summary = async () => {
      const res = await app.request('/api/lms/compliance?scope=manager&manager=marcus@t.example', {
        headers: auth,
      });
      expect(res.status).toBe(200);
      const body = await res.json();
      return body.summary.find((s: { requirementCode: string }) => s.requirementCode === 'DATA-PROTECTION');
    };
    const before = await summary();
    const res = await app.request('/api/lms/completions', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'priya@t.example',
        courseCode: 'gdpr-101',
        completedAt: '2026-11-20',
        reason: 'Paper test',
      }),
    });
    expect(res.status).toBe(201);
    const after = await summary();
    expect(after.compliant).toBe(before.compliant + 1);
    expect(after.total).toBe(before.total);
    await expectAgreement(NOW);
  });

  it('two completions for one person at once both count (all_of needs both)', async () => {
    const clock = new FixedClock(NOW);
    const { kofi } = org.people;
    const { flTheory, flPractical } = org.courses;
    await Promise.all(
      [flTheory, flPractical].map((course) =>
        complete(t.db.prisma, clock, {
          personId: kofi.id,
          courseId: course.id,
          source: 'manual',
          completedAt: new Date('2026-11-27T10:00:00Z'),
          reason: 'race',
        }),
      ),
    );
    const { rows } = await complianceStatus(testDeps(t.db, NOW), SYSTEM_ACTOR, {
      scope: { kind: 'person', personId: kofi.id },
      requirementCodes: ['FORKLIFT'],
    });
    expect(rows[0]!.status).toBe('compliant');
    const stored = await t.db.prisma.complianceStatus.findMany({ where: { personId: kofi.id, met: true } });
    expect(stored.map((s) => s.status)).toContain('compliant');
    await expectAgreement(NOW);
  });

  it('an HR move (department and manager) moves the person, their line and their rows', async () => {
    const { tom, maya } = org.people;
    const deps = testDeps(t.db, NOW);
    // Tom (with Kofi below him) moves to Sales under Maya.
    await updatePerson(deps, SYSTEM_ACTOR, {
      personId: tom.id,
      changes: { departmentId: org.departments.sales.id, managerId: maya.id },
    });
    for (const person of await t.db.prisma.person.findMany({ select: { id: true } }))
      expect((await reportingLineIds(t.db.prisma, person.id)).sort()).toEqual(await lineByWalking(person.id));
    expect(await reportingLineIds(t.db.prisma, maya.id)).toContain(org.people.kofi.id);
    await expectAgreement(NOW);
  });

  it('time alone moves statuses: exact before the sweep, stored after it, and a second sweep does nothing', async () => {
    const later = new Date(NOW.getTime() + 400 * 86_400_000);
    await expectAgreement(later);
    const deps = testDeps(t.db, later);
    const first = await sweepComplianceStatuses(deps, { batch: 2 });
    expect(first.people).toBeGreaterThan(0);
    const computed = await complianceStatus(deps, SYSTEM_ACTOR, { scope: { kind: 'everyone' }, asOf: later });
    const stored = await t.db.prisma.complianceStatus.findMany();
    const storedBy = new Map(stored.map((s) => [`${s.personId}:${s.requirementId}`, s.status]));
    for (const row of computed.rows)
      expect(storedBy.get(`${row.personId}:${row.requirementId}`)).toBe(row.status);
    expect(stored).toHaveLength(computed.rows.length);
    const second = await sweepComplianceStatuses(deps, { batch: 2 });
    expect(second).toEqual({ filled: 0, people: 0, batches: 0 });
  });
});
