/**
 * Microsoft Teams on the Hono service: `POST /api/messages` through CloudAdapter. Personal
 * chats and channel mentions become text turns; Adaptive Card Action.Submit comes back as a
 * message with the card's data, Action.Execute as an invoke answered in the HTTP body with
 * a refreshed card. Each turn stores the conversation reference on the person's
 * ChatIdentity, so jobs can message them later (sendProactive).
 *
 * Mount it before any `/api/*` admin-token middleware: the Bot Framework authenticates
 * with its own JWT, not the admin token.
 */
import type { Context, Hono } from 'hono';
import { TurnContext, type ConversationReference } from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Deps } from '../../src/deps.ts';
import type { ConversationHandler, Reply } from '../../src/conversation/types.ts';
import {
  findConversationRefs,
  rememberConversationRef,
} from '../../src/features/people/link-chat-identity.ts';
import { recordProcessedEvent } from '../../src/features/platform/record-processed-event.ts';
import { askCore, notLinkedReply } from '../shared/ask-core.ts';
import { notificationSender, type NotificationSender } from '../shared/proactive.ts';
import { createTeamsAuthentication } from './create-authentication.ts';
import { HonoCloudAdapter, isLoopbackUrl, type TeamsMode } from './hono-cloud-adapter.ts';
import { KB, limitBody } from '../../src/http/body-limit.ts';
import type { IncomingActivity } from './parse-activity.ts';
import { activityToTurn, tenantOf, toInboundMessage } from './to-inbound.ts';
import { resolveTeamsPerson } from './identity.ts';
import { recordInstall, recordUninstall } from './installed-conversations.ts';
import { ADAPTIVE_CARD_TYPE, renderAdaptiveCard, renderTeamsActivity } from './render-reply.ts';
import { mountFileDownloads } from './download-route.ts';
import { currentStateReply, readRefreshData, REFRESH_VERB } from './universal-actions.ts';
import {
  dialogDone,
  dialogResponse,
  isScheduleDialog,
  readDialogSubmission,
  scheduleDialogCard,
  scheduleOpenerCard,
} from './schedule-dialog.ts';
import { FileDelivery, fileInfoCard, uploadToConsentUrl, type UploadInfo } from './file-delivery.ts';
import type { ReplyFile } from '../../src/conversation/types.ts';
import { DEFAULT_TURN_QUEUE, TurnQueue, type TurnQueueOptions } from '../shared/turn-queue.ts';

/** Activities are small; the service's app applies the same limit to this route. */
const MESSAGES_BODY_LIMIT = 256 * KB;

export interface TeamsMountOptions {
  /** Outbound token source; tests pass a stub, since MSAL only talks to real https authorities. */
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** Bounds the message turns waiting after their ack (tests make it small). */
  turnQueue?: TurnQueueOptions;
}

export interface TeamsMount {
  /** closed without credentials (every activity refused), emulator only when asked for. */
  mode: TeamsMode;
  /** True only with credentials: inbound activities carry a verified Bot Framework token. */
  authenticated: boolean;
  /** Proactive messages into the person's personal chat with the bot. */
  sender: NotificationSender;
  /** Resolves when no message turn is running or waiting (tests wait on it after a post). */
  idle: () => Promise<void>;
  /** Refuses new message turns and waits for accepted ones (graceful shutdown). */
  stop: () => Promise<void>;
  /**
   * What `POST /api/messages` runs after its body limit, for a caller that routes to it from
   * its own app (mountChatAdapters) and has already applied the same limit.
   */
  handleMessages: (c: Context) => Promise<Response>;
}

