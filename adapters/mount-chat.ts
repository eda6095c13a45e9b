/**
 * One call for src/main.ts: mounts Slack (`POST /slack/events`) and Teams
 * (`POST /api/messages`) on the Hono app, and returns the platforms' proactive senders for
 * the outbox (reminders, waitlist offers): Teams first, then Slack, wherever the person has
 * a personal chat with Rollcall.
 *
 * A platform's SDK is loaded only when that platform is configured: @slack/bolt and
 * botbuilder cost ~90 MB and ~2.7 s at start on a service that uses neither. When one is
 * configured its module is imported at once (not on the first request), and its routes are
 * registered here, in order, so they sit before any later middleware as before.
 */
import { Hono, type Context } from 'hono';
import type { Deps } from '../src/deps.ts';
import type { ConversationHandler } from '../src/conversation/types.ts';
import type { TeamsMode } from './teams/hono-cloud-adapter.ts';
// Types only: the modules themselves are imported when their platform is configured.
import type { SlackMount } from './slack/mount-slack.ts';
import type { TeamsMount } from './teams/mount-teams.ts';
import type { NotificationSender } from './shared/proactive.ts';
import { refuseUnconfiguredSlack } from './slack/closed.ts';
import { refuseUnconfiguredTeams } from './teams/closed.ts';
import { DOWNLOAD_PATH } from './teams/file-delivery.ts';

export interface ChatAdapters {
  /** Teams first, then Slack; give them to firstAvailableSender for the outbox. */
  senders: NotificationSender[];
  slackEnabled: boolean;
  teamsAuthenticated: boolean;
  teamsMode: TeamsMode;
  /** Refuses new chat turns and waits for the accepted ones to finish (for shutdown). */
  stop(): Promise<void>;
  /** Resolves when no chat turn is running or waiting (benches wait on it between runs). */
  idle(): Promise<void>;
}

interface Mounted {
  sender: NotificationSender;
  stop: () => Promise<void>;
  idle?: () => Promise<void>;
}

interface LazyRoute<M> {
  method: 'GET' | 'POST';
  path: string;
  /**
   * The loaded adapter's own handler for this route, called with the service's context (the
   * body already read and limited there); without one the request is passed to the
   * adapter's small app as a new Request.
   */
  direct?: (mounted: M) => ((c: Context) => Promise<Response>) | undefined;
}

export function mountChatAdapters(app: Hono, deps: Deps, handler: ConversationHandler): ChatAdapters {
  const { config } = deps;
  const slackConfigured = Boolean(
    config.SLACK_BOT_TOKEN && (config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN),
  );
  const slack: Mounted = slackConfigured
    ? lazily<SlackMount>(
        app,
        deps,
        [{ method: 'POST', path: '/slack/events', direct: (slack) => slack.handleEvents }],
        async (sub) => (await import('./slack/mount-slack.ts')).mountSlack(sub, deps, handler),
      )
    : refuseUnconfiguredSlack(app);
  // The same rule as mountTeams: no app id and no Emulator means closed.
  const teamsMode: TeamsMode = config.MICROSOFT_APP_ID
    ? 'authenticated'
    : config.TEAMS_EMULATOR
      ? 'emulator'
      : 'closed';
  const teams: Mounted =
    teamsMode === 'closed'
      ? refuseUnconfiguredTeams(app, deps)
      : lazily<TeamsMount>(
          app,
          deps,
          [
            { method: 'POST', path: '/api/messages', direct: (teams) => teams.handleMessages },
            { method: 'GET', path: `${DOWNLOAD_PATH}/:token/:name` },
          ],
          async (sub) => (await import('./teams/mount-teams.ts')).mountTeams(sub, deps, handler),
        );
  return {
    senders: [teams.sender, slack.sender],
    slackEnabled: slackConfigured,
    teamsAuthenticated: teamsMode === 'authenticated',
    teamsMode,
    // Retry markers are pruned by the job registry's prune-processed-events job.
    stop: async () => {
      await Promise.all([slack.stop(), teams.stop()]);
    },
    idle: async () => {
      await Promise.all([slack.idle?.(), teams.idle?.()]);
    },
  };
}

/**
 * Starts importing a platform's adapter now and mounts it on its own small app; the given
 * routes on the main app hand their requests to it once it has loaded (a few hundred ms
 * after start, before any platform can have sent anything).
 */
function lazily<M extends Mounted>(
  app: Hono,
  deps: Pick<Deps, 'log'>,
  routes: LazyRoute<M>[],
  load: (sub: Hono) => Promise<M>,
): Mounted {
  const sub = new Hono();
  const ready = load(sub);
  ready.catch((error: unknown) => deps.log.error({ err: error }, 'chat adapter failed to load'));
  for (const route of routes) {
    app.on(route.method, route.path, async (c) => {
      const mounted = await ready;
      // The ack path: no second Request built and read again for every event.
      const direct = route.direct?.(mounted);
      if (direct) return direct(c);
      // Earlier middleware (body limits) may have read the raw stream; Hono keeps what it read.
      const body = route.method === 'GET' ? undefined : await c.req.arrayBuffer();
      return sub.fetch(
        new Request(c.req.url, { method: route.method, headers: c.req.raw.headers, body }),
        c.env,
      );
    });
  }
  return {
    sender: { send: async (personId, reply) => (await ready).sender.send(personId, reply) },
    stop: async () => (await ready).stop(),
    idle: async () => (await ready).idle?.(),
  };
}
