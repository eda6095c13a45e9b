/**
 * What Rollcall answers on any channel: text plus neutral blocks. The conversation core and
 * the notifications both build replies; adapters render them as Block Kit, Adaptive Cards,
 * HTML or terminal text.
 */

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
  /**
   * Confirm before acting: the question shown in a confirmation dialog before the press is
   * sent. Adapters also ask for destructive presses (cancel, decline) that carry none.
   */
  confirm?: string;
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
  /**
   * Update the message this came from: for an answer to a button press, replace the pressed
   * message (its buttons are spent) rather than posting a new one. Adapters do this for
   * every answer to a press unless this is `false`.
   */
  updateSource?: boolean;
  /**
   * Only visible to this person: never post it where others can read it. Adapters keep an
   * answer to a private prompt private without this; set it for answers private by nature.
   */
  private?: boolean;
}