export function mountTeams(
  app: Hono,
  deps: Deps,
  handler: ConversationHandler,
  options: TeamsMountOptions = {},
): TeamsMount {
  const { config, log } = deps;
  const appId = config.MICROSOFT_APP_ID ?? '';
  const mode: TeamsMode = appId ? 'authenticated' : config.TEAMS_EMULATOR ? 'emulator' : 'closed';
  const turns = new TurnQueue('teams', log, options.turnQueue ?? DEFAULT_TURN_QUEUE);
  const adapter = new HonoCloudAdapter(createTeamsAuthentication(config, options.credentialsFactory), log, {
    mode,
    allowedTenants: config.MICROSOFT_ALLOWED_TENANTS,
    turns,
  });
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error }, 'teams turn failed');
    await context
      .sendActivity('Something went wrong on my side and it has been logged. Please try again in a moment.')
      .catch(() => {});
  };

  const files = new FileDelivery(deps);

  async function logic(context: TurnContext): Promise<void> {
    const activity = context.activity as unknown as IncomingActivity;
    if (activity.type === 'invoke' && activity.name === 'fileConsent/invoke') {
      await answerFileConsent(context, activity);
      return;
    }
    if (isPersonalInstall(activity)) {
      await welcome(context, activity);
      return;
    }
    if (isSharedInstall(activity)) {
      await helloOnce(context, activity);
      return;
    }
    if (isSharedUninstall(activity)) {
      await recordUninstall(deps, activity.conversation.id);
      log.info({ conversationId: activity.conversation.id }, 'teams app removed from a conversation');
      return;
    }
    if (isRefreshInvoke(activity)) {
      await answerRefresh(context, activity);
      return;
    }
    if (activity.type === 'invoke' && (activity.name === 'task/fetch' || activity.name === 'task/submit')) {
      await answerDialog(context, activity);
      return;
    }
    const turn = activityToTurn(activity);
    if (!turn) return;
    // The channel resends a message it saw no answer to; act on each message once. Invokes
    // are not marked: their answer is the HTTP response, which a resend needs again.
    if (!turn.isInvoke && activity.id) {
      const seen = await recordProcessedEvent(deps, {
        platform: 'teams',
        eventId: `${activity.conversation.id}|${activity.id}`,
      });
      if (seen.kind === 'duplicate') {
        log.info({ activityId: activity.id }, 'teams redelivery dropped');
        return;
      }
    }
    // The scheduling form, as Slack's "/rollcall schedule" opens its modal.
    if (turn.text && /^schedule\s*$/i.test(turn.text)) {
      await context.sendActivity({
        type: 'message',
        summary: 'Schedule sessions in a form',
        attachments: [{ contentType: ADAPTIVE_CARD_TYPE, content: scheduleOpenerCard() }],
      });
      return;
    }
    // A typed question may take a while (the language model): show that something is coming.
    if (turn.text) await context.sendActivity({ type: 'typing' }).catch(() => {});
    const who = await resolveTeamsPerson(deps, context, turn);
    let reply: Reply;
    if (who.kind === 'linked') {
      // Only a personal chat is a private address; a channel must never get someone's reminders.
      if (isPersonal(activity)) await rememberConversationRef(deps, who, referenceOf(context));
      reply = await askCore(handler, toInboundMessage(turn, who.personId), log);
    } else {
      reply = notLinkedReply(who, 'Teams');
    }
    if (turn.isInvoke) {
      // Universal Actions: the refreshed card is the HTTP answer to the invoke.
      await answerInvokeWithCard(context, reply, activity.from.id);
      return;
    }
    const { files: attached, ...message } = reply;
    const rendered = renderTeamsActivity(message, 'submit', { userIds: [activity.from.id] });
    // An Action.Submit names the card it came from: that card shows the outcome, its buttons spent.
    const source = (activity as { replyToId?: string }).replyToId;
    if (turn.action && source && reply.updateSource !== false) {
      try {
        await context.updateActivity({ ...rendered, id: source });
      } catch (error) {
        log.warn({ err: error }, 'teams card update failed; answering with a new card');
        await context.sendActivity(rendered);
      }
    } else {
      await context.sendActivity(rendered);
    }
    await sendFiles(context, activity.conversation.id, isPersonal(activity), attached);
  }

  /**
   * The scheduling dialog: `task/fetch` opens it; `task/submit` re-shows it with the errors,
   * or runs the form as a turn (same core path as Slack's modal) and posts the answer in the
   * chat, closing the dialog with a short line.
   */
  async function answerDialog(context: TurnContext, activity: IncomingActivity): Promise<void> {
    const data = (activity.value as { data?: unknown } | undefined)?.data;
    const answer = (body: Record<string, unknown>) =>
      context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
    if (!isScheduleDialog(data)) {
      await answer(dialogDone('This form is no longer available. Type "schedule" to open it again.'));
      return;
    }
    if (activity.name === 'task/fetch') {
      await answer(dialogResponse(scheduleDialogCard()));
      return;
    }
    const { submission, values } = readDialogSubmission(data);
    if (!submission.ok) {
      await answer(dialogResponse(scheduleDialogCard(values, submission.errors)));
      return;
    }
    const turn = {
      tenantId: tenantOf(activity),
      userKey: activity.from.aadObjectId ?? activity.from.id,
      userId: activity.from.id,
      threadKey: '',
      isInvoke: true,
      text: submission.text,
      messageId: activity.id,
    };
    const who = await resolveTeamsPerson(deps, context, turn);
    const reply =
      who.kind === 'linked'
        ? await askCore(handler, toInboundMessage(turn, who.personId), log)
        : notLinkedReply(who, 'Teams');
    const { files: _files, ...message } = reply;
    await context.sendActivity(renderTeamsActivity(message, 'submit', { userIds: [activity.from.id] }));
    await answer(dialogDone('Sent to our chat.'));
  }

  /**
   * Universal Actions refresh: someone opened a card about an offer or an approval; answer
   * with the card as it stands now, for them (the invoke response is what their client shows).
   */
  async function answerRefresh(context: TurnContext, activity: IncomingActivity): Promise<void> {
    const data = readRefreshData((activity.value as { action?: { data?: unknown } }).action?.data);
    let reply: Reply;
    if (!data) {
      reply = { text: 'This card can no longer be updated.', blocks: [] };
    } else {
      const who = await resolveTeamsPerson(deps, context, {
        tenantId: tenantOf(activity),
        userKey: activity.from.aadObjectId ?? activity.from.id,
        userId: activity.from.id,
        threadKey: '',
        isInvoke: true,
      });
      reply = await currentStateReply(deps, who.kind === 'linked' ? who.personId : undefined, data);
    }
    await answerInvokeWithCard(context, reply, activity.from.id);
  }

  /** Personal chat: a consent card per file. Elsewhere: a card of signed, expiring download links. */
  async function sendFiles(
    context: TurnContext,
    conversationId: string,
    personal: boolean,
    list: ReplyFile[] | undefined,
  ): Promise<void> {
    if (!list?.length) return;
    if (personal) {
      await context.sendActivity({
        type: 'message',
        attachments: await Promise.all(list.map((f) => files.consentCard(f, conversationId))),
      });
      return;
    }
    const paths = await Promise.all(list.map((f) => files.downloadPath(f)));
    const links: Reply = {
      text: list.length === 1 ? `Download ${list[0]!.name}` : `Download ${list.length} files`,
      blocks: [
        { type: 'context', text: 'Links work for 15 minutes.' },
        {
          type: 'buttons',
          buttons: list.map((f, i) => ({
            label: `Download ${f.name}`,
            actionId: 'link',
            value: f.name,
            url: `${config.publicUrl}${paths[i]}`,
          })),
        },
      ],
    };
    await context.sendActivity(renderTeamsActivity(links));
  }

  /** The answer to a FileConsentCard: upload on "Allow", forget on "Decline". */
  async function answerFileConsent(context: TurnContext, activity: IncomingActivity): Promise<void> {
    const value = (activity.value ?? {}) as {
      action?: string;
      context?: { fileId?: unknown };
      uploadInfo?: UploadInfo;
    };
    const file = await files.take(value.context?.fileId, activity.conversation.id);
    const say = (text: string) => context.sendActivity(renderTeamsActivity({ text, blocks: [] }));
    if (!file) {
      await say('That file offer has expired. Ask me again and I will offer it afresh.');
    } else if (value.action !== 'accept') {
      await say(`OK, I won't send ${file.name}.`);
    } else if (!value.uploadInfo || !uploadAllowed(value.uploadInfo.uploadUrl)) {
      log.warn('teams file consent without a usable upload URL');
      await say(`I couldn't upload ${file.name}. Ask me again in a moment.`);
    } else {
      try {
        await uploadToConsentUrl(value.uploadInfo.uploadUrl, file);
        await context.sendActivity({ type: 'message', attachments: [fileInfoCard(value.uploadInfo)] });
      } catch (error) {
        log.warn({ err: error }, 'teams file upload failed');
        await say(`I couldn't upload ${file.name}. Ask me again in a moment.`);
      }
    }
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200 } });
  }

  /** The upload URL comes from Teams (OneDrive, https); in Emulator mode only loopback. */
  function uploadAllowed(url: string): boolean {
    if (mode === 'emulator') return isLoopbackUrl(url);
    try {
      return new URL(url).protocol === 'https:';
    } catch {
      return false;
    }
  }

  /**
   * Added to a team or a group chat: keep the address (so Rollcall can post there later) and
   * say what Rollcall does, once per installation, however often Teams repeats the events.
   */
  async function helloOnce(context: TurnContext, activity: IncomingActivity): Promise<void> {
    const first = await recordInstall(deps, {
      conversationId: activity.conversation.id,
      tenantId: tenantOf(activity),
      // The adapter has verified the activity (and its service URL) before this runs.
      serviceUrl: activity.serviceUrl,
      scope: activity.conversation.conversationType === 'groupChat' ? 'groupChat' : 'team',
      reference: referenceOf(context),
    });
    if (!first) return;
    await context.sendActivity(renderTeamsActivity(SHARED_HELLO));
  }

  /**
   * Installing the app in a personal scope sends a conversationUpdate with the bot as the
   * added member: that is the moment to keep the address, so reminders can reach people
   * who have never typed anything, and to say what Rollcall does.
   */
  async function welcome(context: TurnContext, activity: IncomingActivity): Promise<void> {
    const turn = {
      tenantId: tenantOf(activity),
      userKey: activity.from.aadObjectId ?? activity.from.id,
      userId: activity.from.id,
      threadKey: '',
      isInvoke: false,
    };
    const who = await resolveTeamsPerson(deps, context, turn);
    if (who.kind !== 'linked') {
      await context.sendActivity(renderTeamsActivity(notLinkedReply(who, 'Teams')));
      return;
    }
    await rememberConversationRef(deps, who, referenceOf(context));
    await context.sendActivity(renderTeamsActivity(WELCOME));
  }

  const handleMessages = (c: Context) => adapter.handle(c, logic);
  app.post('/api/messages', limitBody(MESSAGES_BODY_LIMIT), handleMessages);
  mountFileDownloads(app, files);

  const sender = notificationSender(
    'teams',
    async (personId, reply) => {
      const refs = await findConversationRefs(deps, personId, 'teams');
      const ref = refs[0]?.conversationRef as Partial<ConversationReference> | undefined;
      if (mode === 'closed' || !ref?.serviceUrl || !ref.conversation) return { kind: 'no_channel' };
      // An address kept in Emulator mode (or before) must not send this service anywhere else.
      if (mode === 'emulator' && !isLoopbackUrl(ref.serviceUrl)) return { kind: 'no_channel' };
      await adapter.continueConversationAsync(appId, ref, async (context) => {
        // The continuation activity has a made-up id; without it the message is a new one, not a reply.
        context.activity.id = undefined as unknown as string;
        const { files: attached, ...message } = reply;
        // Sent to one person's chat: theirs is the view kept current (an offer that lapses).
        const userIds = ref.user?.id ? [ref.user.id] : [];
        await context.sendActivity(renderTeamsActivity(message, 'submit', { userIds }));
        await sendFiles(context, ref.conversation!.id, true, attached);
      });
      return { kind: 'sent' };
    },
    log,
  );

  return {
    mode,
    authenticated: mode === 'authenticated',
    sender,
    idle: () => turns.idle(),
    stop: () => turns.drain(),
    handleMessages,
  };
}

