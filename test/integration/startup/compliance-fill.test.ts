/**
 * An empty ComplianceStatus (a database from before the maintained status, or restored
 * without it) is filled at start-up in short batches of people: the rows are exactly those the
 * whole-organisation refresh writes, and a second fill finds nothing to do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDeps, type TestDb } from '../../helpers/test-db.ts';
import { buildOrg } from '../../helpers/lms-fixture.ts';
import { fillComplianceStatus } from '../../../src/startup.ts';
import { complianceReport } from '../../../src/features/compliance/index.ts';
import { SYSTEM_ACTOR } from '../../../src/features/people/actor.ts';
import { FixedClock } from '../../../src/shared/clock.ts';

const NOW = new Date('2026-11-28T09:00:00Z');

describe('compliance status fill at start-up', () => {
  let t: TestDb;

  beforeAll(async () => {
    t = await createTestDb();
    await buildOrg(t.db.prisma);
  });
  afterAll(async () => t?.drop());

  const rows = () =>
    t.db.prisma.complianceStatus.findMany({
      orderBy: [{ personId: 'asc' }, { requirementId: 'asc' }],
      omit: { updatedAt: true },
    });

  it('writes, batch by batch, the rows the whole-organisation refresh writes, once', async () => {
    const clock = new FixedClock(NOW);
    // Filled by the organisation's own writes: the reference.
    const expected = await rows();
    expect(expected.length).toBeGreaterThan(2);
    await t.db.prisma.complianceStatus.deleteMany();

    // Two people per transaction, so the organisation takes several batches.
    const written = await fillComplianceStatus(t.db, clock, 2);
    expect(written).toBe(expected.length);
    expect(await rows()).toEqual(expected);
    const deps = testDeps(t.db, NOW);
    const maintained = await complianceReport(deps, SYSTEM_ACTOR, {
      scope: { kind: 'everyone' },
      detail: 'summary',
    });
    const computed = await complianceReport(deps, SYSTEM_ACTOR, {
      scope: { kind: 'everyone' },
      asOf: NOW,
      detail: 'summary',
    });
    expect(maintained.summary).toEqual(computed.summary);

    expect(await fillComplianceStatus(t.db, clock, 2)).toBe(0);
  });
});
