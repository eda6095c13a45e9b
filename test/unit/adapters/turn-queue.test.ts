/**
 * The turn queue gives the event loop to acks first: while the loop has just been busy, a
 * new turn waits instead of starting beside a running one, and starts once the loop has
 * had time to spare. Order and outcome only; the busy loop is a synchronous spin.
 */
import { describe, expect, it } from 'vitest';
import { TurnQueue } from '../../../adapters/shared/turn-queue.ts';
import { createLogger } from '../../../src/shared/logger.ts';
import { waitFor } from '../../helpers/listen.ts';

function heldTurn() {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const state = { started: false, finished: false };
  const turn = async () => {
    state.started = true;
    await held;
    state.finished = true;
  };
  return { turn, state, release };
}

/** Keeps the event loop running code, as a stream of acks and turns would. */
function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy
  }
}

const nextLoopTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('TurnQueue', () => {
  it('holds a new turn back while the loop is busy, and starts it when the loop has time', async () => {
    const queue = new TurnQueue('test', createLogger('silent'), { concurrency: 4, capacity: 10 });
    const first = heldTurn();
    const second = heldTurn();
    expect(queue.offer(first.turn)).toBe(true);
    await nextLoopTurn();
    expect(first.state.started).toBe(true);

    spin(200);
    expect(queue.offer(second.turn)).toBe(true);
    await nextLoopTurn();
    // Accepted, but not started beside the first while the loop was busy.
    expect(second.state.started).toBe(false);
    expect(queue.size).toBe(2);

    // The loop idles: the second starts although the first is still held.
    await waitFor('the second turn to start', () => second.state.started);
    expect(first.state.finished).toBe(false);
    first.release();
    second.release();
    await queue.idle();
    expect(queue.size).toBe(0);
  });

  it('always runs a turn when none is running, however busy the loop', async () => {
    const queue = new TurnQueue('test', createLogger('silent'), { concurrency: 4, capacity: 10 });
    const only = heldTurn();
    spin(200);
    expect(queue.offer(only.turn)).toBe(true);
    await nextLoopTurn();
    expect(only.state.started).toBe(true);
    only.release();
    await queue.idle();
  });

  it('refuses beyond its capacity and drains what it accepted', async () => {
    const queue = new TurnQueue('test', createLogger('silent'), { concurrency: 1, capacity: 2 });
    const turns = [heldTurn(), heldTurn(), heldTurn(), heldTurn()];
    expect(turns.map((t) => queue.offer(t.turn))).toEqual([true, true, true, false]);
    const drained = queue.drain();
    expect(queue.offer(heldTurn().turn)).toBe(false);
    for (const t of turns) t.release();
    await drained;
    expect(turns.map((t) => t.state.finished)).toEqual([true, true, true, false]);
  });
});