/**
 * Universal Actions: the HTTP answer to an Action.Execute or refresh invoke is the card to
 * show in place of the pressed one, refreshed for the person who pressed it.
 */
async function answerInvokeWithCard(context: TurnContext, reply: Reply, userId: string): Promise<void> {
  await context.sendActivity({
    type: 'invokeResponse',
    value: {
      status: 200,
      body: {
        statusCode: 200,
        type: ADAPTIVE_CARD_TYPE,
        value: renderAdaptiveCard(reply, 'execute', { userIds: [userId] }),
      },
    },
  });
}

const WELCOME: Reply = {
  text: 'Hi, I\'m Rollcall. Ask me about training: "what first aid sessions are there next month?", "book me on Fire Safety on Tuesday", "what\'s overdue?". I\'ll also tell you here about waitlist places and reminders.',
  blocks: [
    { type: 'section', text: "Hi, I'm Rollcall. Ask me about training, for example:" },
    {
      type: 'section',
      text: "• what first aid sessions are there next month?\n• book me on Fire Safety on Tuesday\n• what's overdue?",
    },
    { type: 'context', text: "I'll also tell you here about waitlist places and reminders." },
  ],
};

const SHARED_HELLO: Reply = {
  text: 'Hi, I\'m Rollcall. Mention me here to find sessions, e.g. "@Rollcall what first aid sessions are there next month?"',
  blocks: [
    { type: 'section', text: "Hi, I'm Rollcall. Mention me here to ask about training, for example:" },
    {
      type: 'section',
      text: '• what first aid sessions are there next month?\n• how is my team doing on compliance?',
    },
    { type: 'context', text: 'Personal things (bookings, reminders) stay in your personal chat with me.' },
  ],
};

