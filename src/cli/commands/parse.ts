import { parseArgs } from 'node:util';
import { isTimeZone } from '../../config.ts';
import { parseMessage } from '../../conversation/parse/parse-message.ts';
import { AppError } from '../../shared/app-error.ts';
import type { CliCommand } from '../command.ts';

/** `parse [--now <ISO>] [--tz <zone>] "<text>"`: the deterministic parser alone, no database. */
export const parseCommand: CliCommand = {
  name: 'parse',
  usage: 'parse [--now <ISO>] [--tz <zone>] "<text>"   show the intent and slots a message parses to (JSON)',
  async run(args, config) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { now: { type: 'string' }, tz: { type: 'string' } },
    });
    const now = values.now ? new Date(values.now) : new Date();
    if (Number.isNaN(now.getTime()))
      throw new AppError('VALIDATION', `--now must be an ISO date-time, got "${values.now}".`);
    const timeZone = values.tz ?? config.DEFAULT_TIME_ZONE;
    if (!isTimeZone(timeZone))
      throw new AppError(
        'VALIDATION',
        `--tz must be an IANA time zone such as Europe/London, got "${timeZone}".`,
      );
    const parsed = parseMessage(positionals.join(' '), { now, timeZone });
    process.stdout.write(JSON.stringify({ intent: parsed.intent, slots: parsed.slots }, null, 2) + '\n');
    return 0;
  },
};
