import { parseArgs } from 'node:util';
import { loadActorByEmail, SYSTEM_ACTOR } from '../../features/people/actor.ts';
import { createWebSignInLink } from '../../features/web-sessions/index.ts';
import type { Deps } from '../../deps.ts';
import { DatabaseInUseError } from '../../db/data-dir-lock.ts';
import type { CliCommand } from '../command.ts';
import { forwardToService, openCliDeps } from '../open-cli-deps.ts';

/** A one-time web chat sign-in link for a person (links use PUBLIC_URL). */
export async function webLinkFor(deps: Deps, email: string): Promise<{ url: string; expiresAt: string }> {
  const person = await loadActorByEmail(deps.db.prisma, email);
  const link = await createWebSignInLink(deps, SYSTEM_ACTOR, { personId: person.personId });
  return { url: link.url, expiresAt: link.expiresAt.toISOString() };
}

export const webLinkCommand: CliCommand = {
  name: 'web-link',
  usage: 'web-link --as <email>                  print a one-time web chat sign-in link (15 minutes)',
  async run(args, config) {
    const { values } = parseArgs({ args, options: { as: { type: 'string' } } });
    if (!values.as) {
      process.stderr.write('web-link needs --as <email>.\n');
      return 2;
    }
    const email = values.as;
    const deps = await openCliDeps(config).catch(async (error: unknown) => {
      if (!(error instanceof DatabaseInUseError)) throw error;
      return forwardToService(error, config, '/api/cli/web-link', { as: email });
    });
    if ('forwarded' in deps) {
      process.stdout.write(`${(deps.forwarded as { url: string }).url}\n`);
      return 0;
    }
    try {
      process.stdout.write(`${(await webLinkFor(deps, email)).url}\n`);
      return 0;
    } finally {
      await deps.db.close();
    }
  },
};
