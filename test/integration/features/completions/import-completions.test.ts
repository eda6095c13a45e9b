/** Imported external certificates and manual completions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { loadActor, type Actor } from '../../../../src/features/people/actor.ts';
import { importCompletions } from '../../../../src/features/completions/import-completions.ts';
import { recordManualCompletion } from '../../../../src/features/completions/record-manual-completion.ts';
import { AppError } from '../../../../src/shared/app-error.ts';
import { buildOrg, type Org } from '../../../helpers/lms-fixture.ts';

const NOW = new Date('2026-11-28T09:00:00Z');

describe('completion import and manual completions', () => {
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

  const csv = [
    'email,course_code,completed_at,expires_at,certificate_ref,score',
    'priya@t.example,GDPR-101,2026-03-01,2027-03-01,EXT-1,91', // 2 ok
    'PRIYA@t.example,gdpr-101,2026-03-01,2027-03-01,EXT-1,91', // 3 duplicate of 2
    'sam@t.example,GDPR-101,2026-02-10,,,', // 4 ok, no ref
    'sam@t.example,GDPR-101,2026-02-10,,,', // 5 duplicate of 4
    'nobody@t.example,GDPR-101,2026-02-10,,,', // 6 unknown person
    'sam@t.example,NOPE-1,2026-02-10,,,', // 7 unknown course
    'sam@t.example,XL-110,2027-01-01,,,', // 8 future
    'sam@t.example,XL-110,2026-05-01,2026-04-01,,', // 9 expiry before completion
    'sam@t.example,XL-110,01/05/2026,,,', // 10 not ISO
    '"maya@t.example","FL-101","2026-06-01","","EXT, ""quoted""",', // 11 ok with quoted ref
  ].join('\r\n');

  it('imports good rows and answers every bad one, including duplicates in the file', async () => {
    const dry = await importCompletions(deps(), a.avery!, { csv, dryRun: true });
    expect(dry).toMatchObject({ kind: 'dry_run', imported: 0, duplicates: 2, rejected: 5 });
    expect(await t.db.prisma.completion.count()).toBe(0);

    const result = await importCompletions(deps(), a.avery!, { csv });
    expect(result).toMatchObject({
      kind: 'imported',
      imported: 3,
      alreadyImported: 0,
      duplicates: 2,
      rejected: 5,
    });
    const byLine = Object.fromEntries(result.rows.map((r) => [r.line, r]));
    expect(byLine[3]).toEqual({ line: 3, status: 'duplicate_in_file', duplicateOfLine: 2 });
    expect(byLine[5]).toEqual({ line: 5, status: 'duplicate_in_file', duplicateOfLine: 4 });
    expect(byLine[6]).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/nobody@t.example/),
    });
    expect(byLine[7]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/NOPE-1/) });
    expect(byLine[8]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/future/) });
    expect(byLine[9]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/expiry/) });
    expect(byLine[10]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/not a date/) });

    const priya = await t.db.prisma.completion.findFirstOrThrow({ where: { personId: org.people.priya.id } });
    expect(priya).toMatchObject({
      source: 'external',
      externalRef: 'EXT-1',
      expiresAt: new Date('2027-03-01T00:00:00Z'),
    });
    expect(Number(priya.score)).toBe(91);
    // Without an expiry in the file, the course validity (12 months) applies.
    const sam = await t.db.prisma.completion.findFirstOrThrow({ where: { personId: org.people.sam.id } });
    expect(sam.expiresAt).toEqual(new Date('2027-02-10T00:00:00Z'));
    expect(
      (await t.db.prisma.completion.findFirstOrThrow({ where: { personId: org.people.maya.id } }))
        .externalRef,
    ).toBe('EXT, "quoted"');
    // External certificates are their own proof: we issue none.
    expect(await t.db.prisma.certificate.count()).toBe(0);

    // The same file again changes nothing.
    const again = await importCompletions(deps(), a.avery!, { csv });
    expect(again).toMatchObject({ imported: 0, alreadyImported: 3, duplicates: 2, rejected: 5 });
    expect(await t.db.prisma.completion.count()).toBe(3);
  });

  it('only admins import; a file without the needed columns is refused clearly', async () => {
    await expect(importCompletions(deps(), a.maya!, { csv })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(importCompletions(deps(), a.avery!, { csv: 'name,when\nx,y' })).rejects.toMatchObject({
      code: 'VALIDATION',
      userMessage: expect.stringMatching(/email/),
    });
    await expect(importCompletions(deps(), a.avery!, { csv: '' })).rejects.toBeInstanceOf(AppError);
  });

  it('a manual completion needs an admin and a reason, and issues the certificate', async () => {
    const input = {
      personId: org.people.kofi.id,
      courseId: org.courses.firstAid.id,
      completedAt: new Date('2026-11-20T12:00:00Z'),
    };
    await expect(
      recordManualCompletion(deps(), a.tom!, { ...input, reason: 'on site' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(recordManualCompletion(deps(), a.avery!, { ...input, reason: '  ' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    const result = await recordManualCompletion(deps(), a.avery!, {
      ...input,
      reason: 'Assessed on site by SafeWork',
    });
    expect(result.kind).toBe('recorded');
    if (result.kind !== 'recorded') return;
    expect(result.certificate).not.toBeNull();
    const completion = await t.db.prisma.completion.findUniqueOrThrow({ where: { id: result.completionId } });
    expect(completion).toMatchObject({
      source: 'manual',
      reason: 'Assessed on site by SafeWork',
      recordedById: org.people.avery.id,
    });
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'completion.recorded', entityId: result.completionId },
    });
    expect(audit.actorId).toBe(org.people.avery.id);
  });
});
