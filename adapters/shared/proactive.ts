/**
 * Messages nobody asked for (reminders, waitlist offers) reach a person on whichever
 * platform holds a private address for them. Each adapter provides a NotificationSender
 * (the interface the outbox jobs use, defined in src/ so jobs never import an adapter);
 * src/main.ts combines them with firstAvailableSender.
 */
import type {
  NotificationSender,
  SendOutcome,
} from '../../src/features/notifications/notification-sender.ts';
import type { Reply } from '../../src/conversation/types.ts';
import type { Logger } from '../../src/shared/logger.ts';

export type { NotificationSender, SendOutcome };

/** A platform's send: 'no_channel' when it holds no address, throws when delivery fails. */
export type PlatformSend = (
  personId: string,
  reply: Reply,
) => Promise<{ kind: 'sent' } | { kind: 'no_channel' }>;

/** Turns platform failures into a 'failed' outcome the outbox records and retries. */
export function notificationSender(platform: string, send: PlatformSend, log: Logger): NotificationSender {
  return {
    async send(personId, reply): Promise<SendOutcome> {
      try {
        return await send(personId, reply);
      } catch (error) {
        log.warn({ err: error, personId, platform }, 'proactive message failed');
        return { kind: 'failed', error: `${platform}: ${(error as Error).message}` };
      }
    },
  };
}
