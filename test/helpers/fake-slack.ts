/**
 * A fake Slack Web API on 127.0.0.1: the service's WebClient points at it through
 * SLACK_API_URL, and every call it makes is recorded (method, decoded arguments) for the
 * tests to assert on. It also serves the file upload URL and response_url endpoints.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  /** Raw bytes, for the file upload step. */
  bytes?: Buffer;
}

export interface FakeSlack {
  apiUrl: string;
  baseUrl: string;
  calls: SlackCall[];
  callsTo(method: string): SlackCall[];
  /** Slack user id → e-mail answered by users.info. */
  emails: Map<string, string>;
  /** Slack user id → locale answered by users.info when asked with include_locale. */
  locales: Map<string, string>;
  /** chat.postMessage to these channels answers channel_not_found (e.g. the app was removed). */
  closedChannels: Set<string>;
  /** What apps.connections.open answers (a ws:// URL of a fake Socket Mode server). */
  socket: { url?: string };
  close(): Promise<void>;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const emails = new Map<string, string>();
  const locales = new Map<string, string>();
  const closedChannels = new Set<string>();
  const socket: { url?: string } = {};
  let baseUrl = '';
  let fileSeq = 0;
  const server: Server = createServer(async (req, res) => {
    const bytes = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://x');
    const reply = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname.startsWith('/upload/')) {
      calls.push({ method: 'upload', args: { fileId: url.pathname.slice(8) }, bytes });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('OK');
      return;
    }
    if (url.pathname.startsWith('/files/')) {
      // Private file downloads need the bot token, as on files.slack.com.
      calls.push({
        method: 'file_download',
        args: { path: url.pathname, authorization: req.headers.authorization },
      });
      if (req.headers.authorization !== 'Bearer xoxb-test') {
        res.writeHead(403);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/zip' });
      res.end(Buffer.from('PK\x03\x04 pretend zip'));
      return;
    }
    if (url.pathname.startsWith('/respond/')) {
      calls.push({
        method: 'response_url',
        args: JSON.parse(bytes.toString('utf8')) as Record<string, unknown>,
      });
      reply({ ok: true });
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const args = decodeArgs(req.headers['content-type'], bytes);
    calls.push({ method, args });
    switch (method) {
      case 'auth.test':
        return reply({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T_ACME' });
      case 'users.info': {
        const email = emails.get(String(args.user));
        const locale = args.include_locale ? locales.get(String(args.user)) : undefined;
        return reply({
          ok: true,
          user: { id: args.user, profile: email ? { email } : {}, ...(locale ? { locale } : {}) },
        });
      }
      case 'conversations.open':
        return reply({ ok: true, channel: { id: `D_${String(args.users)}` } });
      case 'chat.postMessage':
        if (closedChannels.has(String(args.channel))) return reply({ ok: false, error: 'channel_not_found' });
        return reply({ ok: true, channel: args.channel, ts: `${Date.now() / 1000}` });
      case 'apps.connections.open':
        return reply(socket.url ? { ok: true, url: socket.url } : { ok: false, error: 'invalid_auth' });
      case 'chat.postEphemeral':
        return reply({ ok: true, message_ts: `${Date.now() / 1000}` });
      case 'chat.update':
        return reply({ ok: true, channel: args.channel, ts: args.ts });
      case 'views.open':
      case 'views.publish':
        return reply({ ok: true, view: { id: 'V1' } });
      case 'files.getUploadURLExternal': {
        const fileId = `F${++fileSeq}`;
        return reply({ ok: true, upload_url: `${baseUrl}/upload/${fileId}`, file_id: fileId });
      }
      case 'files.completeUploadExternal':
        return reply({ ok: true, files: (args.files as { id: string }[]).map((f) => ({ id: f.id })) });
      default:
        return reply({ ok: false, error: 'unknown_method' });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${baseUrl}/api/`,
    baseUrl,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    emails,
    locales,
    closedChannels,
    socket,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** The WebClient posts form-encoded arguments with JSON-encoded objects inside. */
function decodeArgs(contentType: string | undefined, bytes: Buffer): Record<string, unknown> {
  const text = bytes.toString('utf8');
  if (!text) return {};
  if (contentType?.includes('application/json')) return JSON.parse(text) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return args;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
