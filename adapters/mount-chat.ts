/**
 * One call for src/main.ts: mounts Slack (`POST /slack/events`) and Teams
 * (`POST /api/messages`) on the Hono app, and returns the platforms' proactive senders for
 * the outbox (reminders, waitlist offers): Teams first, then Slack, wherever the person has
 * a personal chat with Rollcall.
 */
import type { Hono } from 'hono';
import type { Deps } from '../src/deps.ts';
import type { ConversationHandler } from '../src/conversation/types.ts';
import { pruneProcessedEvents } from '../src/features/platform/record-processed-event.ts';
import { mountSlack } from './slack/mount-slack.ts';
import { mountTeams } from './teams/mount-teams.ts';
import type { TeamsMode } from './teams/hono-cloud-adapter.ts';
import type { NotificationSender } from './shared/proactive.ts';

export interface ChatAdapters {
  /** Teams first, then Slack; give them to firstAvailableSender for the outbox. */
  senders: NotificationSender[];
  slackEnabled: boolean;
  teamsAuthenticated: boolean;
  teamsMode: TeamsMode;
  /** Stops the retry-marker pruning timer (for shutdown). */
  stop(): void;
}

/** Retry markers older than an hour are useless; prune them every 15 minutes. */
const PRUNE_EVERY_MS = 15 * 60 * 1000;

export function mountChatAdapters(app: Hono, deps: Deps, handler: ConversationHandler): ChatAdapters {
  const slack = mountSlack(app, deps, handler);
  const teams = mountTeams(app, deps, handler);
  const timer = setInterval(() => {
    pruneProcessedEvents(deps).catch((error: unknown) =>
      deps.log.warn({ err: error }, 'pruning processed events failed'),
    );
  }, PRUNE_EVERY_MS);
  timer.unref();
  return {
    senders: [teams.sender, slack.sender],
    slackEnabled: slack.enabled,
    teamsAuthenticated: teams.authenticated,
    teamsMode: teams.mode,
    stop: () => clearInterval(timer),
  };
}
