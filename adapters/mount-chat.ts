/**
 * One call for src/main.ts: mounts Slack (`POST /slack/events`) and Teams
 * (`POST /api/messages`) on the Hono app, and returns the platforms' proactive senders for
 * the outbox (reminders, waitlist offers): Teams first, then Slack, wherever the person has
 * a personal chat with Rollcall.
 */
import type { Hono } from 'hono';
import type { Deps } from '../src/deps.ts';
import type { ConversationHandler } from '../src/conversation/types.ts';
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
  /** Stops whatever the adapters hold open (for shutdown). */
  stop(): void;
}

export function mountChatAdapters(app: Hono, deps: Deps, handler: ConversationHandler): ChatAdapters {
  const slack = mountSlack(app, deps, handler);
  const teams = mountTeams(app, deps, handler);
  return {
    senders: [teams.sender, slack.sender],
    slackEnabled: slack.enabled,
    teamsAuthenticated: teams.authenticated,
    teamsMode: teams.mode,
    // Retry markers are pruned by the job registry's prune-processed-events job.
    stop: () => {},
  };
}
