/**
 * The compliance summary on an organisation of 100,000 people (seed --size), inside the CI
 * budget: the maintained rows are filled by the seed, the organisation-wide and a top-level
 * manager's summaries come from them, and the manager's counts equal the computed answer,
 * before and after the per-manager counts are folded, and a day later before the sweep.
 * Durations are printed, never asserted (speed lives in bench/compliance.bench.ts).
 * 100,000 people on PostgreSQL (CI runs the integration tier there too); 10,000 on PGlite,
 * where seeding 100,000 people and their 1.4 M statuses takes minutes on one connection.
 * COMPLIANCE_SCALE_SIZE overrides both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envValue } from '../../../../src/config.ts';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { seedSize } from '../../../../src/seed/size-seed.ts';
import { FixedClock } from '../../../../src/shared/clock.ts';
import { SYSTEM_ACTOR } from '../../../../src/features/people/actor.ts';
import { complianceReport } from '../../../../src/features/compliance/index.ts';
import { foldComplianceLineCounts } from '../../../../src/features/compliance/fold-line-counts.ts';

const NOW = new Date('2026-11-28T09:00:00Z');
const SIZE = Number(envValue('COMPLIANCE_SCALE_SIZE') ?? (envValue('TEST_DATABASE_URL') ? 100_000 : 10_000));

describe(`compliance on ${SIZE.toLocaleString('en-GB')} people`, () => {
  let t: TestDb;
  let seeded: Awaited<ReturnType<typeof seedSize>>;

  beforeAll(async () => {
    t = await createTestDb();
    const started = performance.now();
    seeded = await seedSize(t.db, new FixedClock(NOW), SIZE);
    console.log(
      `seeded ${seeded.people} people, ${seeded.complianceStatuses} statuses in ${Math.round(performance.now() - started)} ms`,
    );
  }, 900_000);
  afterAll(async () => t?.drop());

  it('summarises the organisation and a top-level manager from the maintained rows', async () => {
    const deps = testDeps(t.db, NOW);
    let started = performance.now();
    const org = await complianceReport(deps, SYSTEM_ACTOR, {
      scope: { kind: 'everyone' },
      detail: 'summary',
    });
    console.log(`organisation-wide summary: ${Math.round(performance.now() - started)} ms`);
    expect(seeded.people).toBe(SIZE);
    expect(org.totals.total).toBeGreaterThan(SIZE);
    expect(org.totals.total).toBeLessThanOrEqual(seeded.complianceStatuses);

    const [manager] = await t.db.sql.query<{ id: string }>(
      `SELECT id::text AS id FROM "Person" WHERE email = 'person2@size.example'`,
    );
    const scope = { kind: 'manager_line' as const, managerId: manager!.id };
    started = performance.now();
    const maintained = await complianceReport(deps, SYSTEM_ACTOR, { scope, detail: 'summary' });
    console.log(`top-level manager's summary: ${Math.round(performance.now() - started)} ms`);
    const computed = await complianceReport(deps, SYSTEM_ACTOR, { scope, asOf: NOW, detail: 'summary' });
    expect(maintained.summary).toEqual(computed.summary);
    expect(maintained.totals.total).toBeGreaterThan(SIZE / 8);
    expect(maintained.totals.total).toBeLessThan(org.totals.total);

    // The seed's statuses reached the per-manager counts as deltas; the job folds them, and
    // the summary is the same before and after (and for the top of the tree, everyone below).
    const folded = await foldComplianceLineCounts(deps, { maxBatches: 1_000 });
    console.log(`folded ${folded.deltas} deltas in ${folded.batches} batches`);
    expect(await t.db.prisma.complianceLineDelta.count()).toBe(0);
    started = performance.now();
    const fromCounts = await complianceReport(deps, SYSTEM_ACTOR, { scope, detail: 'summary' });
    console.log(`top-level manager's summary, folded: ${Math.round(performance.now() - started)} ms`);
    expect(fromCounts.summary).toEqual(computed.summary);
    const [top] = await t.db.sql.query<{ id: string }>(
      `SELECT id::text AS id FROM "Person" WHERE email = 'person1@size.example'`,
    );
    const everyoneBelow = await complianceReport(deps, SYSTEM_ACTOR, {
      scope: { kind: 'manager_line', managerId: top!.id },
      detail: 'summary',
    });
    expect(everyoneBelow.summary).toEqual(
      (
        await complianceReport(deps, SYSTEM_ACTOR, {
          scope: { kind: 'manager_line', managerId: top!.id },
          asOf: NOW,
          detail: 'summary',
        })
      ).summary,
    );

    // A day later, before the nightly sweep: rows that moved with time are corrected.
    const nextDay = testDeps(t.db, new Date(NOW.getTime() + 86_400_000));
    expect((await complianceReport(nextDay, SYSTEM_ACTOR, { scope, detail: 'summary' })).summary).toEqual(
      (
        await complianceReport(nextDay, SYSTEM_ACTOR, {
          scope,
          asOf: nextDay.clock.now(),
          detail: 'summary',
        })
      ).summary,
    );
  }, 900_000);
});
