/**
 * Bringing a database to a usable state: open, migrate, seed the demo organisation on an
 * empty database. Shared by `npm start`, the CLI and the tests so all three see the same.
 */
import type { Config } from './config.ts';
import { openDb, type Db, type OpenDbOptions } from './db/open-db.ts';
import { applyMigrations, withStartupLock } from './db/migrate.ts';
import { seedDemo, type SeedSummary } from './seed/demo-seed.ts';
import { seedDemoContent } from './seed/demo-content.ts';
import type { Clock } from './shared/clock.ts';
import { ensureStoredSecret } from './db/stored-secrets.ts';
import { inTransaction } from './db/transaction.ts';
import { complianceStatusIsEmpty, refreshComplianceStatus } from './features/compliance/index.ts';

/** Name of the stored launch token secret (used when LAUNCH_TOKEN_SECRET is unset). */
export const LAUNCH_SECRET_NAME = 'launch-token';

/**
 * Fills the secrets the environment left unset from the database (creating them once), so
 * every replica and the CLI sign and accept the same links.
 */
export async function withSharedSecrets<
  C extends Pick<Config, 'LAUNCH_TOKEN_SECRET' | 'LAUNCH_TOKEN_SECRET_PREVIOUS'>,
>(config: C, db: Db): Promise<C> {
  if (config.LAUNCH_TOKEN_SECRET) return config;
  const stored = await ensureStoredSecret(db, LAUNCH_SECRET_NAME);
  return {
    ...config,
    LAUNCH_TOKEN_SECRET: stored.current,
    LAUNCH_TOKEN_SECRET_PREVIOUS: config.LAUNCH_TOKEN_SECRET_PREVIOUS ?? stored.previous,
  };
}

export interface PreparedDb {
  db: Db;
  migrationsApplied: string[];
  /** Set when this start seeded the demo organisation. */
  seeded?: SeedSummary;
  /** The demo organisation was seeded into this database (now or on an earlier start). */
  demoSeedApplied: boolean;
}

export async function prepareDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR' | 'SEED_DEMO' | 'DEFAULT_TIME_ZONE'> & Partial<Config>,
  clock: Clock,
  options: OpenDbOptions & {
    seed?: boolean;
    /**
     * 'later': the caller fills an empty ComplianceStatus itself (the service does, once it
     * answers /health); by default it is filled here, before the database is handed out.
     */
    complianceFill?: 'now' | 'later';
  } = {},
): Promise<PreparedDb> {
  const db = await openDb(config, options);
  try {
    return await withStartupLock(db, async () => {
      const { applied } = await applyMigrations(db);
      const seed = options.seed ?? config.SEED_DEMO;
      // Raw SQL for these checks: the first Prisma query of a process costs a second or more
      // (its query compiler loads), and a second start needs no Prisma before it listens.
      const empty = seed && !(await exists(db, 'SELECT 1 FROM "Person"'));
      const seeded = empty ? await seedDemo(db, clock) : undefined;
      // The demo's eLearning package goes where uploads go, so it needs the content folder.
      if (seeded && config.CONTENT_DIR) await seedDemoContent({ config: config as Config, db, clock });
      if ((options.complianceFill ?? 'now') === 'now') await fillComplianceStatus(db, clock);
      const demoSeedApplied =
        Boolean(seeded) || (await exists(db, `SELECT 1 FROM "AuditEvent" WHERE action = 'demo.seeded'`));
      return { db, migrationsApplied: applied, seeded, demoSeedApplied };
    });
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
}

async function exists(db: Db, query: string): Promise<boolean> {
  const [row] = await db.sql.query<{ found: boolean }>(`SELECT EXISTS (${query}) AS found`);
  return row?.found === true;
}

/** People per transaction when an empty ComplianceStatus is filled. */
const COMPLIANCE_FILL_BATCH = 200;

/**
 * A database from before the maintained compliance status (or restored without it) gets its
 * rows once, so "now" answers do not read an empty table until the nightly sweep. The fill
 * runs in short transactions of `batch` people each, in id order, rather than one
 * transaction over the whole organisation that would hold every person's row for its length.
 * Returns the rows written (0 when the table was not empty).
 */
export async function fillComplianceStatus(
  db: Db,
  clock: Clock,
  batch = COMPLIANCE_FILL_BATCH,
): Promise<number> {
  if (!(await complianceStatusIsEmpty(db.prisma))) return 0;
  let written = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids = (
      await db.sql.query<{ id: string }>(
        'SELECT id::text AS id FROM "Person" WHERE id > $1::uuid ORDER BY id LIMIT $2',
        [after, batch],
      )
    ).map((r) => r.id);
    if (ids.length === 0) return written;
    written += await inTransaction(db.prisma, (tx) =>
      refreshComplianceStatus(tx, clock.now(), { kind: 'people', personIds: ids }),
    );
    after = ids[ids.length - 1]!;
  }
}
