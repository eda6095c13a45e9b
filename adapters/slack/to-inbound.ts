/**
 * Slack payloads → one neutral "turn". Pure functions: no Slack client, no database, so
 * each payload shape is testable on its own. The mount file resolves the Slack user to a
 * Person and turns a SlackTurn into the core's InboundMessage.
 */
import type { InboundMessage } from '../../src/conversation/types.ts';

export interface SlackFileRef {
  name: string;
  mimeType: string;
  url: string;
}

export interface SlackTurn {
  teamId: string;
  userId: string;
  /** Where the answer goes; undefined = the user's DM (App Home presses, modal submits). */
  channelId?: string;
  /** Reply inside this thread. */
  threadTs?: string;
  /** Dialogue state key: '' for a DM's main timeline, the thread's ts otherwise. */
  threadKey: string;
  text?: string;
  action?: { id: string; value: string };
  /** For slash commands and button presses: answer privately through response_url. */
  responseUrl?: string;
  messageId?: string;
  files?: SlackFileRef[];
}

interface SlackMessageEvent {
  type: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  channel?: string;
  channel_type?: string;
  ts?: string;
  thread_ts?: string;
  client_msg_id?: string;
  files?: { name?: string; mimetype?: string; url_private_download?: string }[];
}

/** Subtypes that are still a person talking to us; edits, joins and bot posts are not. */
const PERSON_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/** A DM to the bot. Channel messages arrive as app_mention instead. */
export function messageEventToTurn(teamId: string, event: SlackMessageEvent): SlackTurn | undefined {
  if (event.channel_type !== 'im') return undefined;
  if (event.bot_id || !event.user || !event.channel || !PERSON_SUBTYPES.has(event.subtype)) return undefined;
  return {
    teamId,
    userId: event.user,
    channelId: event.channel,
    threadTs: event.thread_ts,
    threadKey: event.thread_ts ?? '',
    text: (event.text ?? '').trim(),
    messageId: event.client_msg_id ?? event.ts,
    files: filesOf(event),
  };
}

/** "@Rollcall book me on…" in a channel: answered in a thread, which is its own dialogue. */
export function mentionEventToTurn(teamId: string, event: SlackMessageEvent): SlackTurn | undefined {
  if (event.bot_id || !event.user || !event.channel || !event.ts) return undefined;
  const threadTs = event.thread_ts ?? event.ts;
  return {
    teamId,
    userId: event.user,
    channelId: event.channel,
    threadTs,
    threadKey: threadTs,
    text: stripMentions(event.text ?? ''),
    messageId: event.client_msg_id ?? event.ts,
    files: filesOf(event),
  };
}

interface BlockActionsBody {
  team?: { id: string } | null;
  user: { id: string; team_id?: string };
  channel?: { id: string };
  container?: { type?: string; channel_id?: string; message_ts?: string; thread_ts?: string };
  message?: { ts?: string; thread_ts?: string };
  response_url?: string;
  actions?: {
    action_id: string;
    value?: string;
    selected_option?: { value: string };
    action_ts?: string;
  }[];
}

/** A button press or a choice picked from a select menu. */
export function blockActionToTurn(body: BlockActionsBody): SlackTurn | undefined {
  const action = body.actions?.[0];
  const teamId = body.team?.id ?? body.user.team_id;
  if (!action || !teamId) return undefined;
  const value = action.selected_option?.value ?? action.value ?? '';
  const threadTs = body.message?.thread_ts ?? body.container?.thread_ts;
  const channelId = body.channel?.id ?? body.container?.channel_id;
  return {
    teamId,
    userId: body.user.id,
    channelId,
    threadTs,
    threadKey: threadTs ?? '',
    action: { id: actionIdOf(action.action_id), value },
    responseUrl: body.response_url,
    messageId: action.action_ts,
  };
}

interface CommandBody {
  team_id: string;
  user_id: string;
  channel_id: string;
  text?: string;
  response_url?: string;
  trigger_id?: string;
}

export function commandToTurn(body: CommandBody): SlackTurn {
  return {
    teamId: body.team_id,
    userId: body.user_id,
    channelId: body.channel_id,
    threadKey: '',
    text: (body.text ?? '').trim() || 'help',
    responseUrl: body.response_url,
    messageId: body.trigger_id,
  };
}

/**
 * Slack needs action ids unique within a message, but the core gives several buttons the
 * same id (three "book_session" buttons with different values); render-reply appends
 * `#n`, and this strips it again.
 */
export function actionIdOf(slackActionId: string): string {
  return slackActionId.replace(/#\d+$/, '');
}

export function toInboundMessage(
  turn: SlackTurn,
  personId: string,
  files?: InboundMessage['files'],
): InboundMessage {
  return {
    personId,
    channel: 'slack',
    threadKey: turn.threadKey,
    ...(turn.text !== undefined ? { text: turn.text } : {}),
    ...(turn.action ? { action: turn.action } : {}),
    ...(files?.length ? { files } : {}),
    ...(turn.messageId ? { messageId: turn.messageId } : {}),
  };
}

function stripMentions(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function filesOf(event: SlackMessageEvent): SlackFileRef[] | undefined {
  const files = (event.files ?? [])
    .filter((f) => f.url_private_download)
    .map((f) => ({
      name: f.name ?? 'file',
      mimeType: f.mimetype ?? 'application/octet-stream',
      url: f.url_private_download!,
    }));
  return files.length ? files : undefined;
}
