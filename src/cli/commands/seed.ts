import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.ts';
import { prepareDatabase } from '../../startup.ts';
import { seedDemoContent } from '../../seed/demo-content.ts';
import { seedDemo } from '../../seed/demo-seed.ts';
import { seedSize } from '../../seed/size-seed.ts';
import { systemClock } from '../../shared/clock.ts';
import { AppError } from '../../shared/app-error.ts';

export const seedCommand: CliCommand = {
  name: 'seed',
  usage: 'seed --demo | --size <n>     seed the demo organisation, or n synthetic people for benchmarks',
  async run(args, config) {
    const { values } = parseArgs({ args, options: { demo: { type: 'boolean' }, size: { type: 'string' } } });
    if (!values.demo && values.size === undefined)
      throw new AppError('VALIDATION', 'seed needs --demo or --size <n>.');
    const { db } = await prepareDatabase(config, systemClock, { seed: false });
    try {
      const started = performance.now();
      if (values.demo) {
        if ((await db.prisma.person.count()) > 0) {
          process.stdout.write(
            'The database already has people; the demo organisation was not seeded again.\n',
          );
          return 0;
        }
        const summary = await seedDemo(db, systemClock);
        await seedDemoContent({ config, db, clock: systemClock });
        process.stdout.write(
          `Seeded the demo organisation in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(summary)}\n`,
        );
        return 0;
      }
      const n = Number(values.size);
      const summary = await seedSize(db, systemClock, n);
      process.stdout.write(
        `Seeded ${n} people in ${((performance.now() - started) / 1000).toFixed(1)} s on ${db.kind}:\n`,
      );
      for (const [name, count] of Object.entries(summary))
        process.stdout.write(`  ${name.padEnd(14)} ${count}\n`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
