/**
 * Teams activities → one neutral turn: typed text (bot mention removed), an Action.Submit
 * (a message whose `value` holds the card data), or an Action.Execute invoke. Pure: no
 * connector calls, no database.
 */
import type { InboundMessage } from '../../src/conversation/types.ts';
import { supportedLocale } from '../shared/locale.ts';
import type { IncomingActivity } from './parse-activity.ts';

export interface TeamsTurn {
  tenantId: string;
  /** The AAD object id when Teams gives one (it does for real users), the channel id otherwise. */
  userKey: string;
  /** The channel account id, for roster look-ups. */
  userId: string;
  threadKey: string;
  text?: string;
  action?: { id: string; value: string };
  /** Action.Execute: the answer goes in the HTTP body as a refreshed card. */
  isInvoke: boolean;
  messageId?: string;
  /** The client's locale (activity.locale), when this runtime can format in it. */
  locale?: string;
}

export function activityToTurn(activity: IncomingActivity): TeamsTurn | undefined {
  const base = {
    tenantId: tenantOf(activity),
    userKey: activity.from.aadObjectId ?? activity.from.id,
    userId: activity.from.id,
    threadKey: threadKeyOf(activity),
    messageId: activity.id,
    locale: supportedLocale((activity as { locale?: unknown }).locale),
  };
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
    const action = (
      activity.value as { action?: { verb?: string; data?: Record<string, unknown> } } | undefined
    )?.action;
    const read = action?.data ? readCardData(action.data) : undefined;
    const id = read?.id ?? action?.verb;
    if (!id) return undefined;
    return { ...base, isInvoke: true, action: { id, value: read?.value ?? '' } };
  }
  if (activity.type !== 'message') return undefined;
  if (activity.value && typeof activity.value === 'object') {
    const read = readCardData(activity.value as Record<string, unknown>);
    if (read) return { ...base, isInvoke: false, action: read };
  }
  const text = stripMentions(activity.text ?? '', activity);
  if (!text) return undefined;
  return { ...base, isInvoke: false, text };
}

function readCardData(data: Record<string, unknown>): { id: string; value: string } | undefined {
  const id = data.rollcallAction;
  if (typeof id !== 'string' || !id) return undefined;
  const fromChoice = typeof data.choiceInput === 'string' ? data[data.choiceInput] : undefined;
  const value = fromChoice ?? data.value;
  return { id, value: typeof value === 'string' ? value : value === undefined ? '' : String(value) };
}

export function toInboundMessage(turn: TeamsTurn, personId: string): InboundMessage {
  return {
    personId,
    channel: 'teams',
    threadKey: turn.threadKey,
    ...(turn.text !== undefined ? { text: turn.text } : {}),
    ...(turn.action ? { action: turn.action } : {}),
    ...(turn.messageId ? { messageId: turn.messageId } : {}),
    ...(turn.locale ? { locale: turn.locale } : {}),
  };
}

export function tenantOf(activity: IncomingActivity): string {
  const fromChannelData = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return activity.conversation.tenantId ?? fromChannelData ?? '';
}

/** A channel reply chain is "19:…@thread.tacv2;messageid=123": that chain is its own dialogue. */
function threadKeyOf(activity: IncomingActivity): string {
  if (activity.conversation.conversationType === 'personal' || !activity.conversation.isGroup) {
    return /;messageid=(\d+)/.exec(activity.conversation.id)?.[1] ?? '';
  }
  return activity.conversation.id;
}

/** "<at>Rollcall</at> book me…" → "book me…" (only the bot's own mention is removed). */
function stripMentions(text: string, activity: IncomingActivity): string {
  const botName = activity.recipient.name;
  let out = text;
  if (botName) out = out.split(`<at>${botName}</at>`).join(' ');
  return out.replace(/\s+/g, ' ').trim();
}
