/**
 * Messages nobody asked for (reminders, waitlist promotions) reach a person on whichever
 * platform holds an address for them. Each adapter provides a sender; src/main.ts combines
 * them and hands the result to the jobs, which never import an adapter.
 */
import type { Reply } from '../../src/conversation/types.ts';

export type ProactiveResult = { kind: 'sent' } | { kind: 'no_address' } | { kind: 'not_configured' };
export type ProactiveSender = (personId: string, reply: Reply) => Promise<ProactiveResult>;

/** Tries each platform in order and stops at the first that delivers. */
export function firstDelivering(senders: ProactiveSender[]): ProactiveSender {
  return async (personId, reply) => {
    let last: ProactiveResult = { kind: 'no_address' };
    for (const send of senders) {
      last = await send(personId, reply);
      if (last.kind === 'sent') return last;
    }
    return last.kind === 'not_configured' ? { kind: 'no_address' } : last;
  };
}
