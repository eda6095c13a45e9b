/**
 * Slack user → Person. First contact asks Slack for the user's e-mail (users.info, which
 * needs the users:read.email scope; see slack-users.ts) and links by it; later turns are one indexed look-up.
 */
import type { Deps } from '../../src/deps.ts';
import {
  linkChatIdentity,
  type LinkChatIdentityResult,
} from '../../src/features/people/link-chat-identity.ts';
import type { SlackUsers } from './slack-users.ts';

export function resolveSlackPerson(
  deps: Pick<Deps, 'db'>,
  users: SlackUsers,
  teamId: string,
  userId: string,
): Promise<LinkChatIdentityResult> {
  return linkChatIdentity(deps, {
    platform: 'slack',
    tenant: teamId,
    externalId: userId,
    lookupEmail: async () => (await users.info(teamId, userId)).email,
  });
}
