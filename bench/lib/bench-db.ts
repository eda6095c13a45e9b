/**
 * Benchmarks run on PostgreSQL (BENCH_DATABASE_URL, default the machine's local server) in a
 * database of their own, created fresh and dropped afterwards, unless told to keep it.
 */
import pg from 'pg';
import { envValue } from '../../src/config.ts';
import { openDb, type Db } from '../../src/db/open-db.ts';
import { applyMigrations } from '../../src/db/migrate.ts';

export const benchAdminUrl = (): string =>
  envValue('BENCH_DATABASE_URL') ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function urlFor(database: string): string {
  const url = new URL(benchAdminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export async function databaseExists(database: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: benchAdminUrl() });
  await admin.connect();
  try {
    return (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 1;
  } finally {
    await admin.end();
  }
}

/** A fresh, migrated database called `name` (dropped first if it exists). */
export async function freshBenchDb(
  name: string,
  maxConnections = 20,
): Promise<{ db: Db; url: string; drop(): Promise<void> }> {
  await dropDatabase(name);
  const admin = new pg.Client({ connectionString: benchAdminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = urlFor(name);
  const db = await openDb({ DATABASE_URL: url, DATA_DIR: '' }, { maxConnections });
  await applyMigrations(db);
  return {
    db,
    url,
    drop: async () => {
      await db.close();
      await dropDatabase(name);
    },
  };
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: benchAdminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
