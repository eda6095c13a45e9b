/**
 * `npm run -s cli -- <command> [options]`. Each command lives in src/cli/commands/ and is
 * registered below; output goes to stdout, errors to stderr with a non-zero exit.
 */
import { ConfigError, loadConfig } from '../config.ts';
import { isAppError } from '../shared/app-error.ts';
import type { CliCommand } from './command.ts';
import { seedCommand } from './commands/seed.ts';
import { peopleCommand } from './commands/people.ts';
import { chatCommand } from './commands/chat.ts';
import { parseCommand } from './commands/parse.ts';
import { webLinkCommand } from './commands/web-link.ts';

const COMMANDS: CliCommand[] = [seedCommand, peopleCommand, chatCommand, parseCommand, webLinkCommand];

async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const list = COMMANDS.map((c) => `  ${c.usage}`).join('\n');
    process.stderr.write(
      `${name ? `Unknown command "${name}".\n` : ''}Usage: npm run -s cli -- <command>\n${list}\n`,
    );
    return 2;
  }
  const config = loadConfig();
  return command.run(rest, config);
}

run(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof ConfigError || isAppError(error))
      process.stderr.write(`rollcall: ${error.message}\n`);
    else process.stderr.write(`rollcall: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  });
