import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDeps, type TestDb } from '../../helpers/test-db.ts';
import { createApp } from '../../../src/http/app.ts';
import { seedDemo } from '../../../src/seed/demo-seed.ts';
import { seedSize } from '../../../src/seed/size-seed.ts';
import { FixedClock } from '../../../src/shared/clock.ts';
import { addDays } from '../../../src/shared/time.ts';

const NOW = new Date('2026-11-28T09:00:00Z');
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db, new FixedClock(NOW));
});
afterAll(async () => {
  await t.drop();
});

describe('GET /health', () => {
  it('answers ok with the database kind and version', async () => {
    const res = await createApp(testDeps(t.db, NOW)).request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      db: t.db.kind,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await createApp(testDeps(t.db, NOW)).request('/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});

describe('the demo organisation', () => {
  it('has ~60 people in 4 departments, 3 locations and at least 2 time zones', async () => {
    const p = t.db.prisma;
    expect(await p.person.count()).toBe(60);
    expect(await p.department.count()).toBe(4);
    expect(await p.location.count()).toBe(3);
    const zones = await p.person.findMany({ distinct: ['timeZone'], select: { timeZone: true } });
    expect(zones.length).toBeGreaterThanOrEqual(2);
  });

  it('has two-level reporting lines, 3 instructors and an admin', async () => {
    const p = t.db.prisma;
    const lead = await p.person.findUniqueOrThrow({
      where: { email: 'tom.fletcher@acme.example' },
      include: { manager: true, reports: true },
    });
    expect(lead.manager?.email).toBe('olivia.grant@acme.example');
    expect(lead.reports.length).toBeGreaterThan(3);
    // Filtering an enum array through the PGlite adapter fails (malformed array literal), so count in SQL.
    const byRole = await t.db.sql.query<{ instructors: number; admins: number }>(
      `SELECT count(*) FILTER (WHERE 'instructor' = ANY(roles))::int AS instructors, count(*) FILTER (WHERE 'admin' = ANY(roles))::int AS admins FROM "Person"`,
    );
    expect(byRole[0]).toEqual({ instructors: 3, admins: 1 });
  });

  it('has upcoming sessions with one nearly full, past sessions with attendance, and a multi-day programme session', async () => {
    const p = t.db.prisma;
    const upcoming = await p.session.findMany({
      where: { startsAt: { gt: NOW }, status: 'scheduled' },
      include: { _count: { select: { registrations: { where: { status: 'confirmed' } } } }, days: true },
    });
    expect(upcoming.length).toBeGreaterThanOrEqual(6);
    expect(upcoming.some((s) => s.capacity - s._count.registrations === 1)).toBe(true);
    expect(upcoming.some((s) => s.days.length === 3 && s.programmeId)).toBe(true);
    expect(await p.attendance.count({ where: { status: 'attended' } })).toBeGreaterThan(10);
    expect(await p.attendance.count({ where: { status: 'no_show' } })).toBeGreaterThan(0);
  });

  it('has completions expiring within 60 days and some already expired, relative to the seeding day', async () => {
    const p = t.db.prisma;
    expect(
      await p.completion.count({ where: { expiresAt: { gt: NOW, lte: addDays(NOW, 60) } } }),
    ).toBeGreaterThan(3);
    expect(await p.completion.count({ where: { expiresAt: { lte: NOW } } })).toBeGreaterThan(3);
    expect(await p.complianceRequirement.count()).toBeGreaterThanOrEqual(4);
  });
});

describe('seed --size', () => {
  it('builds a proportional synthetic organisation and refuses a non-empty database', async () => {
    const other = await createTestDb();
    try {
      const summary = await seedSize(other.db, new FixedClock(NOW), 400);
      expect(summary.people).toBe(400);
      expect(summary.completions).toBe(1200);
      expect(summary.registrations).toBe(400);
      expect(summary.sessions).toBe(20);
      const orphans = await other.db.sql.query(`SELECT 1 FROM "Person" WHERE "managerId" IS NULL`);
      expect(orphans).toHaveLength(1);
      await expect(seedSize(other.db, new FixedClock(NOW), 400)).rejects.toThrow(/needs an empty database/);
    } finally {
      await other.drop();
    }
  });
});
