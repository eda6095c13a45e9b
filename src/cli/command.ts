import type { Config } from '../config.ts';

export interface CliCommand {
  name: string;
  /** One line shown in the usage list. */
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], config: Config): Promise<number>;
}
