/**
 * What Rollcall answers on any channel: text plus neutral blocks. The conversation core and
 * the notifications both build replies; adapters render them as Block Kit, Adaptive Cards,
 * HTML or terminal text.
 */

/**
 * Every action a button (or a choice list) can carry: one closed list shared by the code that
 * makes buttons and the router that answers them (conversation/handle-message.ts), so a
 * button without a router case fails the typecheck. `say` sends its value as if typed; `link`
 * and `open_web_chat` are plain links (the button has a url) and never come back.
 */
export const ACTION_IDS = [
  'say',
  'confirm',
  'choose',
  'book_session',
  'join_waitlist',
  'cancel_booking',
  'session_roster',
  'launch_course',
  'approve_request',
  'decline_request',
  'accept_offer',
  'decline_offer',
  'link',
  'open_web_chat',
] as const;
export type ActionId = (typeof ACTION_IDS)[number];

/** Whether an id that came back from a platform is one Rollcall still makes (old messages may carry others). */
export const isActionId = (id: string): id is ActionId => (ACTION_IDS as readonly string[]).includes(id);

export type ReplyBlock =
  | { type: 'section'; text: string }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  | { type: 'table'; title?: string; columns: string[]; rows: string[][] }
  | { type: 'buttons'; buttons: ReplyButton[] }
  | { type: 'choices'; prompt: string; actionId: ActionId; choices: { label: string; value: string }[] }
  | { type: 'divider' }
  | { type: 'context'; text: string };

export interface ReplyButton {
  label: string;
  /** Stable action id from the closed list above. */
  actionId: ActionId;
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
