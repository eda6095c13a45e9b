/**
 * One way to the database: embedded PGlite (a folder, or memory for tests) when no
 * DATABASE_URL is set, PostgreSQL through @prisma/adapter-pg when it is. Both give the same
 * Prisma client over the same schema, plus a raw SQL handle for migrations and set-based
 * reports.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import type { Config } from '../config.ts';
import { AppError } from '../shared/app-error.ts';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';
import { readPgliteTemplate } from './pglite-template.ts';

export type DbKind = 'pglite' | 'postgres';

/** A raw connection for work Prisma cannot do: multi-statement scripts, advisory locks. */
export interface RawSql {
  /** Runs a script of one or more statements with no parameters (simple protocol). */
  exec(sql: string): Promise<void>;
  /**
   * `name` makes it a prepared statement on PostgreSQL (parsed and planned once per
   * connection), for fixed hot-path statements; a name must always go with the same text.
   * PGlite ignores it.
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], name?: string): Promise<T[]>;
  /**
   * Runs `work` on one dedicated connection, so session-level state (advisory locks,
   * BEGIN/COMMIT) stays on it.
   */
  withConnection<T>(work: (conn: Omit<RawSql, 'withConnection'>) => Promise<T>): Promise<T>;
}

export interface Db {
  kind: DbKind;
  /** PGlite on a folder: this process owns DATA_DIR until close(). */
  dataDirLock?: DataDirLock;
  prisma: PrismaClient;
  sql: RawSql;
  close(): Promise<void>;
  /** PGlite only: the whole database as a tarball (tests clone a migrated template from it). */
  dumpPglite?: () => Promise<Blob>;
}

export interface OpenDbOptions {
  /** For tests: an in-memory PGlite instead of DATA_DIR. */
  inMemory?: boolean;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
  /** For tests: start an in-memory PGlite from a dump of an already-migrated database. */
  pgliteTemplate?: Blob;
  /** For tests: where a new DATA_DIR looks for the build's migrated template. */
  pgliteTemplateDir?: string;
}

export async function openDb(
  config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>,
  options: OpenDbOptions = {},
): Promise<Db> {
  return config.DATABASE_URL
    ? openPostgres(config.DATABASE_URL, options.maxConnections ?? 10)
    : openPglite(options.inMemory ? undefined : config.DATA_DIR, options);
}

async function openPglite(
  dataDir: string | undefined,
  { pgliteTemplate: template, pgliteTemplateDir }: OpenDbOptions,
): Promise<Db> {
  let pglite: PGlite;
  let lock: DataDirLock | undefined;
  if (dataDir) {
    mkdirSync(path.resolve(dataDir), { recursive: true });
    lock = await lockDataDir(path.resolve(dataDir), dataDir);
  }
  try {
    pglite = dataDir
      ? await openPgliteFolder(path.resolve(dataDir, 'pglite'), pgliteTemplateDir)
      : await PGlite.create(template ? { loadDataDir: template } : {});
  } catch (error) {
    await lock?.release();
    throw new AppError(
      'UPSTREAM',
      `Cannot open the embedded database in ${dataDir}: ${(error as Error).message}`,
    );
  }
  // PGlite is a single in-process connection: raw scripts and Prisma share it.
  const scope = new AsyncLocalStorage<TransactionScope>();
  const guarded = guardNestedQueries(pglite, scope);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(guarded as PGlite) });
  markTransactions(prisma, scope);
  const raw: Omit<RawSql, 'withConnection'> = {
    exec: async (sql) => {
      await guarded.exec(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await guarded.query<T>(sql, params)).rows,
  };
  return {
    kind: 'pglite',
    dataDirLock: lock,
    prisma,
    sql: { ...raw, withConnection: (work) => work(raw) },
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
      await lock?.release();
    },
    dumpPglite: () => pglite.dumpDataDir('none'),
  };
}

/**
 * A folder with no database yet starts from the build's migrated template when there is one
 * for the current migrations (see pglite-template.ts); if that fails, the folder (new, so
 * nothing of anyone's is lost) is emptied and initdb runs as it would without a template.
 */
async function openPgliteFolder(folder: string, templateDir?: string): Promise<PGlite> {
  const options = { startParams: [...durableStartParams(), ...MEMORY_SETTINGS] };
  const isNew = !existsSync(folder);
  const template = isNew ? readPgliteTemplate(templateDir) : undefined;
  if (!template) return PGlite.create(folder, options);
  try {
    return await PGlite.create(folder, { ...options, loadDataDir: template });
  } catch {
    rmSync(folder, { recursive: true, force: true });
    return PGlite.create(folder, options);
  }
}

