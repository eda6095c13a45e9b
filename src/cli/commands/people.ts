import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.ts';
import { openCliDeps } from '../open-cli-deps.ts';

/** `people [--json]`: who can I try Rollcall as? */
export const peopleCommand: CliCommand = {
  name: 'people',
  usage: 'people [--json] [--limit <n>]          list people (email, name, roles, manager)',
  async run(args, config) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, limit: { type: 'string' } } });
    const deps = await openCliDeps(config);
    try {
      const people = await deps.db.prisma.person.findMany({
        orderBy: [{ department: { name: 'asc' } }, { name: 'asc' }],
        take: values.limit ? Number(values.limit) : undefined,
        select: {
          email: true,
          name: true,
          jobRole: true,
          roles: true,
          timeZone: true,
          department: { select: { name: true } },
          location: { select: { name: true } },
          manager: { select: { email: true } },
          _count: { select: { reports: true } },
        },
      });
      const rows = people.map((p) => ({
        email: p.email,
        name: p.name,
        roles: [...p.roles, ...(p._count.reports > 0 ? ['manager'] : [])],
        department: p.department?.name ?? null,
        jobRole: p.jobRole,
        location: p.location?.name ?? null,
        timeZone: p.timeZone,
        manager: p.manager?.email ?? null,
      }));
      if (values.json) {
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      } else {
        for (const r of rows) {
          process.stdout.write(
            `${r.email.padEnd(32)} ${r.name.padEnd(20)} ${r.roles.join(',').padEnd(26)} ${(r.department ?? '').padEnd(17)} ${r.location ?? ''}\n`,
          );
        }
        process.stdout.write(`${rows.length} people\n`);
      }
      return 0;
    } finally {
      await deps.db.close();
    }
  },
};
