/**
 * What both chat adapters do around the conversation core: call it, turn its AppErrors
 * into the person's answer, and explain clearly when a chat user is not linked to anyone.
 */
import type { ConversationHandler, InboundMessage, Reply } from '../../src/conversation/types.ts';
import type { LinkChatIdentityResult } from '../../src/features/people/link-chat-identity.ts';
import { isAppError } from '../../src/shared/app-error.ts';
import type { Logger } from '../../src/shared/logger.ts';

export async function askCore(
  handler: ConversationHandler,
  message: InboundMessage,
  log: Logger,
): Promise<Reply> {
  try {
    return await handler(message);
  } catch (error) {
    if (isAppError(error)) return textReply(error.userMessage);
    log.error({ err: error, channel: message.channel }, 'conversation handler failed');
    return textReply('Something went wrong on my side and it has been logged. Please try again in a moment.');
  }
}

export function notLinkedReply(
  result: Exclude<LinkChatIdentityResult, { kind: 'linked' }>,
  platform: 'Slack' | 'Teams',
): Reply {
  if (result.kind === 'inactive') {
    return textReply(
      `Your Rollcall account (${result.email}) is inactive, so I can't act for you. Ask your training admin to reactivate it.`,
    );
  }
  if (result.reason === 'no_email') {
    return textReply(
      `I can't see an e-mail address for your ${platform} account, so I can't match you to a Rollcall account. Ask your training admin to add you.`,
    );
  }
  return textReply(
    `I couldn't find anyone in Rollcall with the e-mail ${result.email}. Ask your training admin to add you, then try again.`,
  );
}

export function textReply(text: string): Reply {
  return { text, blocks: [{ type: 'section', text }] };
}
