/**
 * Slack sends three shapes to one URL: Events API envelopes as JSON, slash commands as a
 * form, and interactivity as a form with one `payload` field holding JSON. Each is checked
 * against the fields the adapter relies on, so a malformed request is refused with 400
 * before anything acts on it.
 */
import { z } from 'zod';

const ZEventCallback = z.object({
  type: z.literal('event_callback'),
  team_id: z.string().min(1),
  event_id: z.string().min(1),
  event: z.looseObject({ type: z.string().min(1) }),
});
const ZUrlVerification = z.object({ type: z.literal('url_verification'), challenge: z.string() });
const ZAppRateLimited = z.object({ type: z.literal('app_rate_limited') });

const ZInteraction = z.looseObject({
  type: z.enum([
    'block_actions',
    'view_submission',
    'view_closed',
    'shortcut',
    'message_action',
    'block_suggestion',
  ]),
  team: z
    .looseObject({ id: z.string().min(1) })
    .nullable()
    .optional(),
  user: z.looseObject({ id: z.string().min(1), team_id: z.string().optional() }),
});

const ZCommand = z.looseObject({
  command: z.string().startsWith('/'),
  text: z.string().default(''),
  team_id: z.string().min(1),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  trigger_id: z.string().optional(),
  response_url: z.string().optional(),
});

export type SlackRequest =
  | { kind: 'url_verification'; challenge: string }
  | { kind: 'ssl_check' }
  | { kind: 'rate_limited' }
  | { kind: 'event'; teamId: string; eventId: string; body: Record<string, unknown> }
  | { kind: 'interaction'; teamId: string; body: Record<string, unknown> }
  | { kind: 'command'; teamId: string; body: Record<string, unknown> };

export type ParseResult = { ok: true; request: SlackRequest } | { ok: false; reason: string };

export function parseSlackRequest(contentType: string | undefined, rawBody: string): ParseResult {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') return parseJson(rawBody);
  if (type === 'application/x-www-form-urlencoded') return parseForm(rawBody);
  return { ok: false, reason: `unsupported content type ${type || '(none)'}` };
}

function parseJson(rawBody: string): ParseResult {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
  const verification = ZUrlVerification.safeParse(body);
  if (verification.success)
    return { ok: true, request: { kind: 'url_verification', challenge: verification.data.challenge } };
  if (ZAppRateLimited.safeParse(body).success) return { ok: true, request: { kind: 'rate_limited' } };
  const event = ZEventCallback.safeParse(body);
  if (!event.success)
    return {
      ok: false,
      reason: `not an Events API envelope: ${event.error.issues[0]?.path.join('.')} ${event.error.issues[0]?.message}`,
    };
  return {
    ok: true,
    request: {
      kind: 'event',
      teamId: event.data.team_id,
      eventId: event.data.event_id,
      body: body as Record<string, unknown>,
    },
  };
}

function parseForm(rawBody: string): ParseResult {
  const form = new URLSearchParams(rawBody);
  if (form.get('ssl_check') === '1') return { ok: true, request: { kind: 'ssl_check' } };
  const payload = form.get('payload');
  if (payload !== null) {
    let body: unknown;
    try {
      body = JSON.parse(payload);
    } catch {
      return { ok: false, reason: 'payload is not JSON' };
    }
    const interaction = ZInteraction.safeParse(body);
    if (!interaction.success)
      return {
        ok: false,
        reason: `not an interaction payload: ${interaction.error.issues[0]?.path.join('.')} ${interaction.error.issues[0]?.message}`,
      };
    const teamId = interaction.data.team?.id ?? interaction.data.user.team_id;
    if (!teamId) return { ok: false, reason: 'interaction payload names no team' };
    return { ok: true, request: { kind: 'interaction', teamId, body: body as Record<string, unknown> } };
  }
  const command = ZCommand.safeParse(Object.fromEntries(form));
  if (!command.success)
    return {
      ok: false,
      reason: `not a slash command: ${command.error.issues[0]?.path.join('.')} ${command.error.issues[0]?.message}`,
    };
  return {
    ok: true,
    request: { kind: 'command', teamId: command.data.team_id, body: command.data as Record<string, unknown> },
  };
}
