/**
 * Slack on the Hono service: `POST /slack/events` takes Events API deliveries, the
 * /rollcall slash command and interactivity (buttons, selects, modals). Bolt dispatches;
 * the receiver answers Slack on ack(); each listener acks first and works after.
 */
import type { Context, Hono } from 'hono';
import { App, LogLevel, SocketModeReceiver, type Logger as BoltLogger } from '@slack/bolt';
import { recordProcessedEvent } from '../../src/features/platform/record-processed-event.ts';
import { WebClient } from '@slack/web-api';
import type { Deps } from '../../src/deps.ts';
import type { ConversationHandler, InboundFile, Reply } from '../../src/conversation/types.ts';
import { rememberConversationRef } from '../../src/features/people/link-chat-identity.ts';
import { HonoSlackReceiver } from './hono-receiver.ts';
import { QueuedSocketModeReceiver } from './queued-socket-receiver.ts';
import {
  blockActionToTurn,
  commandToTurn,
  mentionEventToTurn,
  messageEventToTurn,
  toInboundMessage,
  type SlackTurn,
} from './to-inbound.ts';
import { resolveSlackPerson } from './identity.ts';
import { askCore, notLinkedReply } from '../shared/ask-core.ts';
import { answerPress, postReply, respondPrivately, uploadFiles, type SlackTarget } from './deliver.ts';
import { buildHomeView } from './app-home.ts';
import { teamStatus } from './team-status.ts';
import { LINK_ACTION_ID, renderSlackReply } from './render-reply.ts';
import {
  readScheduleSubmission,
  scheduleModal,
  SCHEDULE_CALLBACK_ID,
  SCHEDULE_FIRST_BLOCK,
} from './schedule-modal.ts';
import { createSlackSender } from './send-proactive.ts';
import { isWorkspaceRevoked, markWorkspaceRevoked } from './workspace-state.ts';
import { slackUsers } from './slack-users.ts';
import type { NotificationSender } from '../shared/proactive.ts';
import { DEFAULT_TURN_QUEUE, TurnQueue, type TurnQueueOptions } from '../shared/turn-queue.ts';
import { refuseUnconfiguredSlack } from './closed.ts';

/** What a person is told when their command, press or form could not be taken. */
export const SLACK_BUSY_TEXT = "I'm busy with a lot of requests right now. Please try again in a moment.";

export interface SlackMountOptions {
  /** Bounds the turns waiting after their ack (tests make it small). */
  turnQueue?: TurnQueueOptions;
}

export interface SlackMount {
  /** True when SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are set. */
  enabled: boolean;
  /** Proactive messages to a person's DM with the bot. */
  sender: NotificationSender;
  /** 'socket' when SLACK_APP_TOKEN is set: Rollcall dials out to Slack, no inbound HTTP. */
  transport?: 'http' | 'socket';
  /** Refuses new turns, waits for accepted ones, and closes the Socket Mode connection. */
  stop: () => Promise<void>;
  /** Resolves when no turn is running or waiting (tests and benches wait on it). */
  idle: () => Promise<void>;
  /**
   * What `POST /slack/events` runs (HTTP transport only), for a caller that routes to it
   * from its own app (mountChatAdapters).
   */
  handleEvents?: (c: Context) => Promise<Response>;
}

