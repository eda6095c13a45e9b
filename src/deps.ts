import type { Config } from './config.ts';
import type { Db } from './db/open-db.ts';
import type { Clock } from './shared/clock.ts';
import type { Logger } from './shared/logger.ts';

/** What every use case receives as its first argument. */
export interface Deps {
  config: Config;
  db: Db;
  clock: Clock;
  log: Logger;
}
