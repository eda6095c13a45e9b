/**
 * A bounded in-process queue for chat turns. Slack gives up after 3 seconds and the Bot
 * Framework expects a quick 2xx, so the HTTP answer never waits for a turn's work: the
 * adapter acks, then offers the turn here. At most `concurrency` turns run at once and at
 * most `capacity` wait; when both are taken `offer` says no at once, and the adapter gives
 * the platform its documented "busy" answer (logged and told, never dropped silently).
 * Nothing here survives a restart: a turn is a reply to someone waiting now, and shutdown
 * drains what was accepted.
 *
 * Acks come first: the acks and the turns share one event loop, and an ack that arrives
 * while the loop is working through turns waits behind them. So while the loop has been
 * busy (more than BUSY_LOOP of its recent time spent running code) a new turn waits in the
 * queue instead of starting, unless none is running: turns then take the loop's spare time
 * rather than the acks' time, and a burst shows up as a longer queue, not as slower acks.
 */
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import type { Logger } from '../../src/shared/logger.ts';

export interface TurnQueueOptions {
  /** Turns running at once (each may hold a DB connection and call the platform). */
  concurrency: number;
  /** Turns waiting for a runner; beyond this, offers are refused. */
  capacity: number;
}

/**
 * Sized for one 2-core replica. Four turns at once: every running turn's synchronous steps sit
 * between an arriving ack and the loop, and with sixteen the acks' p99 at 200 events/s was
 * 57–122 ms against 9–47 ms with four (`npm run bench slack-ack`). A turn mostly waits on the
 * database and the platform's API, so four in flight still answer ~25 turns/s per replica at
 * 150 ms a platform call, above a large workspace's chat traffic; a burst waits in the queue.
 */
export const DEFAULT_TURN_QUEUE: TurnQueueOptions = { concurrency: 4, capacity: 1000 };

/** Seconds a refused caller is told to wait before trying again (Retry-After). */
export const BUSY_RETRY_AFTER_S = 2;

export type Turn = () => Promise<void>;

/** Share of the loop's recent time spent running code above which new turns wait. */
export const BUSY_LOOP = 0.8;
/** How recent "recent" is: the utilisation is measured over windows of this length. */
const LOOP_WINDOW_MS = 50;
/** A turn that waited because the loop was busy is looked at again after this long. */
const RECHECK_MS = 10;

export class TurnQueue {
  private readonly waiting: Turn[] = [];
  private running = 0;
  private idleWaiters: (() => void)[] = [];
  private closed = false;
  private recheck: NodeJS.Timeout | undefined;
  private window = { started: performance.now(), elu: performance.eventLoopUtilization() };
  private recentUtilisation = 0;

  constructor(
    private readonly name: string,
    private readonly log: Logger,
    private readonly options: TurnQueueOptions = DEFAULT_TURN_QUEUE,
  ) {}

  /** Accepts the turn (true) or refuses it because the queue is full or draining (false). */
  offer(turn: Turn): boolean {
    if (this.closed) return false;
    if (this.running < this.options.concurrency && this.waiting.length === 0 && !this.mustWait()) {
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
    this.pump();
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

  /** Starts waiting turns while there is room and the loop has time for them. */
  private pump(): void {
    while (this.waiting.length > 0 && this.running < this.options.concurrency) {
      if (this.mustWait()) {
        this.recheck ??= setTimeout(() => {
          this.recheck = undefined;
          this.pump();
        }, RECHECK_MS);
        return;
      }
      this.start(this.waiting.shift()!);
    }
  }

  /** A new turn waits while the loop is busy, unless no turn runs (the queue always moves). */
  private mustWait(): boolean {
    return this.running > 0 && this.loopUtilisation() > BUSY_LOOP;
  }

  /** The event loop's utilisation over the last completed window. */
  private loopUtilisation(): number {
    const now = performance.now();
    if (now - this.window.started >= LOOP_WINDOW_MS) {
      const elu: EventLoopUtilization = performance.eventLoopUtilization();
      this.recentUtilisation = performance.eventLoopUtilization(elu, this.window.elu).utilization;
      this.window = { started: now, elu };
    }
    return this.recentUtilisation;
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
    this.pump();
    if (this.running === 0 && this.waiting.length === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}
