/**
 * Teams user → Person, keyed by the AAD object id within the tenant. First contact reads
 * the user's e-mail (or UPN) from the conversation roster and links by it.
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Deps } from '../../src/deps.ts';
import {
  linkChatIdentity,
  type LinkChatIdentityResult,
} from '../../src/features/people/link-chat-identity.ts';
import type { TeamsTurn } from './to-inbound.ts';

export function resolveTeamsPerson(
  deps: Pick<Deps, 'db' | 'log'>,
  context: TurnContext,
  turn: TeamsTurn,
): Promise<LinkChatIdentityResult> {
  return linkChatIdentity(deps, {
    platform: 'teams',
    tenant: turn.tenantId,
    externalId: turn.userKey,
    lookupEmail: async () => {
      try {
        const member = await TeamsInfo.getMember(context, turn.userId);
        return member.email ?? member.userPrincipalName ?? undefined;
      } catch (error) {
        // Outside Teams (the Emulator) there is no roster to ask.
        deps.log.warn({ err: error }, 'teams roster look-up failed');
        return undefined;
      }
    },
  });
}
