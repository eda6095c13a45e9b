/**
 * The channel-neutral contract between adapters (Slack, Teams, web, CLI) and the
 * conversation core. Adapters only translate: platform payload → InboundMessage, and
 * Reply → Block Kit / Adaptive Card / HTML / terminal text.
 */

export type Channel = 'slack' | 'teams' | 'web' | 'cli';

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
}

export interface InboundFile {
  name: string;
  mimeType: string;
  /** Fetches the bytes (adapters know how to authenticate the download). */
  read(): Promise<Buffer>;
}

export type ReplyBlock =
  | { type: 'section'; text: string }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  | { type: 'table'; title?: string; columns: string[]; rows: string[][] }
  | { type: 'buttons'; buttons: ReplyButton[] }
  | { type: 'choices'; prompt: string; actionId: string; choices: { label: string; value: string }[] }
  | { type: 'divider' }
  | { type: 'context'; text: string };

export interface ReplyButton {
  label: string;
  /** Stable action id, e.g. `book_session`, `join_waitlist`, `confirm`, `cancel`. */
  actionId: string;
  value: string;
  style?: 'primary' | 'danger';
  /** A plain link instead of an action (e.g. a SCORM launch URL). */
  url?: string;
}

export interface ReplyFile {
  name: string;
  mimeType: 'text/csv' | 'application/pdf' | 'image/png' | 'text/calendar' | string;
  content: Buffer;
  title?: string;
}

/** What the core answers. `text` alone must make sense (notifications, plain-text channels). */
export interface Reply {
  text: string;
  blocks: ReplyBlock[];
  files?: ReplyFile[];
  /** Marks replies that ask something; adapters may render them as ephemeral prompts. */
  awaitingAnswer?: boolean;
}

/** The core as adapters see it: one turn in, one reply out. */
export type ConversationHandler = (message: InboundMessage) => Promise<Reply>;
