import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import {
  pruneProcessedEvents,
  recordProcessedEvent,
  PROCESSED_EVENT_RETENTION_MS,
} from '../../../../src/features/platform/record-processed-event.ts';

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.drop();
});

describe('recordProcessedEvent', () => {
  it('marks the first delivery and recognises redeliveries, per platform', async () => {
    const deps = testDeps(testDb.db);
    expect(await recordProcessedEvent(deps, { platform: 'slack', eventId: 'Ev1' })).toEqual({
      kind: 'first',
    });
    expect(await recordProcessedEvent(deps, { platform: 'slack', eventId: 'Ev1' })).toEqual({
      kind: 'duplicate',
    });
    expect(await recordProcessedEvent(deps, { platform: 'teams', eventId: 'Ev1' })).toEqual({
      kind: 'first',
    });
  });

  it('lets exactly one of several simultaneous deliveries through', async () => {
    const deps = testDeps(testDb.db);
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () => recordProcessedEvent(deps, { platform: 'slack', eventId: 'Ev-race' })),
    );
    expect(outcomes.filter((o) => o.kind === 'first')).toHaveLength(1);
  });

  it('prunes only markers older than the retention window', async () => {
    const deps = testDeps(testDb.db, new Date('2026-11-28T08:00:00Z'));
    await recordProcessedEvent(deps, { platform: 'slack', eventId: 'Ev-old' });
    deps.clock.set(new Date('2026-11-28T08:50:00Z'));
    await recordProcessedEvent(deps, { platform: 'slack', eventId: 'Ev-recent' });
    deps.clock.set(
      new Date(new Date('2026-11-28T08:00:00Z').getTime() + PROCESSED_EVENT_RETENTION_MS + 1000),
    );
    const pruned = await pruneProcessedEvents(deps);
    expect(pruned).toBeGreaterThanOrEqual(1);
    const left = await testDb.db.prisma.processedEvent.findMany({
      where: { eventId: { in: ['Ev-old', 'Ev-recent'] } },
      select: { eventId: true },
    });
    expect(left.map((r) => r.eventId)).toEqual(['Ev-recent']);
  });
});
