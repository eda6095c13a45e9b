import type { Reply } from '../../shared/reply.ts';

export type SendOutcome = { kind: 'sent' } | { kind: 'no_channel' } | { kind: 'failed'; error: string };

/**
 * Delivers a message to a person through whichever chat they are linked on. Implemented by
 * the adapters (Slack chat.postMessage, Teams proactive message) and wired in src/main.ts, so
 * nothing in src/features knows a platform.
 */
export interface NotificationSender {
  send(personId: string, reply: Reply): Promise<SendOutcome>;
}

/** Tries each sender in turn until one has a channel for the person. */
export function firstAvailableSender(senders: NotificationSender[]): NotificationSender {
  return {
    async send(personId, reply) {
      for (const sender of senders) {
        const outcome = await sender.send(personId, reply);
        if (outcome.kind !== 'no_channel') return outcome;
      }
      return { kind: 'no_channel' };
    },
  };
}
