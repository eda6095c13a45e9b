/**
 * Slack user → Person. First contact asks Slack for the user's e-mail (users.info, which
 * needs the users:read.email scope) and links by it; later turns are one indexed look-up.
 */
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../src/deps.ts';
import {
  linkChatIdentity,
  type LinkChatIdentityResult,
} from '../../src/features/people/link-chat-identity.ts';

export function resolveSlackPerson(
  deps: Pick<Deps, 'db'>,
  web: WebClient,
  teamId: string,
  userId: string,
): Promise<LinkChatIdentityResult> {
  return linkChatIdentity(deps, {
    platform: 'slack',
    tenant: teamId,
    externalId: userId,
    lookupEmail: async () => {
      const info = await web.users.info({ user: userId });
      return info.user?.profile?.email ?? undefined;
    },
  });
}
