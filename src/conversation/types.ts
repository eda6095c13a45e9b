/**
 * The channel-neutral contract between adapters (Slack, Teams, web, CLI) and the
 * conversation core. Adapters only translate: platform payload → InboundMessage, and
 * Reply → Block Kit / Adaptive Card / HTML / terminal text.
 */

import type { ChatChannel } from '../shared/channel.ts';

/** The channel a message arrives on (a subset of the one Channel list in src/shared). */
export type Channel = ChatChannel;

export interface InboundMessage {
  /** Already resolved to a Person by the adapter (via ChatIdentity or e-mail). */
  personId: string;
  channel: Channel;
  /**
   * Conversation thread key ('' for a DM's main timeline). Dialogue state is kept per
   * (person, channel, thread), so a Slack thread or a Teams reply chain is its own context.
   */
  threadKey: string;
  /** Either free text or a button / choice press. */
  text?: string;
  action?: { id: string; value: string };
  /** Files the person shared with the message (e.g. a SCORM zip). */
  files?: InboundFile[];
  /** Platform message id, for logs and de-duplication. */
  messageId?: string;
  /** The reader's locale as the platform reports it (BCP 47, e.g. "en-US"), for dates and numbers. */
  locale?: string;
}

export interface InboundFile {
  name: string;
  mimeType: string;
  /** Fetches the bytes (adapters know how to authenticate the download). */
  read(): Promise<Buffer>;
}

// Replies are neutral (features build them too, for notifications), so they live in src/shared.
export type { Reply, ReplyBlock, ReplyButton, ReplyFile } from '../shared/reply.ts';
import type { Reply } from '../shared/reply.ts';

/** The core as adapters see it: one turn in, one reply out. */
export type ConversationHandler = (message: InboundMessage) => Promise<Reply>;
