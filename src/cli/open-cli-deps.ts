import type { Config } from '../config.ts';
import type { Deps } from '../deps.ts';
import { createLogger } from '../shared/logger.ts';
import { FixedClock, systemClock, type Clock } from '../shared/clock.ts';
import { prepareDatabase, withSharedSecrets } from '../startup.ts';
import { AppError } from '../shared/app-error.ts';
import type { DatabaseInUseError } from '../db/data-dir-lock.ts';

/**
 * The same database `npm start` would use, migrated and (when empty) demo-seeded, with
 * logs kept quiet so stdout stays clean for --json output.
 */
export async function openCliDeps(
  config: Config,
  options: { now?: string; seed?: boolean } = {},
): Promise<Deps> {
  const clock: Clock = options.now ? new FixedClock(parseNow(options.now)) : systemClock;
  const { db } = await prepareDatabase(config, clock, { seed: options.seed });
  return {
    config: await withSharedSecrets(config, db),
    db,
    clock,
    log: createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL),
  };
}

function parseNow(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new AppError('VALIDATION', `--now must be an ISO date-time, got "${value}".`);
  return date;
}

/**
 * Sends a command to the service that owns the embedded database, through its local admin
 * endpoint. Refuses (with the lock's one-line message) when that service cannot be reached
 * or no admin token is known.
 */
export async function forwardToService(
  inUse: DatabaseInUseError,
  config: Config,
  path: string,
  body: unknown,
): Promise<{ forwarded: unknown }> {
  const token = config.ADMIN_API_TOKEN ?? inUse.owner?.adminToken;
  if (!inUse.owner?.url || !token) throw inUse;
  let res: Response;
  try {
    res = await fetch(`${inUse.owner.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  } catch {
    throw inUse;
  }
  const answer = (await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
  if (!res.ok) {
    throw new AppError(
      'UPSTREAM',
      `the service that owns ${inUse.dataDir} refused the command: ${answer?.error?.message ?? res.status}`,
    );
  }
  return { forwarded: answer };
}
