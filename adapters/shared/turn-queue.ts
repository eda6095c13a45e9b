/**
 * A bounded in-process queue for chat turns. Slack gives up after 3 seconds and the Bot
 * Framework expects a quick 2xx, so the HTTP answer never waits for a turn's work: the
 * adapter acks, then offers the turn here. At most `concurrency` turns run at once and at
 * most `capacity` wait; when both are taken `offer` says no at once, and the adapter gives
 * the platform its documented "busy" answer (logged and told, never dropped silently).
 * Nothing here survives a restart: a turn is a reply to someone waiting now, and shutdown
 * drains what was accepted.
 */
import type { Logger } from '../../src/shared/logger.ts';

export interface TurnQueueOptions {
  /** Turns running at once (each may hold a DB connection and call the platform). */
  concurrency: number;
  /** Turns waiting for a runner; beyond this, offers are refused. */
  capacity: number;
}

/** Sized for one 2-core replica: well above chat traffic, well below memory trouble. */
export const DEFAULT_TURN_QUEUE: TurnQueueOptions = { concurrency: 16, capacity: 1000 };

/** Seconds a refused caller is told to wait before trying again (Retry-After). */
export const BUSY_RETRY_AFTER_S = 2;

export type Turn = () => Promise<void>;

export class TurnQueue {
  private readonly waiting: Turn[] = [];
  private running = 0;
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly name: string,
    private readonly log: Logger,
    private readonly options: TurnQueueOptions = DEFAULT_TURN_QUEUE,
  ) {}

  /** Accepts the turn (true) or refuses it because the queue is full or draining (false). */
  offer(turn: Turn): boolean {
    if (this.closed) return false;
    if (this.running < this.options.concurrency) {
      this.start(turn);
      return true;
    }
    if (this.waiting.length >= this.options.capacity) {
      this.log.warn(
        { queue: this.name, running: this.running, waiting: this.waiting.length },
        'chat turn refused: queue full',
      );
      return false;
    }
    this.waiting.push(turn);
    return true;
  }

  /** Turns running plus waiting. */
  get size(): number {
    return this.running + this.waiting.length;
  }

  /** Resolves when no turn is running or waiting. */
  async idle(): Promise<void> {
    if (this.size === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /** Refuses new turns and resolves when every accepted one has finished (graceful shutdown). */
  async drain(): Promise<void> {
    this.closed = true;
    await this.idle();
  }

  private start(turn: Turn): void {
    this.running++;
    // setImmediate: the turn starts after the caller has sent its ack, never before.
    setImmediate(() => {
      turn()
        .catch((error: unknown) => this.log.error({ err: error, queue: this.name }, 'chat turn failed'))
        .finally(() => this.finish());
    });
  }

  private finish(): void {
    this.running--;
    const next = this.waiting.shift();
    if (next) {
      this.start(next);
      return;
    }
    if (this.running === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}
