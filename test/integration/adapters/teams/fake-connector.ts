/**
 * A fake Bot Framework connector on 127.0.0.1: activities name it as their serviceUrl, so
 * every reply, proactive message and roster look-up the service makes lands here and is
 * recorded.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  conversationId?: string;
  replyToId?: string;
  authorization?: string;
  body?: Record<string, unknown>;
}

export interface FakeConnector {
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Messages sent (typing indicators left out; see typing()). */
  activities(): ConnectorCall[];
  typing(): ConnectorCall[];
  /** Cards updated in place (PUT …/activities/{id}). */
  updates(): ConnectorCall[];
  /** Bytes PUT to the file consent upload URL this fake hands out (see uploadUrl). */
  uploads: { name: string; headers: Record<string, string | string[] | undefined>; bytes: Buffer }[];
  uploadUrl(name: string): string;
  /** Channel account id → roster entry (e-mail, AAD object id). */
  members: Map<string, { email?: string; userPrincipalName?: string; aadObjectId: string; name: string }>;
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const members: FakeConnector['members'] = new Map();
  let seq = 0;
  const uploads: FakeConnector['uploads'] = [];
  const server = createServer(async (req, res) => {
    const raw = await readBytes(req);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/onedrive/') && req.method === 'PUT') {
      uploads.push({ name: decodeURIComponent(path.slice(10)), headers: req.headers, bytes: raw });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{}');
      return;
    }
    const text = raw.toString('utf8');
    const call: ConnectorCall = { method: req.method ?? '', path, authorization: req.headers.authorization };
    if (text) call.body = JSON.parse(text) as Record<string, unknown>;
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
    if (member && req.method === 'GET') {
      calls.push({ ...call, conversationId: decodeURIComponent(member[1]!) });
      const entry = members.get(decodeURIComponent(member[2]!));
      return entry
        ? json(200, { id: decodeURIComponent(member[2]!), ...entry })
        : json(404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
    }
    const activity = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (activity && req.method === 'PUT' && activity[2]) {
      calls.push({
        ...call,
        conversationId: decodeURIComponent(activity[1]!),
        replyToId: decodeURIComponent(activity[2]),
      });
      return json(200, { id: decodeURIComponent(activity[2]) });
    }
    if (activity && req.method === 'POST') {
      calls.push({
        ...call,
        conversationId: decodeURIComponent(activity[1]!),
        replyToId: activity[2] && decodeURIComponent(activity[2]),
      });
      return json(200, { id: `reply-${++seq}` });
    }
    calls.push(call);
    json(404, { error: { code: 'NotFound', message: path } });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    serviceUrl,
    calls,
    activities: () =>
      calls.filter((c) => c.method === 'POST' && /\/activities/.test(c.path) && c.body?.type !== 'typing'),
    typing: () => calls.filter((c) => c.method === 'POST' && c.body?.type === 'typing'),
    updates: () => calls.filter((c) => c.method === 'PUT' && /\/activities\//.test(c.path)),
    uploads,
    uploadUrl: (name) => `${serviceUrl}onedrive/${encodeURIComponent(name)}`,
    members,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

function readBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
