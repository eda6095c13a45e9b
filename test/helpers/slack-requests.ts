/** Builds signed Slack requests in Slack's wire formats. */
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const TEAM_ID = 'T_ACME';

export function sign(body: string, timestampSeconds: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestampSeconds}:${body}`).digest('hex')}`;
}

export interface SlackPost {
  body: string;
  contentType: string;
}

export const eventBody = (eventId: string, event: Record<string, unknown>, teamId = TEAM_ID): SlackPost => ({
  contentType: 'application/json',
  body: JSON.stringify({
    token: 'x',
    team_id: teamId,
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1,
    event,
  }),
});

export const dmEvent = (user: string, text: string, ts: string) => ({
  type: 'message',
  channel: `D_${user}`,
  channel_type: 'im',
  user,
  text,
  ts,
  client_msg_id: `msg-${ts}`,
});

export const interactionBody = (payload: Record<string, unknown>): SlackPost => ({
  contentType: 'application/x-www-form-urlencoded',
  body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
});

export const commandBody = (fields: Record<string, string>): SlackPost => ({
  contentType: 'application/x-www-form-urlencoded',
  body: new URLSearchParams(fields).toString(),
});

export async function postSigned(
  baseUrl: string,
  post: SlackPost,
  options: {
    nowSeconds: number;
    timestamp?: number;
    headers?: Record<string, string>;
    tamper?: (body: string) => string;
    secret?: string;
  },
): Promise<Response> {
  const ts = options.timestamp ?? options.nowSeconds;
  const signature = sign(post.body, ts, options.secret);
  return fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': post.contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signature,
      ...options.headers,
    },
    body: options.tamper ? options.tamper(post.body) : post.body,
  });
}
