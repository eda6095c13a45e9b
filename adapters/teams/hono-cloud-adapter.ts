/**
 * botbuilder's CloudAdapter on a Hono route. CloudAdapter.process() expects Express-like
 * req/res objects and answers 500 for anything that is not an AuthenticationError — a
 * forged token that reuses a real key id surfaces as a jsonwebtoken error, and a
 * malformed activity throws from validateAndFixActivity outside its error handling. So
 * this subclass runs the same steps itself, with statuses that say whose fault it was:
 * 400 for a malformed activity, 401 for any token problem, 403 for a tenant not allowed,
 * then the turn.
 *
 * Three modes. `closed` (no credentials): every activity is refused before it is read.
 * `authenticated`: the token is checked first; the Bot Framework validator also requires its
 * `serviceurl` claim to equal the activity's serviceUrl, so replies only go where Microsoft
 * said. `emulator` (explicit, loopback-bound service): no token, and only a loopback
 * serviceUrl, so the service never calls out to an address a caller chose.
 */
import type { Context } from 'hono';
import { CloudAdapter, type TurnContext } from 'botbuilder';
import type { Activity } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { Logger } from '../../src/shared/logger.ts';
import { isLoopbackHost } from '../../src/config.ts';
import { parseActivity } from './parse-activity.ts';
import { tenantOf } from './to-inbound.ts';
import { BUSY_RETRY_AFTER_S, type TurnQueue } from '../shared/turn-queue.ts';

export type TeamsMode = 'closed' | 'authenticated' | 'emulator';

export interface TeamsGate {
  mode: TeamsMode;
  /** Empty: any tenant the token was issued for. */
  allowedTenants: string[];
  /**
   * Where message turns run after the HTTP answer. Invokes (card actions, dialogs, file
   * consent) are answered in the HTTP body, so they run before it, outside the queue.
   */
  turns: TurnQueue;
}

export class HonoCloudAdapter extends CloudAdapter {
  constructor(
    private readonly auth: BotFrameworkAuthentication,
    private readonly log: Logger,
    private readonly gate: TeamsGate,
  ) {
    super(auth);
  }

  async handle(c: Context, logic: (context: TurnContext) => Promise<void>): Promise<Response> {
    if (this.gate.mode === 'closed') {
      return refuse(
        c,
        401,
        'UNAUTHENTICATED',
        'Teams is not configured on this service (MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are unset).',
      );
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return refuse(c, 400, 'VALIDATION', 'The activity is not JSON.');
    }
    const parsed = parseActivity(body);
    if (!parsed.ok) return refuse(c, 400, 'VALIDATION', `Malformed activity: ${parsed.reason}.`);
    const activity = parsed.activity as unknown as Activity;
    if (this.gate.mode === 'emulator' && !isLoopbackUrl(parsed.activity.serviceUrl)) {
      return refuse(c, 403, 'FORBIDDEN', 'In Emulator mode the serviceUrl must be a loopback address.');
    }

    let authResult;
    try {
      authResult = await this.auth.authenticateRequest(activity, c.req.header('authorization') ?? '');
    } catch (error) {
      this.log.warn({ reason: (error as Error).message }, 'teams activity refused: authentication failed');
      return refuse(c, 401, 'UNAUTHENTICATED', 'The Bot Framework token was missing or not valid.');
    }
    if (this.gate.mode === 'authenticated' && !authResult.claimsIdentity?.isAuthenticated) {
      return refuse(c, 401, 'UNAUTHENTICATED', 'The Bot Framework token was missing or not valid.');
    }
    const tenant = tenantOf(parsed.activity);
    if (this.gate.allowedTenants.length > 0 && !this.gate.allowedTenants.includes(tenant)) {
      this.log.warn({ tenant }, 'teams activity refused: tenant not allowed');
      return refuse(c, 403, 'FORBIDDEN', 'This Microsoft tenant is not allowed to use this service.');
    }

    if (activity.type !== 'invoke') {
      // Ack first: replies go to the serviceUrl through the connector, not in this response.
      const accepted = this.gate.turns.offer(() =>
        this.processActivity(authResult, activity, logic).then(() => {}),
      );
      if (accepted) return c.body(null, 200);
      this.log.warn(
        { activityId: activity.id, type: activity.type },
        'teams activity refused: turn queue full',
      );
      c.header('retry-after', String(BUSY_RETRY_AFTER_S));
      return refuse(c, 503, 'BUSY', 'Rollcall is busy; send the message again in a moment.');
    }
    const invokeResponse = await this.processActivity(authResult, activity, logic);
    if (!invokeResponse) return c.body(null, 200);
    const status = (invokeResponse.status || 200) as 200;
    return invokeResponse.body === undefined
      ? c.body(null, status)
      : c.json(invokeResponse.body as object, status);
  }
}

/** Emulator replies and proactive sends may only reach this machine. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return isLoopbackHost(host);
  } catch {
    return false;
  }
}

function refuse(c: Context, status: 400 | 401 | 403 | 413 | 503, code: string, message: string): Response {
  return c.json({ error: { code, message } }, status);
}
