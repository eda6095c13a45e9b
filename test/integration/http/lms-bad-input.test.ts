/** Every bad input gets a clear answer and loses nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDeps, type TestDb } from '../../helpers/test-db.ts';
import { createApp } from '../../../src/http/app.ts';
import { expectAppError } from '../../helpers/expect-app-error.ts';
import { buildOrg, complete, type Org } from '../../helpers/lms-fixture.ts';

const NOW = new Date('2026-11-28T09:00:00Z');

describe('LMS bad input', () => {
  let t: TestDb;
  let org: Org;
  const deps = () => testDeps(t.db, NOW);

  beforeAll(async () => {
    t = await createTestDb();
    org = await buildOrg(t.db.prisma);
  });
  afterAll(async () => t?.drop());

  it('rejects an unknown course, a completion in the future and an expiry before completion, writing nothing', async () => {
    const prisma = t.db.prisma;
    const base = {
      personId: org.people.priya.id,
      source: 'manual' as const,
      reason: 'paper record',
      completedAt: new Date('2026-11-01T00:00:00Z'),
    };
    await expectAppError(
      complete(prisma, deps().clock, { ...base, courseId: '00000000-0000-4000-8000-000000000000' }),
      'NOT_FOUND',
      /course/,
    );
    await expectAppError(
      complete(prisma, deps().clock, {
        ...base,
        courseId: org.courses.gdpr.id,
        completedAt: new Date('2026-12-01T00:00:00Z'),
      }),
      'VALIDATION',
      /future/,
    );
    await expectAppError(
      complete(prisma, deps().clock, {
        ...base,
        courseId: org.courses.gdpr.id,
        expiresAt: new Date('2026-10-01T00:00:00Z'),
      }),
      'VALIDATION',
      /expiry date must be after/,
    );
    await expectAppError(
      complete(prisma, deps().clock, {
        ...base,
        courseId: org.courses.gdpr.id,
        completedAt: new Date('nonsense'),
      }),
      'VALIDATION',
    );
    expect(await prisma.completion.count()).toBe(0);
    expect(await prisma.certificate.count()).toBe(0);
  });

  it('shows an expired or revoked certificate as such, and serves no PDF for a revoked one', async () => {
    const prisma = t.db.prisma;
    const done = await complete(prisma, deps().clock, {
      personId: org.people.sam.id,
      courseId: org.courses.gdpr.id,
      source: 'manual',
      reason: 'paper',
      completedAt: new Date('2025-01-10T00:00:00Z'),
    });
    const number = done.kind === 'recorded' ? done.certificate!.number : '';
    const app = createApp(deps());
    expect(await (await app.request(`/certificates/${number}`)).json()).toMatchObject({
      status: 'expired',
      expiresAt: '2026-01-10T00:00:00.000Z',
    });
    await prisma.certificate.update({
      where: { number },
      data: { revokedAt: new Date('2026-11-01T00:00:00Z') },
    });
    expect(await (await app.request(`/certificates/${number}`)).json()).toMatchObject({ status: 'revoked' });
    expect((await app.request(`/certificates/${number}.pdf`)).status).toBe(410);
  });

  it('answers 404 for a certificate number that does not exist, leaking nothing', async () => {
    const app = createApp(deps());
    const expected = { error: { code: 'NOT_FOUND', message: 'No certificate has that number.' } };
    for (const path of [
      '/certificates/RC-2026-ABCD-EFGH',
      '/certificates/RC-2026-ABCD-EFGH.pdf',
      '/certificates/not-a-number',
      "/certificates/'%20OR%201=1--",
    ]) {
      const res = await app.request(path, { headers: { accept: 'application/json' } });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual(expected);
    }
  });
});
