/**
 * Messages nobody asked for (reminders, waitlist promotions) go to the person's DM with the
 * bot, whose channel id was stored on their ChatIdentity at their last DM.
 */
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../src/deps.ts';
import { findConversationRefs } from '../../src/features/people/link-chat-identity.ts';
import { postReply } from './deliver.ts';

import { notificationSender, type NotificationSender } from '../shared/proactive.ts';

export function createSlackSender(deps: Pick<Deps, 'db' | 'log'>, web: WebClient): NotificationSender {
  return notificationSender(
    'slack',
    async (personId, reply) => {
      const refs = await findConversationRefs(deps, personId, 'slack');
      const channel = refs
        .map((r) => r.conversationRef.channel)
        .find((c): c is string => typeof c === 'string');
      if (!channel) return { kind: 'no_channel' };
      await postReply(web, { channelId: channel }, reply);
      return { kind: 'sent' };
    },
    deps.log,
  );
}
