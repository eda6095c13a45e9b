/**
 * `/slack/events` when Slack is not configured. Kept apart from mount-slack so a service
 * without Slack never loads @slack/bolt (tens of MB, most of a second at start).
 */
import type { Hono } from 'hono';
import type { NotificationSender } from '../shared/proactive.ts';

export function refuseUnconfiguredSlack(app: Hono): {
  enabled: false;
  sender: NotificationSender;
  stop: () => Promise<void>;
} {
  app.post('/slack/events', (c) =>
    c.json(
      {
        error: {
          code: 'UNAUTHENTICATED',
          message: 'Slack is not configured: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN.',
        },
      },
      // Closed, not failing: nothing a caller sends can be verified, and a 5xx invites retries.
      401,
    ),
  );
  return { enabled: false, sender: { send: async () => ({ kind: 'no_channel' }) }, stop: async () => {} };
}
