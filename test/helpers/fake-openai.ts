/**
 * A fake OpenAI-compatible server on 127.0.0.1: answers /v1/chat/completions with a tool
 * call chosen by the test (or an error, or silence), and records every request it gets.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeAnswer =
  | { toolCall: { name: string; arguments: string } }
  | { content: string }
  | { status: number; body?: unknown }
  | { delayMs: number };

export interface FakeOpenAi {
  baseURL: string;
  requests: {
    messages: { role: string; content: string }[];
    tools: { function: { name: string; parameters: unknown } }[];
  }[];
  answer: (userText: string) => FakeAnswer;
  close(): Promise<void>;
}

export async function startFakeOpenAi(answer: (userText: string) => FakeAnswer): Promise<FakeOpenAi> {
  const fake: FakeOpenAi = { baseURL: '', requests: [], answer, close: async () => {} };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(raw);
      fake.requests.push(body);
      const user = body.messages.find((m: { role: string }) => m.role === 'user')?.content ?? '';
      const a = fake.answer(user);
      if ('delayMs' in a) {
        setTimeout(() => {
          if (!res.writableEnded) res.writeHead(500).end();
        }, a.delayMs).unref();
        return;
      }
      if ('status' in a) {
        res
          .writeHead(a.status, { 'content-type': 'application/json' })
          .end(JSON.stringify(a.body ?? { error: { message: 'boom' } }));
        return;
      }
      const message =
        'toolCall' in a
          ? {
              role: 'assistant',
              content: null,
              tool_calls: [{ id: 'call_1', type: 'function', function: a.toolCall }],
            }
          : { role: 'assistant', content: a.content };
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: 'chatcmpl-fake',
          object: 'chat.completion',
          created: 0,
          model: body.model,
          choices: [{ index: 0, message, finish_reason: 'toolCall' in a ? 'tool_calls' : 'stop' }],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
