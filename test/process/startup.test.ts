/**
 * `npm start` as a real process: first start seeds, a second reuses the data, replicas
 * starting together on one PostgreSQL database migrate once, and bad configuration gives
 * one clear line and a non-zero exit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { envValue } from '../../src/config.ts';
import { readMigrations } from '../../src/db/migrate.ts';
import { withDatabase } from '../helpers/test-db.ts';
import { runFailingService, startService } from '../helpers/spawn-service.ts';
import { API_SERVICE_EMAIL } from '../../src/features/people/api-service-actor.ts';

// Real processes on a shared 2-core machine: give each start room without asserting speed.
const SLOW = { timeout: 240_000 };
const health = async (url: string) => (await fetch(`${url}/health`)).json();

describe('embedded start', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rollcall-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'seeds on first start, answers /health with pglite, and reuses the data on the second start',
    SLOW,
    async () => {
      const first = await startService({ DATA_DIR: dataDir });
      expect(await health(first.url)).toMatchObject({ status: 'ok', db: 'pglite' });
      expect(first.output()).toMatch(/demo admin API token: demo-[0-9a-f]{32}/);
      await first.stop();

      const second = await startService({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
      expect(await health(second.url)).toMatchObject({ status: 'ok', db: 'pglite' });
      expect(second.output()).not.toMatch(/demo organisation seeded/);
      await second.stop();
    },
  );
});

describe('configuration errors', () => {
  it('an unreachable database gives one clear line and exit code 1', SLOW, async () => {
    const { code, stderr } = await runFailingService({
      DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none',
    });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /^rollcall: Cannot connect to PostgreSQL at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none/,
    );
    expect(stderr).not.toContain('secret');
  });

  it('a malformed DATABASE_URL or PORT names the variable', SLOW, async () => {
    const badUrl = await runFailingService({ DATABASE_URL: 'localhost:5432/x' });
    expect(badUrl.code).toBe(1);
    expect(badUrl.stderr.trim()).toBe(
      'rollcall: Invalid environment variable DATABASE_URL: must be a postgres:// or postgresql:// URL',
    );
    const badPort = await runFailingService({ PORT: 'abc' });
    expect(badPort.stderr).toMatch(/^rollcall: Invalid environment variable PORT:/);
  });
});

const adminUrl = envValue('TEST_DATABASE_URL');
describe.runIf(adminUrl)('replicas on one PostgreSQL database', () => {
  const name = `rollcall_replicas_${process.pid}`;
  const admin = () => new pg.Client({ connectionString: adminUrl });

  afterAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });

  it('four processes starting at once all come up; migrations and the seed apply once', SLOW, async () => {
    const c = admin();
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const url = withDatabase(adminUrl!, name);
    const services = await Promise.all(Array.from({ length: 4 }, () => startService({ DATABASE_URL: url })));
    try {
      for (const s of services) expect(await health(s.url)).toMatchObject({ status: 'ok', db: 'postgres' });
      const db = new pg.Client({ connectionString: url });
      await db.connect();
      const migrations = await db.query('SELECT migration_name FROM "_prisma_migrations"');
      expect(migrations.rows.map((r) => r.migration_name)).toEqual(readMigrations().map((m) => m.name));
      try {
        // The demo's 60 people, and the admin API's service actor once, however many replicas.
        const people = await db.query(
          `SELECT count(*) FILTER (WHERE email <> $1)::int AS seeded,
                  count(*) FILTER (WHERE email = $1)::int AS service
             FROM "Person"`,
          [API_SERVICE_EMAIL],
        );
        expect(people.rows[0]).toEqual({ seeded: 60, service: 1 });
      } finally {
        await db.end();
      }
    } finally {
      await Promise.all(services.map((s) => s.stop()));
    }
  });
});
