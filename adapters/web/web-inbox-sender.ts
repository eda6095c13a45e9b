/**
 * The web chat's sender for the outbox, tried after Slack and Teams: a person reachable in
 * the browser gets the message in their inbox (GET /web/inbox, and live on
 * /web/inbox/stream). Sending is marking the outbox row sent; the inbox reads sent rows.
 */
import type { Deps } from '../../src/deps.ts';
import { reachableByWebInbox, type NotificationSender } from '../../src/features/notifications/index.ts';

export function webInboxSender(deps: Deps): NotificationSender {
  return {
    async send(personId) {
      return (await reachableByWebInbox(deps, personId)) ? { kind: 'sent' } : { kind: 'no_channel' };
    },
  };
}
