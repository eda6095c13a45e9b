/**
 * "open Rollcall in my browser": a one-time link that signs this person into the web chat.
 * The person is already authenticated by the platform they ask on, so the link is theirs;
 * it works once, for 15 minutes.
 */
import { createWebSignInLink } from '../../features/web-sessions/index.ts';
import { reply } from '../reply/build.ts';
import type { IntentHandler } from './turn.ts';

export const handleOpenWebChat: IntentHandler<'open_web_chat'> = async (turn) => {
  if (turn.channel === 'web') return reply("You're already in the web chat.");
  const link = await createWebSignInLink(turn.deps, turn.actor, { personId: turn.actor.personId });
  return reply('Here is your sign-in link for the web chat. It works once, for the next 15 minutes.', {
    blocks: [
      {
        type: 'buttons',
        buttons: [
          { label: 'Open Rollcall in my browser', actionId: 'open_web_chat', value: '', url: link.url },
        ],
      },
    ],
  });
};
