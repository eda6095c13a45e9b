/**
 * On the embedded database a query on the global client, awaited inside a transaction,
 * would wait for the transaction it is part of. The connection refuses it at once, so such
 * code fails its tests instead of stalling in production.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, onPostgres, type TestDb } from '../../helpers/test-db.ts';
import { NestedQueryError } from '../../../src/db/open-db.ts';

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.drop();
});

describe.runIf(!onPostgres())('the PGlite connection guard', () => {
  it('refuses a global query awaited inside a transaction, within milliseconds', async () => {
    const prisma = testDb.db.prisma;
    const started = Date.now();
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.person.count();
        await prisma.person.count();
      }),
    ).rejects.toBeInstanceOf(NestedQueryError);
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(
      prisma.$transaction(async () => {
        await testDb.db.sql.query('SELECT 1');
      }),
    ).rejects.toBeInstanceOf(NestedQueryError);
  });

  it('lets the transaction handle work, and global queries from other requests wait their turn', async () => {
    const prisma = testDb.db.prisma;
    const inside = prisma.$transaction(async (tx) => {
      await new Promise((r) => setTimeout(r, 50));
      return tx.person.count();
    });
    const outside = prisma.person.count();
    await expect(Promise.all([inside, outside])).resolves.toEqual([0, 0]);
    // After the transaction, its caller may use the global client again.
    await prisma.$transaction(async (tx) => tx.person.count());
    await expect(prisma.person.count()).resolves.toBe(0);
  });
});
