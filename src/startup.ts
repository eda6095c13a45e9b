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
  options: OpenDbOptions & { seed?: boolean } = {},
): Promise<PreparedDb> {
  const db = await openDb(config, options);
  try {
    return await withStartupLock(db, async () => {
      const { applied } = await applyMigrations(db);
      const seed = options.seed ?? config.SEED_DEMO;
      const empty = seed && (await db.prisma.person.count()) === 0;
      const seeded = empty ? await seedDemo(db, clock) : undefined;
      // The demo's eLearning package goes where uploads go, so it needs the content folder.
      if (seeded && config.CONTENT_DIR) await seedDemoContent({ config: config as Config, db, clock });
      // A database from before the maintained compliance status (or restored without it) is
      // filled once here, so "now" answers never read an empty table until the nightly sweep.
      if ((await complianceStatusIsEmpty(db.prisma)) && (await db.prisma.person.count()) > 0)
        await inTransaction(db.prisma, (tx) =>
          refreshComplianceStatus(tx, clock.now(), { kind: 'everyone' }),
        );
      const demoSeedApplied =
        Boolean(seeded) || (await db.prisma.auditEvent.count({ where: { action: 'demo.seeded' } })) > 0;
      return { db, migrationsApplied: applied, seeded, demoSeedApplied };
    });
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
}