/** The bot added to a team or group chat (conversationUpdate or installationUpdate "add"). */
function isSharedInstall(activity: IncomingActivity): boolean {
  if (isPersonal(activity)) return false;
  const added = (activity as { membersAdded?: { id: string }[] }).membersAdded ?? [];
  if (activity.type === 'conversationUpdate') return added.some((m) => m.id === activity.recipient.id);
  return activity.type === 'installationUpdate' && (activity as { action?: string }).action === 'add';
}

/** The app removed from a team or group chat (installationUpdate "remove", or the bot removed). */
function isSharedUninstall(activity: IncomingActivity): boolean {
  if (isPersonal(activity)) return false;
  const removed = (activity as { membersRemoved?: { id: string }[] }).membersRemoved ?? [];
  if (activity.type === 'conversationUpdate') return removed.some((m) => m.id === activity.recipient.id);
  return activity.type === 'installationUpdate' && (activity as { action?: string }).action === 'remove';
}

function isRefreshInvoke(activity: IncomingActivity): boolean {
  if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action') return false;
  return (activity.value as { action?: { verb?: string } } | undefined)?.action?.verb === REFRESH_VERB;
}

function isPersonalInstall(activity: IncomingActivity): boolean {
  const added = (activity as { membersAdded?: { id: string }[] }).membersAdded ?? [];
  return (
    activity.type === 'conversationUpdate' &&
    isPersonal(activity) &&
    added.some((m) => m.id === activity.recipient.id)
  );
}

function isPersonal(activity: IncomingActivity): boolean {
  return (
    activity.conversation.conversationType === 'personal' ||
    (!activity.conversation.conversationType && !activity.conversation.isGroup)
  );
}

/** Stored as plain JSON; `activityId` is dropped so a later send starts a new message, not a reply. */
function referenceOf(context: TurnContext): Record<string, unknown> {
  const { activityId: _ignored, ...reference } = TurnContext.getConversationReference(context.activity);
  return JSON.parse(JSON.stringify(reference)) as Record<string, unknown>;
}
