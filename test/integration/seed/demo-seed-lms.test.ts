/** The demo organisation as the LMS sees it: certificates for its completions, team reports. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDeps, type TestDb } from '../../helpers/test-db.ts';
import { seedDemo } from '../../../src/seed/demo-seed.ts';
import { loadActorByEmail } from '../../../src/features/people/actor.ts';
import { backfillCertificates } from '../../../src/features/certificates/backfill-certificates.ts';
import { complianceReport } from '../../../src/features/compliance/compliance-report.ts';
import { myCertificates } from '../../../src/features/certificates/my-certificates.ts';
import { findCourses } from '../../../src/features/catalogue/find-courses.ts';

const NOW = new Date('2026-11-28T09:00:00Z');

describe('LMS on the demo organisation', () => {
  let t: TestDb;
  const deps = () => testDeps(t.db, NOW);
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemo(t.db, deps().clock);
  });
  afterAll(async () => t?.drop());

  it('every witnessed completion of a certificate course has its certificate, and backfill is idempotent', async () => {
    const p = t.db.prisma;
    const needing = await p.completion.count({
      where: { source: { not: 'external' }, course: { grantsCertificate: true } },
    });
    expect(needing).toBeGreaterThan(0);
    expect(await p.certificate.count()).toBe(needing);
    expect(await backfillCertificates(p)).toEqual({ issued: 0 });
  });

  it('answers the demo questions', async () => {
    const maya = await loadActorByEmail(t.db.prisma, 'maya.chen@acme.example');
    const team = await complianceReport(deps(), maya, {
      scope: { kind: 'manager_line', managerId: maya.personId },
    });
    expect([...new Set(team.rows!.map((r) => r.personName))].sort()).toEqual(
      expect.arrayContaining(['Priya Shah', 'Sam Brooks']),
    );
    expect(team.totals.total).toBeGreaterThan(0);
    const admin = await loadActorByEmail(t.db.prisma, 'avery.clarke@acme.example');
    const org = await complianceReport(deps(), admin, { scope: { kind: 'everyone' }, detail: 'summary' });
    expect(org.summary.map((s) => s.requirementCode)).toEqual([
      'DATA-PROTECTION',
      'FIRE-SAFETY',
      'FIRST-AID-SUPERVISORS',
      'FORKLIFT',
      'INFOSEC',
    ]);
    expect(org.summary.find((s) => s.requirementCode === 'DATA-PROTECTION')!.total).toBe(60);
    const holder = await t.db.prisma.certificate.findFirstOrThrow({
      where: { completion: { course: { code: 'FL-201' } } },
      include: { completion: { include: { person: true } } },
    });
    const certs = await myCertificates(
      deps(),
      await loadActorByEmail(t.db.prisma, holder.completion.person.email),
      {},
    );
    expect(
      certs.some(
        (c) => c.courseCode === 'FL-201' && c.verificationUrl.endsWith(`/certificates/${holder.number}`),
      ),
    ).toBe(true);
    expect(await findCourses(deps(), admin, { query: 'first aid' })).toMatchObject({
      kind: 'match',
      course: { code: 'FA-101' },
    });
    expect(await findCourses(deps(), admin, { query: 'the excel one' })).toMatchObject({
      kind: 'match',
      course: { code: 'XL-110' },
    });
  });
});