/**
 * PGlite's shared_buffers is PostgreSQL's default 128 MB, which its WebAssembly memory takes
 * whole (and never gives back) once the buffers have been touched: about 120 MB of a
 * 450 MB service. Its reads go through the operating system's file cache anyway, and the
 * demo database is ~40 MB, so 16 MB of buffers costs little.
 */
const MEMORY_SETTINGS = ['-c', 'shared_buffers=16MB'];

/**
 * PGlite starts with `-F` (fsync off): fast, but a power cut can lose committed writes or
 * corrupt the folder. A database on disk keeps fsync on; bench/ measures what it costs.
 */
function durableStartParams(): string[] {
  const defaults = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;
  return defaults.filter((param) => param !== '-F');
}

/**
 * PGlite has one connection, and a query from outside an open transaction waits for that
 * transaction to end. Code inside a transaction that awaits the global client (instead of
 * the `tx` it was given) therefore waits for itself until the transaction times out. These
 * two wrappers turn that silent stall into an immediate error naming the cause: Prisma's
 * $transaction runs its work in an async scope, and the connection refuses a global query
 * made from inside a scope whose transaction is open.
 */
interface TransactionScope {
  open: boolean;
}

export class NestedQueryError extends Error {
  constructor() {
    super(
      'A query on the global database client was awaited inside an open transaction; on the embedded database this waits for itself. Use the transaction handle (tx) instead.',
    );
    this.name = 'NestedQueryError';
  }
}

function guardNestedQueries(pglite: PGlite, scope: AsyncLocalStorage<TransactionScope>) {
  const check = () => {
    if (scope.getStore()?.open) throw new NestedQueryError();
  };
  return {
    query: <T>(...args: Parameters<PGlite['query']>) => {
      check();
      return pglite.query<T>(...args);
    },
    exec: (...args: Parameters<PGlite['exec']>) => {
      check();
      return pglite.exec(...args);
    },
    transaction: async <T>(work: Parameters<PGlite['transaction']>[0]): Promise<T> => {
      check();
      const store = scope.getStore();
      if (store) store.open = true;
      try {
        return (await pglite.transaction(work)) as T;
      } finally {
        if (store) store.open = false;
      }
    },
  };
}

function markTransactions(prisma: PrismaClient, scope: AsyncLocalStorage<TransactionScope>): void {
  const original = prisma.$transaction.bind(prisma) as (...args: unknown[]) => Promise<unknown>;
  (prisma as unknown as { $transaction: typeof original }).$transaction = (...args) =>
    scope.run({ open: false }, () => original(...args));
}

async function openPostgres(url: string, max: number): Promise<Db> {
  // A pool that never shrinks (min = max; connections still open only when needed): by default
  // pg closes a connection idle for 10 s, and opening one costs a server process (tens of ms
  // here, serialised by the postmaster), so the first burst after a quiet spell queued every
  // request behind new connections — 150–350 ms stalls at 1,000 commits/s (`npm run bench
  // scorm-commit`). A fixed-size pool is also what HikariCP recommends.
  const pool = new pg.Pool({ connectionString: url, max, min: max, connectionTimeoutMillis: 5000 });
  // An idle client losing its server (restart, failover) must not crash the process.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new AppError(
      'UPSTREAM',
      `Cannot connect to PostgreSQL at ${redactUrl(url)}: ${describePgError(error)}`,
    );
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const viaClient = (client: pg.PoolClient | pg.Pool): Omit<RawSql, 'withConnection'> => ({
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <T>(sql: string, params: unknown[] = [], name?: string) =>
      (await client.query({ text: sql, values: params, name })).rows as T[],
  });
  return {
    kind: 'postgres',
    prisma,
    sql: {
      ...viaClient(pool),
      withConnection: async (work) => {
        const client = await pool.connect();
        try {
          return await work(viaClient(client));
        } finally {
          client.release();
        }
      },
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function describePgError(error: unknown): string {
  const e = error as { code?: string; message?: string; errors?: { message: string }[] };
  if (e.errors?.length) return e.errors.map((x) => x.message).join('; ');
  return [e.code, e.message].filter(Boolean).join(' ') || String(error);
}