export function mountSlack(
  app: Hono,
  deps: Deps,
  handler: ConversationHandler,
  options: SlackMountOptions = {},
): SlackMount {
  const { config, log } = deps;
  const signingSecret = config.SLACK_SIGNING_SECRET;
  const configuredToken = config.SLACK_BOT_TOKEN;
  const appToken = config.SLACK_APP_TOKEN;
  if (!configuredToken || (!signingSecret && !appToken))
    return { ...refuseUnconfiguredSlack(app), idle: async () => {} };

  const token: string = configuredToken;
  // Failed calls are retried a little; the outbox retries proactive sends on its own schedule.
  const web = new WebClient(token, {
    slackApiUrl: config.SLACK_API_URL,
    retryConfig: { retries: 2, minTimeout: 200, maxTimeout: 1000 },
    logLevel: LogLevel.ERROR,
  });
  // Socket Mode: Slack authenticates the connection (app token), so there is no signature to
  // check; the workspace check and redelivery de-duplication are done in a middleware below.
  const socket = appToken
    ? new SocketModeReceiver({
        appToken,
        installerOptions: { clientOptions: { slackApiUrl: config.SLACK_API_URL } },
        logger: boltLogger(deps),
      })
    : undefined;
  // Every turn runs here after its ack: events from the receiver (HTTP or Socket Mode),
  // commands, presses and forms from their listeners below.
  const turns = new TurnQueue('slack', log, options.turnQueue ?? DEFAULT_TURN_QUEUE);
  const receiver = socket
    ? new QueuedSocketModeReceiver(socket, turns, log)
    : new HonoSlackReceiver(deps, { signingSecret: signingSecret!, teamId: config.SLACK_TEAM_ID, turns });
  const bolt = new App({
    receiver,
    authorize: cachedAuthorize(web, token),
    clientOptions: { slackApiUrl: config.SLACK_API_URL },
    logger: boltLogger(deps),
  });

  if (socket) {
    bolt.use(async ({ body, next }) => {
      const b = body as { team_id?: string; team?: { id?: string }; event_id?: string };
      const teamId = b.team_id ?? b.team?.id;
      if (config.SLACK_TEAM_ID && teamId && teamId !== config.SLACK_TEAM_ID) {
        log.warn({ teamId }, 'slack socket event from another workspace dropped');
        return;
      }
      if (b.event_id) {
        const seen = await recordProcessedEvent(deps, { platform: 'slack', eventId: b.event_id });
        if (seen.kind === 'duplicate') return;
      }
      await next();
    });
  }

  // Workspaces that removed the app: their token is dead, so nothing more is sent there.
  bolt.event('app_uninstalled', async ({ body }) => {
    await markWorkspaceRevoked(deps, (body as { team_id: string }).team_id, 'app_uninstalled');
    log.warn({ teamId: (body as { team_id: string }).team_id }, 'slack app uninstalled: sending stopped');
  });
  bolt.event('tokens_revoked', async ({ event, body }) => {
    const bots = (event as { tokens?: { bot?: string[] } }).tokens?.bot ?? [];
    if (bots.length === 0) return;
    await markWorkspaceRevoked(deps, (body as { team_id: string }).team_id, 'tokens_revoked');
    log.warn({ teamId: (body as { team_id: string }).team_id }, 'slack bot token revoked: sending stopped');
  });

  const users = slackUsers(web, log);

  /** Runs one turn: identify the person, ask the core, deliver the answer. */
  async function runTurn(turn: SlackTurn, deliver: (reply: Reply) => Promise<void>): Promise<void> {
    if (await isWorkspaceRevoked(deps, turn.teamId)) return;
    try {
      const who = await resolveSlackPerson(deps, users, turn.teamId, turn.userId);
      if (who.kind !== 'linked') {
        await deliver(notLinkedReply(who, 'Slack'));
        return;
      }
      if (turn.channelId?.startsWith('D')) {
        await rememberConversationRef(deps, who, {
          channel: turn.channelId,
          teamId: turn.teamId,
          userId: turn.userId,
        });
      }
      const files = turn.files?.map(
        (f): InboundFile => ({ name: f.name, mimeType: f.mimeType, read: () => download(f.url, token) }),
      );
      const locale = await users.localeOf(turn.teamId, turn.userId);
      const inbound = toInboundMessage(turn, who.personId, files);
      const reply = await askCore(handler, locale ? { ...inbound, locale } : inbound, log);
      await deliver(reply);
    } catch (error) {
      log.error({ err: error, teamId: turn.teamId, userId: turn.userId }, 'slack turn failed');
    }
  }

  /** The user's DM with the bot, for answers with no conversation of their own (App Home, modals). */
  async function dmTarget(turn: SlackTurn): Promise<SlackTarget> {
    const opened = await web.conversations.open({ users: turn.userId });
    return { channelId: opened.channel!.id! };
  }

  bolt.event('message', async ({ event, body }) => {
    const turn = messageEventToTurn((body as { team_id: string }).team_id, event as never);
    if (!turn) return;
    await runTurn(turn, (reply) =>
      postReply(web, { channelId: turn.channelId!, threadTs: turn.threadTs }, reply),
    );
  });

  bolt.event('app_mention', async ({ event, body }) => {
    const turn = mentionEventToTurn((body as { team_id: string }).team_id, event as never);
    if (!turn) return;
    await runTurn(turn, async (reply) => {
      if (!reply.private) {
        await postReply(web, { channelId: turn.channelId!, threadTs: turn.threadTs }, reply);
        return;
      }
      // Only visible to this person: an ephemeral message in the thread, files to their DM.
      const { files: attached, ...message } = reply;
      const rendered = renderSlackReply(message);
      await web.chat.postEphemeral({
        channel: turn.channelId!,
        user: turn.userId,
        ...(turn.threadTs ? { thread_ts: turn.threadTs } : {}),
        text: rendered.text,
        blocks: rendered.blocks,
      });
      if (attached?.length) await uploadFiles(web, await dmTarget(turn), attached);
    });
  });

  async function homeFor(teamId: string, userId: string, personId: string) {
    const locale = await users.localeOf(teamId, userId);
    return buildHomeView(handler, personId, { locale, team: () => teamStatus(deps, personId, locale) });
  }

  /** Publishes the person's Home tab afresh (on opening it, and after anything that changes it). */
  async function refreshHome(teamId: string, userId: string): Promise<void> {
    try {
      const who = await resolveSlackPerson(deps, users, teamId, userId);
      const view =
        who.kind === 'linked'
          ? await homeFor(teamId, userId, who.personId)
          : {
              type: 'home' as const,
              blocks: [
                {
                  type: 'section' as const,
                  text: { type: 'mrkdwn' as const, text: notLinkedReply(who, 'Slack').text },
                },
              ],
            };
      await web.views.publish({ user_id: userId, view });
    } catch (error) {
      log.error({ err: error }, 'slack app home failed');
    }
  }

  bolt.event('app_home_opened', async ({ event, body }) => {
    const e = event as { user: string; tab?: string };
    if (e.tab && e.tab !== 'home') return;
    await refreshHome((body as { team_id: string }).team_id, e.user);
  });

  bolt.command(/.*/, async ({ ack, body }) => {
    const text = (body.text ?? '').trim();
    if (/^schedule\s*$/i.test(text) && body.trigger_id) {
      // trigger_id lives 3 seconds: open the modal before anything slower.
      await ack();
      await web.views
        .open({ trigger_id: body.trigger_id, view: scheduleModal(body.channel_id) })
        .catch((error: unknown) => {
          log.error({ err: error }, 'slack views.open failed');
        });
      return;
    }
    const turn = commandToTurn(body);
    const accepted = turns.offer(() =>
      runTurn(turn, async (reply) => {
        // The answer is private; files cannot travel through response_url, so they go to the DM.
        if (turn.responseUrl) await respondPrivately(turn.responseUrl, { ...reply, files: undefined });
        const dm = turn.responseUrl && !reply.files?.length ? undefined : await dmTarget(turn);
        if (!turn.responseUrl) await postReply(web, dm!, { ...reply, files: undefined });
        if (reply.files?.length) await uploadFiles(web, dm!, reply.files);
      }),
    );
    // Full: the ack itself carries the answer (ephemeral), so the person knows to ask again.
    await ack(accepted ? undefined : { response_type: 'ephemeral', text: SLACK_BUSY_TEXT });
  });

  bolt.action(/.*/, async ({ ack, body }) => {
    await ack();
    if (body.type !== 'block_actions') return;
    const turn = blockActionToTurn(body as never);
    if (!turn) return;
    const action = turn.action!;
    if (action.id === 'open_schedule_form' && (body as { trigger_id?: string }).trigger_id) {
      await web.views.open({
        trigger_id: (body as { trigger_id: string }).trigger_id,
        view: scheduleModal(turn.channelId ?? ''),
      });
      return;
    }
    // Link buttons also report a press; the link itself did the work.
    if (action.id === LINK_ACTION_ID) return;
    const b = body as {
      container?: { type?: string; is_ephemeral?: boolean; message_ts?: string };
      message?: { ts?: string };
    };
    const fromHome = b.container?.type === 'view';
    const accepted = turns.offer(() => pressTurn(turn, b, fromHome));
    if (accepted) return;
    // Full: the press is not acted on, and the presser is told so privately (the message
    // keeps its buttons, so pressing again works).
    log.warn({ userId: turn.userId, action: action.id }, 'slack press refused: turn queue full');
    if (!fromHome && turn.responseUrl) {
      await respondPrivately(turn.responseUrl, { text: SLACK_BUSY_TEXT, blocks: [] }, fetch, {
        replaceOriginal: false,
      }).catch((error: unknown) => log.warn({ err: error }, 'slack busy notice failed'));
    }
  });

  async function pressTurn(
    turn: SlackTurn,
    b: { container?: { is_ephemeral?: boolean; message_ts?: string }; message?: { ts?: string } },
    fromHome: boolean,
  ): Promise<void> {
    await runTurn(turn, async (reply) => {
      await answerPress(
        web,
        {
          channelId: fromHome ? undefined : turn.channelId,
          messageTs: b.container?.message_ts ?? b.message?.ts,
          threadTs: turn.threadTs,
          ephemeral: b.container?.is_ephemeral === true,
          responseUrl: fromHome ? undefined : turn.responseUrl,
        },
        reply,
        () => dmTarget(turn),
      );
      // A press may book, cancel or complete something the Home tab shows.
      await refreshHome(turn.teamId, turn.userId);
    });
  }

  bolt.view(SCHEDULE_CALLBACK_ID, async ({ ack, body, view }) => {
    const submission = readScheduleSubmission(view.state.values as never);
    if (!submission.ok) {
      await ack({ response_action: 'errors', errors: submission.errors });
      return;
    }
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const turn: SlackTurn = {
      teamId,
      userId: body.user.id,
      threadKey: '',
      text: submission.text,
      messageId: view.id,
    };
    const accepted = turns.offer(() =>
      runTurn(turn, async (reply) => {
        await postReply(web, await dmTarget(turn), reply);
        await refreshHome(teamId, turn.userId);
      }),
    );
    if (accepted) {
      await ack();
      return;
    }
    // Full: the form stays open with the reason, so submitting again needs no retyping.
    await ack({ response_action: 'errors', errors: { [SCHEDULE_FIRST_BLOCK]: SLACK_BUSY_TEXT } });
  });

  // Anything else (other modals, shortcuts) is acknowledged so Slack does not show an error.
  // Bolt runs every matching listener at once, so this one must not match the form above,
  // or its empty ack could close the form before its validation errors are sent.
  bolt.view({ callback_id: new RegExp(`^(?!${SCHEDULE_CALLBACK_ID}$)`) }, async ({ ack }) => ack());
  bolt.shortcut(/.*/, async ({ ack }) => ack());

  bolt.error(async (error) => {
    log.error({ err: error }, 'slack dispatch error');
  });

  const sender = createSlackSender(deps, web);
  if (socket) {
    app.post('/slack/events', (c) =>
      c.json(
        { error: { code: 'NOT_FOUND', message: 'Slack uses Socket Mode here (SLACK_APP_TOKEN).' } },
        404,
      ),
    );
    bolt.start().catch((error: unknown) => log.error({ err: error }, 'slack socket mode failed to start'));
    return {
      enabled: true,
      sender,
      transport: 'socket',
      idle: () => turns.idle(),
      stop: async () => {
        await bolt.stop();
        await turns.drain();
      },
    };
  }
  const http = receiver as HonoSlackReceiver;
  const handleEvents = (c: Context) => http.handle(c);
  app.post('/slack/events', handleEvents);
  return {
    enabled: true,
    sender,
    transport: 'http',
    idle: () => turns.idle(),
    stop: () => turns.drain(),
    handleEvents,
  };
}

/**
 * auth.test once for the bot's own ids (Bolt needs them to ignore its own messages), kept
 * after the first success; a failure is not cached, so a Slack outage at start-up heals.
 */
function cachedAuthorize(web: WebClient, token: string) {
  let ids: Promise<{ botId: string; botUserId: string }> | undefined;
  return async () => {
    ids ??= web.auth.test().then(
      (r) => ({ botId: r.bot_id ?? '', botUserId: r.user_id ?? '' }),
      (error: unknown) => {
        ids = undefined;
        throw error;
      },
    );
    return { botToken: token, ...(await ids) };
  };
}

async function download(url: string, token: string): Promise<Buffer> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`Slack file download answered ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

function boltLogger(deps: Pick<Deps, 'log'>): BoltLogger {
  const log = deps.log.child({ component: 'slack' });
  const text = (m: unknown[]) => m.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' ');
  // Bolt logs whole payloads at debug level: format only what will be written.
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...m: unknown[]) => {
      if (log.isLevelEnabled(level)) log[level](text(m));
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}
