/**
 * What fsync on costs the embedded database: N single-row write transactions on PGlite in a
 * folder as the service opens it (fsync on) vs the same PGlite with its default start
 * parameters (`-F`, fsync off). Same machine, same run, fresh folders.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { envValue } from '../src/config.ts';
import { openDb } from '../src/db/open-db.ts';
import { printComparison } from './lib/report.ts';

const N = Number(envValue('BENCH_PGLITE_WRITES') ?? 300);
const SETUP = 'CREATE TABLE bench_write (id serial PRIMARY KEY, body text NOT NULL)';

async function writesPerSecond(exec: (sql: string, params: unknown[]) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < N; i++) await exec('INSERT INTO bench_write (body) VALUES ($1)', [`row ${i}`]);
  return N / ((performance.now() - started) / 1000);
}

export default async function run(): Promise<void> {
  const durableDir = mkdtempSync(path.join(tmpdir(), 'rollcall-bench-fsync-on-'));
  const fastDir = mkdtempSync(path.join(tmpdir(), 'rollcall-bench-fsync-off-'));
  const durable = await openDb({ DATABASE_URL: undefined, DATA_DIR: durableDir });
  const fast = await PGlite.create(path.join(fastDir, 'pglite'));
  try {
    await durable.sql.exec(SETUP);
    await fast.exec(SETUP);
    const on = await writesPerSecond((sql, params) => durable.sql.query(sql, params));
    const off = await writesPerSecond((sql, params) => fast.query(sql, params));
    printComparison(
      `PGlite write transactions (${N} single-row commits)`,
      { label: 'fsync on (as the service opens DATA_DIR)', value: on, unit: 'commits/s' },
      { label: 'fsync off (PGlite default -F)', value: off, unit: 'commits/s' },
      true,
    );
  } finally {
    await durable.close();
    await fast.close();
    rmSync(durableDir, { recursive: true, force: true });
    rmSync(fastDir, { recursive: true, force: true });
  }
}
