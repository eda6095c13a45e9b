/**
 * Applies prisma/migrations at start-up without Prisma's native engine. Each migration file
 * is sent as one simple-protocol script inside a transaction, so it applies whole or not at
 * all on both databases, and is recorded in `_prisma_migrations` exactly as
 * `prisma migrate deploy` would (same checksum), keeping the two interchangeable.
 * A PostgreSQL advisory lock serialises replicas that start at the same moment.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Db, RawSql } from './open-db.ts';
import { AppError } from '../shared/app-error.ts';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');

/** Arbitrary constant shared by every replica: "rollcall start-up". */
const STARTUP_LOCK_KEY = 727_110_001;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const CREATE_HISTORY = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Runs `work` while holding the start-up lock on one connection: migrations and the
 * first-run seed happen once however many replicas start together.
 */
export async function withStartupLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  return db.sql.withConnection(async (conn) => {
    await conn.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await conn.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
    }
  });
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/** Applies pending migrations. Call inside withStartupLock when replicas may race. */
export async function applyMigrations(db: Db, migrations = readMigrations()): Promise<MigrateResult> {
  return db.sql.withConnection(async (conn) => {
    await conn.exec(CREATE_HISTORY);
    const rows = await conn.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const applied: string[] = [];
    for (const migration of migrations) {
      const recorded = done.get(migration.name);
      if (recorded) {
        if (recorded !== migration.checksum) {
          throw new AppError(
            'CONFLICT',
            `Migration ${migration.name} was edited after it was applied; add a new migration instead.`,
          );
        }
        continue;
      }
      await applyOne(conn, migration);
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: done.size };
  });
}

async function applyOne(conn: Omit<RawSql, 'withConnection'>, migration: MigrationFile): Promise<void> {
  await conn.exec('BEGIN');
  try {
    await conn.exec(migration.sql);
    await conn.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, now(), $3, now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await conn.exec('COMMIT');
  } catch (error) {
    await conn.exec('ROLLBACK').catch(() => {});
    throw new AppError('INTERNAL', `Migration ${migration.name} failed: ${(error as Error).message}`);
  }
}
