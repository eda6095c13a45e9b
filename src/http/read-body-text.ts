/**
 * A small body read as text, capped while it arrives. Under @hono/node-server the Node request
 * is read directly: going through `c.req.raw` builds a web Request, its AbortSignal and a web
 * stream for every request, which on the SCORM commit path (the LMS's hottest route) cost
 * more than the database write. Elsewhere (tests calling `app.request`) the web body is read.
 */
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/** The body as UTF-8 text, or null when it is larger than `maxBytes` (counted, not trusted). */
export async function readBodyText(c: Context, maxBytes: number): Promise<string | null> {
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > maxBytes) return null;
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const take = (chunk: Uint8Array): boolean => {
    size += chunk.length;
    if (size > maxBytes) return false;
    chunks.push(chunk);
    return true;
  };
  if (incoming && !incoming.readableDidRead) {
    // Events, not `for await`: leaving an async iterator early destroys the socket, and the
    // 413 answer still has to go out on it.
    const complete = await new Promise<boolean>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        if (take(chunk)) return;
        // Stop listening; Node discards the rest once the answer is sent, as Hono's bodyLimit does.
        incoming.off('data', onData);
        resolve(false);
      };
      incoming.on('data', onData);
      incoming.once('end', () => resolve(true));
      incoming.once('error', reject);
    });
    if (!complete) return null;
  } else {
    const body = c.req.raw.body;
    if (body) {
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!take(value)) {
          await reader.cancel();
          return null;
        }
      }
    }
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
