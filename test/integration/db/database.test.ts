import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../helpers/test-db.ts';
import { applyMigrations, readMigrations } from '../../../src/db/migrate.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

async function expectRejected(sql: string, constraint: RegExp) {
  await expect(t.db.sql.exec(sql)).rejects.toThrow(constraint);
}

describe('migrations', () => {
  it('record every migration once with Prisma-compatible checksums, and a re-run applies nothing', async () => {
    const rows = await t.db.sql.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows).toEqual(readMigrations().map((m) => ({ migration_name: m.name, checksum: m.checksum })));
    expect((await applyMigrations(t.db)).applied).toEqual([]);
  });

  it('refuses to start on a migration edited after it was applied', async () => {
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'f'.repeat(64) } : m));
    await expect(applyMigrations(t.db, edited)).rejects.toThrow(/was edited after it was applied/);
  });

  it('rolls back a failing migration whole and does not record it', async () => {
    const broken = {
      name: '29990101000000_broken',
      sql: 'CREATE TABLE "Half" (id int); SELECT 1/0;',
      checksum: 'x'.repeat(64),
    };
    await expect(applyMigrations(t.db, [...readMigrations(), broken])).rejects.toThrow(
      /29990101000000_broken failed/,
    );
    const half = await t.db.sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`);
    expect(half).toEqual([]);
    const recorded = await t.db.sql.query(
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`,
    );
    expect(recorded).toEqual([]);
  });
});

describe('invariants held by the database', () => {
  let sessionId: string;
  let personId: string;
  beforeAll(async () => {
    const course = await t.db.prisma.course.create({
      data: { code: 'INV-1', title: 'Invariants', kind: 'ilt' },
    });
    const person = await t.db.prisma.person.create({ data: { email: 'inv@example.com', name: 'Inv' } });
    const session = await t.db.prisma.session.create({
      data: {
        courseId: course.id,
        startsAt: new Date('2030-01-01T09:00Z'),
        endsAt: new Date('2030-01-01T12:00Z'),
        timeZone: 'UTC',
        capacity: 5,
      },
    });
    sessionId = session.id;
    personId = person.id;
  });

  it('allows one live registration per person and session, but keeps cancelled history', async () => {
    await t.db.prisma.registration.create({ data: { sessionId, personId, status: 'cancelled' } });
    await t.db.prisma.registration.create({ data: { sessionId, personId, status: 'confirmed' } });
    await expect(
      t.db.prisma.registration.create({
        data: { sessionId, personId, status: 'waitlisted', waitlistTicket: 1 },
      }),
    ).rejects.toThrow();
  });

  it('refuses upper-case e-mails, sessions ending before they start and negative money', async () => {
    await expectRejected(
      `INSERT INTO "Person" (email, name) VALUES ('Upper@Example.com', 'U')`,
      /Person_email_lowercase/,
    );
    await expectRejected(
      `INSERT INTO "Session" ("courseId", "startsAt", "endsAt", "timeZone", capacity, "updatedAt")
       SELECT id, '2030-01-02T10:00Z', '2030-01-02T09:00Z', 'UTC', 5, now() FROM "Course" LIMIT 1`,
      /Session_ends_after_start/,
    );
    await expectRejected(
      `INSERT INTO "CostItem" ("sessionId", category, amount, currency, "incurredOn") VALUES ('${sessionId}', 'venue', -1, 'GBP', '2030-01-01')`,
      /CostItem_amount_non_negative/,
    );
    await expectRejected(
      `INSERT INTO "CostItem" (category, amount, currency, "incurredOn") VALUES ('venue', 1, 'GBP', '2030-01-01')`,
      /CostItem_one_owner/,
    );
  });

  it('requires evidence that matches the completion source', async () => {
    const course = await t.db.prisma.course.findFirstOrThrow();
    await expectRejected(
      `INSERT INTO "Completion" ("personId", "courseId", source, "completedAt") VALUES ('${personId}', '${course.id}', 'scorm', now())`,
      /Completion_evidence_by_source/,
    );
    await expectRejected(
      `INSERT INTO "Completion" ("personId", "courseId", source, "completedAt", reason, "expiresAt")
       VALUES ('${personId}', '${course.id}', 'manual', now(), 'r', now() - interval '1 day')`,
      /Completion_expiry_after_completion/,
    );
  });
});
