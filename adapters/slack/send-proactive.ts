/**
 * Messages nobody asked for (reminders, waitlist promotions) go to the person's DM with the
 * bot. The DM channel stored at their last DM is used when there is one; anyone else linked
 * to a Slack user (through a slash command, a mention, App Home) gets the DM opened with
 * conversations.open (scope im:write), and the channel is kept for next time.
 */
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../src/deps.ts';
import { findConversationRefs } from '../../src/features/people/link-chat-identity.ts';
import { postReply } from './deliver.ts';
import { isWorkspaceRevoked } from './workspace-state.ts';

import { notificationSender, type NotificationSender } from '../shared/proactive.ts';

export function createSlackSender(deps: Pick<Deps, 'db' | 'log'>, web: WebClient): NotificationSender {
  return notificationSender(
    'slack',
    async (personId, reply) => {
      const refs = await findConversationRefs(deps, personId, 'slack');
      // Workspaces that uninstalled the app or revoked its token get nothing.
      const live = [];
      for (const r of refs) if (!(await isWorkspaceRevoked(deps, r.tenant))) live.push(r);
      const stored = live.find((r) => typeof r.conversationRef.channel === 'string');
      if (stored) {
        await postReply(web, { channelId: stored.conversationRef.channel as string }, reply);
        return { kind: 'sent' };
      }
      const identity = await deps.db.prisma.chatIdentity.findFirst({
        where: { personId, platform: 'slack' },
        orderBy: { updatedAt: 'desc' },
        select: { id: true, tenant: true, externalId: true },
      });
      if (!identity || (await isWorkspaceRevoked(deps, identity.tenant))) return { kind: 'no_channel' };
      const opened = await web.conversations.open({ users: identity.externalId });
      const channel = opened.channel?.id;
      if (!channel) return { kind: 'no_channel' };
      await deps.db.prisma.chatIdentity.update({
        where: { id: identity.id },
        data: { conversationRef: { channel, teamId: identity.tenant, userId: identity.externalId } },
      });
      await postReply(web, { channelId: channel }, reply);
      return { kind: 'sent' };
    },
    deps.log,
  );
}
