/**
 * A real, migrated database for one test file: in-memory PGlite by default, or a fresh
 * PostgreSQL database of its own when TEST_DATABASE_URL is set (CI sets it), dropped
 * afterwards so runs never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { envValue, loadConfig, type Config } from '../../src/config.ts';
import { openDb, type Db } from '../../src/db/open-db.ts';
import { applyMigrations } from '../../src/db/migrate.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import { createLogger } from '../../src/shared/logger.ts';
import type { Deps } from '../../src/deps.ts';

export interface TestDb {
  db: Db;
  /** The PostgreSQL URL of this file's database, when running on PostgreSQL. */
  url?: string;
  drop(): Promise<void>;
}

export const onPostgres = (): boolean => Boolean(envValue('TEST_DATABASE_URL'));

export async function createTestDb(options: { maxConnections?: number } = {}): Promise<TestDb> {
  const adminUrl = envValue('TEST_DATABASE_URL');
  if (!adminUrl) {
    const db = await openDb({ DATABASE_URL: undefined, DATA_DIR: '' }, { inMemory: true });
    await applyMigrations(db);
    return { db, drop: () => db.close() };
  }
  const name = `rollcall_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const db = await openDb({ DATABASE_URL: url, DATA_DIR: '' }, { maxConnections: options.maxConnections ?? 10 });
  await applyMigrations(db);
  return {
    db,
    url,
    drop: async () => {
      await db.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Deps for use cases in tests: a fixed clock and a silent logger. */
export function testDeps(db: Db, now = new Date('2026-11-28T09:00:00Z'), overrides: Partial<Config> = {}): Deps & { clock: FixedClock } {
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), ...overrides };
  return { config, db, clock: new FixedClock(now), log: createLogger('silent') };
}
