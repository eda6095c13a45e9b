/**
 * The seed document's second test: a course completed through a SCORM attempt (with a
 * completion percentage) issues its certificate automatically, and the person's compliance
 * status and their manager's team report change with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDeps, type TestDb } from '../../helpers/test-db.ts';
import { createApp } from '../../../src/http/app.ts';
import { loadActor } from '../../../src/features/people/actor.ts';
import { complianceStatus } from '../../../src/features/compliance/compliance-status.ts';
import { complianceReport } from '../../../src/features/compliance/compliance-report.ts';
import { myProgress } from '../../../src/features/learning/my-progress.ts';
import { buildOrg, complete, scormAttempt, type Org } from '../../helpers/lms-fixture.ts';

const NOW = new Date('2026-11-28T09:00:00Z');

describe('SCORM completion → certificate → compliance', () => {
  let t: TestDb;
  let org: Org;
  const deps = () => testDeps(t.db, NOW, { publicUrl: 'https://rollcall.example' });

  beforeAll(async () => {
    t = await createTestDb();
    org = await buildOrg(t.db.prisma);
  });
  afterAll(async () => t?.drop());

  it('issues the certificate in the completing transaction and turns the team report compliant', async () => {
    const d = deps();
    const prisma = t.db.prisma;
    const { priya, maya, marcus } = org.people;
    const mayaActor = await loadActor(prisma, maya.id);
    const priyaActor = await loadActor(prisma, priya.id);

    const before = await complianceStatus(d, priyaActor, { scope: { kind: 'person', personId: priya.id } });
    const dpBefore = before.rows.find((r) => r.requirementCode === 'DATA-PROTECTION')!;
    expect(dpBefore.status).toBe('overdue'); // hired 2020, never did it
    expect(dpBefore.evidence).toEqual([
      expect.objectContaining({ courseCode: 'GDPR-101', completionId: null }),
    ]);
    // Forklift is for operators only: visible to Priya as not applicable.
    expect(before.rows.find((r) => r.requirementCode === 'FORKLIFT')!.status).toBe('not_applicable');
    const teamBefore = await complianceReport(d, mayaActor, {
      scope: { kind: 'manager_line', managerId: maya.id },
    });
    expect(teamBefore.summary).toEqual([
      {
        requirementCode: 'DATA-PROTECTION',
        requirementName: 'Data protection (annual)',
        compliant: 0,
        expiring: 0,
        due: 0,
        overdue: 2,
        total: 2,
      },
    ]);

    const finishedAt = new Date('2026-11-27T15:30:00Z');
    const attempt = await scormAttempt(prisma, priya.id, org.courses.gdpr.id, finishedAt);
    const result = await complete(prisma, d.clock, {
      personId: priya.id,
      courseId: org.courses.gdpr.id,
      source: 'scorm',
      attemptId: attempt.id,
      completedAt: finishedAt,
      percent: 100,
      score: 85,
    });
    expect(result.kind).toBe('recorded');
    if (result.kind !== 'recorded') return;
    expect(result.expiresAt).toEqual(new Date('2027-11-27T15:30:00Z'));
    expect(result.certificate?.number).toMatch(/^RC-2026-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const cert = await prisma.certificate.findUniqueOrThrow({
      where: { completionId: result.completionId },
      include: { completion: { select: { personId: true, courseId: true, expiresAt: true } } },
    });
    expect(cert).toMatchObject({
      number: result.certificate!.number,
      completion: { personId: priya.id, courseId: org.courses.gdpr.id, expiresAt: result.expiresAt },
    });
    const completion = await prisma.completion.findUniqueOrThrow({ where: { id: result.completionId } });
    expect(Number(completion.percent)).toBe(100);
    expect(completion.attemptId).toBe(attempt.id);

    // The same attempt again (a SCORM redelivery) changes nothing and issues no second certificate.
    const again = await complete(prisma, d.clock, {
      personId: priya.id,
      courseId: org.courses.gdpr.id,
      source: 'scorm',
      attemptId: attempt.id,
      completedAt: finishedAt,
      percent: 100,
    });
    expect(again).toMatchObject({ kind: 'already_recorded', completionId: result.completionId });
    expect(await prisma.certificate.count({ where: { completion: { personId: priya.id } } })).toBe(1);

    const after = await complianceStatus(d, priyaActor, { scope: { kind: 'person', personId: priya.id } });
    const dpAfter = after.rows.find((r) => r.requirementCode === 'DATA-PROTECTION')!;
    expect(dpAfter.status).toBe('compliant');
    expect(dpAfter.expiresAt).toEqual(result.expiresAt);
    expect(dpAfter.evidence).toEqual([
      expect.objectContaining({
        courseCode: 'GDPR-101',
        completionId: result.completionId,
        source: 'scorm',
        completedAt: finishedAt,
      }),
    ]);

    const teamAfter = await complianceReport(d, mayaActor, {
      scope: { kind: 'manager_line', managerId: maya.id },
      detail: 'csv',
    });
    expect(teamAfter.summary[0]).toMatchObject({ compliant: 1, overdue: 1, total: 2 });
    expect(teamAfter.rows!.map((r) => [r.personName, r.status])).toEqual([
      ['Priya Shah', 'compliant'],
      ['Sam Brooks', 'overdue'],
    ]);
    expect(teamAfter.csv!.split('\r\n')[1]).toContain('Priya Shah,priya@t.example,Sales,DATA-PROTECTION');
    // Marcus sees it too: the line is transitive.
    const marcusReport = await complianceReport(d, await loadActor(prisma, marcus.id), {
      scope: { kind: 'manager_line', managerId: marcus.id },
      detail: 'summary',
    });
    expect(marcusReport.summary[0]).toMatchObject({ compliant: 1, overdue: 2, total: 3 });

    // Progress shows it completed, with the certificate.
    const progress = await myProgress(d, priyaActor, {});
    expect(progress.completed).toEqual([
      expect.objectContaining({ courseCode: 'GDPR-101', certificateNumber: cert.number, expired: false }),
    ]);

    // And the public verification page knows it, showing only what the certificate shows.
    const app = createApp(d);
    const res = await app.request(`/certificates/${cert.number}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      number: cert.number,
      name: 'Priya Shah',
      course: 'GDPR Basics',
      courseCode: 'GDPR-101',
      issuedAt: finishedAt.toISOString(),
      expiresAt: result.expiresAt!.toISOString(),
      status: 'valid',
    });
    const html = await app.request(`/certificates/${cert.number.toLowerCase()}`, {
      headers: { accept: 'text/html' },
    });
    expect(html.status).toBe(200);
    const page = await html.text();
    expect(page).toContain('Priya Shah');
    expect(page).not.toContain('priya@t.example');
    const pdf = await app.request(`/certificates/${cert.number}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
