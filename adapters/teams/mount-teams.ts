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
import type { Hono } from 'hono';
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
import { ADAPTIVE_CARD_TYPE, renderAdaptiveCard, renderTeamsActivity } from './render-reply.ts';

export interface TeamsMountOptions {
  /** Outbound token source; tests pass a stub, since MSAL only talks to real https authorities. */
  credentialsFactory?: ServiceClientCredentialsFactory;
}

export interface TeamsMount {
  /** closed without credentials (every activity refused), emulator only when asked for. */
  mode: TeamsMode;
  /** True only with credentials: inbound activities carry a verified Bot Framework token. */
  authenticated: boolean;
  /** Proactive messages into the person's personal chat with the bot. */
  sender: NotificationSender;
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
  const adapter = new HonoCloudAdapter(createTeamsAuthentication(config, options.credentialsFactory), log, {
    mode,
    allowedTenants: config.MICROSOFT_ALLOWED_TENANTS,
  });
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error }, 'teams turn failed');
    await context
      .sendActivity('Something went wrong on my side and it has been logged. Please try again in a moment.')
      .catch(() => {});
  };

  async function logic(context: TurnContext): Promise<void> {
    const activity = context.activity as unknown as IncomingActivity;
    if (isPersonalInstall(activity)) {
      await welcome(context, activity);
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
      await context.sendActivity({
        type: 'invokeResponse',
        value: {
          status: 200,
          body: { statusCode: 200, type: ADAPTIVE_CARD_TYPE, value: renderAdaptiveCard(reply, 'execute') },
        },
      });
      return;
    }
    await context.sendActivity(renderTeamsActivity(reply));
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

  app.post('/api/messages', limitBody(256 * KB), (c) => adapter.handle(c, logic));

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
        await context.sendActivity(renderTeamsActivity(reply));
      });
      return { kind: 'sent' };
    },
    log,
  );

  return { mode, authenticated: mode === 'authenticated', sender };
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
