import type { Config } from '../config.ts';
import type { Deps } from '../deps.ts';
import { createLogger } from '../shared/logger.ts';
import { FixedClock, systemClock, type Clock } from '../shared/clock.ts';
import { prepareDatabase } from '../startup.ts';
import { AppError } from '../shared/app-error.ts';

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
  return { config, db, clock, log: createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL) };
}

function parseNow(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new AppError('VALIDATION', `--now must be an ISO date-time, got "${value}".`);
  return date;
}
