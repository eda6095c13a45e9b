/**
 * A real, migrated database for one test file: in-memory PGlite by default, or a fresh
 * PostgreSQL database of its own when TEST_DATABASE_URL is set (CI sets it), dropped
 * afterwards so runs never see each other's rows.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { envValue, loadConfig, type Config } from '../../src/config.ts';
import { openDb, type Db } from '../../src/db/open-db.ts';
import { applyMigrations, readMigrations } from '../../src/db/migrate.ts';
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
    const db = await openDb(
      { DATABASE_URL: undefined, DATA_DIR: '' },
      { inMemory: true, pgliteTemplate: await migratedTemplate() },
    );
    await applyMigrations(db);
    return { db, drop: () => db.close() };
  }
  const name = `rollcall_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const db = await openDb(
    { DATABASE_URL: url, DATA_DIR: '' },
    { maxConnections: options.maxConnections ?? 10 },
  );
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

/**
 * Migrating a fresh PGlite takes seconds; loading a dump of a migrated one takes a fraction.
 * The dump is cached in the temp folder under the migrations' checksum, so a schema change
 * builds a new one. Written to a temp name and renamed, so parallel workers never read half.
 */
async function migratedTemplate(): Promise<Blob> {
  const key = createHash('sha256')
    .update(
      readMigrations()
        .map((m) => m.checksum)
        .join(),
    )
    .digest('hex')
    .slice(0, 16);
  const file = path.join(tmpdir(), `rollcall-pglite-template-${key}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const db = await openDb({ DATABASE_URL: undefined, DATA_DIR: '' }, { inMemory: true });
  await applyMigrations(db);
  const dump = await db.dumpPglite!();
  await db.close();
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  return dump;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Deps for use cases in tests: a fixed clock and a silent logger. */
export function testDeps(
  db: Db,
  now = new Date('2026-11-28T09:00:00Z'),
  overrides: Partial<Config> = {},
): Deps & { clock: FixedClock } {
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), ...overrides };
  return { config, db, clock: new FixedClock(now), log: createLogger('silent') };
}
