/**
 * Socket Mode through the same bounded turn queue as the Events API path. Bolt's
 * SocketModeReceiver hands each envelope to App.processEvent and App acks an event before
 * its listeners run, inline: a burst of DMs would all run at once, unbounded. This receiver
 * stands between the two. An event is offered to the queue (the redelivery check,
 * listeners and the turn run there) and acked once accepted; when the queue is full it is
 * not acked, so Slack redelivers it, and since only events that ran are marked seen, the
 * redelivery is handled. Commands, presses and forms pass straight through: their
 * listeners ack first and offer their own turns, as over HTTP.
 */
import type { App, Receiver, ReceiverEvent, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../../src/shared/logger.ts';
import type { TurnQueue } from '../shared/turn-queue.ts';

export class QueuedSocketModeReceiver implements Receiver {
  constructor(
    private readonly socket: SocketModeReceiver,
    private readonly turns: TurnQueue,
    private readonly log: Logger,
  ) {}

  init(app: App): void {
    // The socket receiver only calls processEvent on what it is given.
    const queued = { processEvent: (event: ReceiverEvent) => this.dispatch(app, event) };
    this.socket.init(queued as unknown as App);
  }

  start(): Promise<unknown> {
    return this.socket.start();
  }

  stop(): Promise<unknown> {
    return this.socket.stop();
  }

  private async dispatch(app: App, event: ReceiverEvent): Promise<void> {
    const body = event.body as { type?: string; event_id?: string };
    if (body.type !== 'event_callback') return app.processEvent(event);
    // App acks events itself; that ack was already given here, so inside it does nothing.
    const accepted = this.turns.offer(() => app.processEvent({ ...event, ack: async () => {} }));
    if (!accepted) {
      this.log.warn({ eventId: body.event_id }, 'slack socket event not acked: turn queue full');
      return;
    }
    await event.ack();
  }
}
