/**
 * Slack user → Person. First contact asks Slack for the user's e-mail (users.info, which
 * needs the users:read.email scope) and links by it; later turns are one indexed look-up.
 */
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../src/deps.ts';
import type { Reply } from '../../src/conversation/types.ts';
import { linkChatIdentity, type LinkChatIdentityResult } from '../../src/features/people/link-chat-identity.ts';

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

/** What an unmatched user is told: why, and who can fix it. */
export function notLinkedReply(result: Exclude<LinkChatIdentityResult, { kind: 'linked' }>): Reply {
  const text =
    result.kind === 'inactive'
      ? `Your Rollcall account (${result.email}) is inactive, so I can't act for you. Ask your training admin to reactivate it.`
      : result.reason === 'no_email'
        ? "I can't see an e-mail address on your Slack profile, so I can't match you to a Rollcall account. Ask your Slack admin to show e-mails to apps, or your training admin to add you."
        : `I couldn't find anyone in Rollcall with the e-mail ${result.email}. Ask your training admin to add you, then try again.`;
  return { text, blocks: [{ type: 'section', text }] };
}
