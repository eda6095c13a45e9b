/**
 * A Bolt Receiver living on a Hono route. Bolt's own receivers own an HTTP server; this one
 * takes the request Hono already has and verifies it. Slack gives up on an ack after 3
 * seconds, so the real work (database, replies) always carries on after the HTTP answer:
 * an event is answered as soon as it is verified, then checked for redelivery and
 * dispatched; an interaction or command is answered when its listener calls ack().
 */
import type { Context } from 'hono';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Deps } from '../../src/deps.ts';
import { recordProcessedEvent } from '../../src/features/platform/record-processed-event.ts';
import { checkSlackSignature } from './verify-signature.ts';
import { parseSlackRequest } from './parse-request.ts';
import { BUSY_RETRY_AFTER_S, type TurnQueue } from '../shared/turn-queue.ts';

/** Slack's payloads are small; anything bigger is not from Slack. */
const MAX_BODY_BYTES = 1024 * 1024;
/**
 * A request no listener acks (an event type we do not handle) is answered after this long,
 * under Slack's 3-second limit, so Slack does not retry it.
 */
const UNACKED_TIMEOUT_MS = 2500;

export interface SlackReceiverOptions {
  signingSecret: string;
  /** Only this workspace's requests are accepted; unset accepts any (single-workspace install). */
  teamId?: string;
  /** Where an event's work (redelivery check, dispatch, the turn) runs after the ack. */
  turns: TurnQueue;
}

export class HonoSlackReceiver implements Receiver {
  private app: App | undefined;

  constructor(
    private readonly deps: Pick<Deps, 'db' | 'clock' | 'log'>,
    private readonly options: SlackReceiverOptions,
  ) {}

  init(app: App): void {
    this.app = app;
  }

  /** The HTTP server is Hono's; nothing to start or stop here. */
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async handle(c: Context): Promise<Response> {
    const log = this.deps.log;
    const declared = Number(c.req.header('content-length') ?? 0);
    if (declared > MAX_BODY_BYTES) return refuse(c, 413, 'PAYLOAD_TOO_LARGE', 'Request body too large.');
    const rawBody = await c.req.text();
    if (Buffer.byteLength(rawBody) > MAX_BODY_BYTES)
      return refuse(c, 413, 'PAYLOAD_TOO_LARGE', 'Request body too large.');

    const signature = checkSlackSignature({
      signingSecret: this.options.signingSecret,
      rawBody,
      signature: c.req.header('x-slack-signature'),
      timestamp: c.req.header('x-slack-request-timestamp'),
      nowMs: this.deps.clock.now().getTime(),
    });
    if (!signature.ok) {
      log.warn({ reason: signature.reason }, 'slack request refused');
      return refuse(c, 401, 'UNAUTHENTICATED', `Slack signature check failed: ${signature.reason}.`);
    }

    const parsed = parseSlackRequest(c.req.header('content-type'), rawBody);
    if (!parsed.ok) return refuse(c, 400, 'VALIDATION', `Malformed Slack request: ${parsed.reason}.`);
    const request = parsed.request;
    if (request.kind === 'url_verification') return c.json({ challenge: request.challenge });
    if (request.kind === 'ssl_check' || request.kind === 'rate_limited') return c.body(null, 200);

    if (this.options.teamId && request.teamId !== this.options.teamId) {
      log.warn({ teamId: request.teamId }, 'slack request from another workspace refused');
      return refuse(c, 403, 'FORBIDDEN', 'This Rollcall only serves its own Slack workspace.');
    }

    const retryNum = parseRetryNum(c.req.header('x-slack-retry-num'));
    const retryReason = c.req.header('x-slack-retry-reason');
    const app = this.app;
    if (!app) return refuse(c, 503, 'UPSTREAM', 'Slack adapter not initialised.');

    if (request.kind === 'event') {
      // An event needs nothing in its ack, so Slack gets its 200 now; the redelivery check
      // (a database round trip) and the work follow. Interactions wait for the listener's
      // ack instead, because a modal's validation errors travel in that response.
      const accepted = this.options.turns.offer(() =>
        this.dispatchEvent(app, request.eventId, request.body, retryNum, retryReason),
      );
      if (accepted) return c.body(null, 200);
      // Full: Slack redelivers an event it got no 2xx for (x-slack-retry-num), and the
      // redelivery check only marks events that ran, so this one is retried, not lost.
      log.warn({ eventId: request.eventId, retryNum }, 'slack event refused: turn queue full');
      c.header('retry-after', String(BUSY_RETRY_AFTER_S));
      return refuse(c, 503, 'BUSY', 'Rollcall is busy; Slack will redeliver this event.');
    }

    const acked = new Promise<unknown>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), UNACKED_TIMEOUT_MS);
      const event: ReceiverEvent = {
        body: request.body,
        retryNum,
        retryReason,
        ack: async (response?: unknown) => {
          clearTimeout(timer);
          resolve(response);
        },
      };
      // Not awaited: the listener keeps working after the HTTP answer has gone.
      app.processEvent(event).catch((error: unknown) => {
        clearTimeout(timer);
        log.error({ err: error }, 'slack listener failed');
        resolve(undefined);
      });
    });
    const response = await acked;
    if (response === undefined || response === null || response === '') return c.body(null, 200);
    if (typeof response === 'string') return c.text(response);
    return c.json(response as Record<string, unknown>);
  }

  /** A redelivered event (same event_id) is dropped; a first delivery goes to Bolt. */
  private async dispatchEvent(
    app: App,
    eventId: string,
    body: Record<string, unknown>,
    retryNum: number | undefined,
    retryReason: string | undefined,
  ): Promise<void> {
    const log = this.deps.log;
    try {
      const seen = await recordProcessedEvent(this.deps, { platform: 'slack', eventId });
      if (seen.kind === 'duplicate') {
        log.info({ eventId, retryNum }, 'slack redelivery dropped');
        return;
      }
      await app.processEvent({ body, retryNum, retryReason, ack: async () => {} });
    } catch (error) {
      log.error({ err: error, eventId }, 'slack event failed');
    }
  }
}

function parseRetryNum(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const n = Number(header);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

function refuse(c: Context, status: 400 | 401 | 403 | 413 | 503, code: string, message: string): Response {
  return c.json({ error: { code, message } }, status);
}
