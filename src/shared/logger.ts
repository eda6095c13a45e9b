import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs to stdout (one line per event), the format log shippers expect. */
export function createLogger(level: string, name = 'rollcall'): Logger {
  return pino({ name, level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}
