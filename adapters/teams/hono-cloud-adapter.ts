/**
 * botbuilder's CloudAdapter on a Hono route. CloudAdapter.process() expects Express-like
 * req/res objects and answers 500 for anything that is not an AuthenticationError — a
 * forged token that reuses a real key id surfaces as a jsonwebtoken error, and a
 * malformed activity throws from validateAndFixActivity outside its error handling. So
 * this subclass runs the same steps itself, with statuses that say whose fault it was:
 * 400 for a malformed activity, 401 for any token problem, then the turn.
 */
import type { Context } from 'hono';
import { CloudAdapter, type TurnContext } from 'botbuilder';
import type { Activity } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { Logger } from '../../src/shared/logger.ts';
import { parseActivity } from './parse-activity.ts';

const MAX_BODY_BYTES = 1024 * 1024;

export class HonoCloudAdapter extends CloudAdapter {
  constructor(
    private readonly auth: BotFrameworkAuthentication,
    private readonly log: Logger,
  ) {
    super(auth);
  }

  async handle(c: Context, logic: (context: TurnContext) => Promise<void>): Promise<Response> {
    if (Number(c.req.header('content-length') ?? 0) > MAX_BODY_BYTES)
      return refuse(c, 413, 'PAYLOAD_TOO_LARGE', 'Activity too large.');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return refuse(c, 400, 'VALIDATION', 'The activity is not JSON.');
    }
    const parsed = parseActivity(body);
    if (!parsed.ok) return refuse(c, 400, 'VALIDATION', `Malformed activity: ${parsed.reason}.`);
    const activity = parsed.activity as unknown as Activity;

    let authResult;
    try {
      authResult = await this.auth.authenticateRequest(activity, c.req.header('authorization') ?? '');
    } catch (error) {
      this.log.warn({ reason: (error as Error).message }, 'teams activity refused: authentication failed');
      return refuse(c, 401, 'UNAUTHENTICATED', 'The Bot Framework token was missing or not valid.');
    }

    const invokeResponse = await this.processActivity(authResult, activity, logic);
    if (!invokeResponse) return c.body(null, 200);
    const status = (invokeResponse.status || 200) as 200;
    return invokeResponse.body === undefined
      ? c.body(null, status)
      : c.json(invokeResponse.body as object, status);
  }
}

function refuse(c: Context, status: 400 | 401 | 413, code: string, message: string): Response {
  return c.json({ error: { code, message } }, status);
}
