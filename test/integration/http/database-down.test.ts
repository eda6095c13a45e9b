/**
 * When the database goes away, every route answers 503 with Retry-After in the JSON error
 * shape (or its own 503 body for /health), never a 500. On PostgreSQL the service's
 * database is dropped under it; on PGlite the embedded database is closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createApp } from '../../../src/http/app.ts';
import { mountWebChat } from '../../../adapters/web/index.ts';
import { mountChatAdapters } from '../../../adapters/mount-chat.ts';
import { createConversationHandler } from '../../../src/conversation/handle-message.ts';
import { createTestDb, testDeps, type TestDb } from '../../helpers/test-db.ts';
import { envValue } from '../../../src/config.ts';
import { listen, type Listening } from '../../helpers/listen.ts';

const ADMIN = 'admin-token-for-the-down-test';
let testDb: TestDb;
let service: Listening;

beforeAll(async () => {
  testDb = await createTestDb();
  const deps = testDeps(testDb.db, undefined, {
    ADMIN_API_TOKEN: ADMIN,
    demoMode: true,
    LAUNCH_TOKEN_SECRET: 'launch-secret-for-the-down-test-0123456789',
  });
  const app = createApp(deps);
  const handler = createConversationHandler(deps);
  mountWebChat(app, deps, handler);
  mountChatAdapters(app, deps, handler).stop();
  service = await listen(app);
  await testDb.db.prisma.person.create({ data: { email: 'p@acme.example', name: 'P' } });
});
afterAll(async () => {
  await service?.close();
  await testDb?.drop().catch(() => {});
});

async function takeTheDatabaseAway(): Promise<void> {
  if (!testDb.url) {
    await testDb.db.close();
    return;
  }
  const admin = new pg.Client({ connectionString: envValue('TEST_DATABASE_URL') });
  await admin.connect();
  await admin.query(`DROP DATABASE ${new URL(testDb.url).pathname.slice(1)} WITH (FORCE)`);
  await admin.end();
}

describe('database down', () => {
  it('answers 503 with Retry-After on every route that needs it', async () => {
    await takeTheDatabaseAway();
    const json = { 'content-type': 'application/json', origin: service.url };
    const admin = { ...json, authorization: `Bearer ${ADMIN}` };
    const requests: [string, RequestInit][] = [
      ['/health', {}],
      ['/api/lms/courses?q=first', { headers: admin }],
      ['/api/lms/compliance', { headers: admin }],
      [
        '/api/lms/completions',
        {
          method: 'POST',
          headers: admin,
          body: JSON.stringify({
            email: 'p@acme.example',
            courseCode: 'X',
            completedAt: '2026-01-01',
            reason: 'paper',
          }),
        },
      ],
      [
        '/api/cli/chat',
        { method: 'POST', headers: admin, body: JSON.stringify({ as: 'p@acme.example', text: 'help' }) },
      ],
      ['/certificates/RC-2026-ABCD-EFGH', {}],
      ['/web/people', {}],
      [
        '/web/chat',
        { method: 'POST', headers: json, body: JSON.stringify({ email: 'p@acme.example', text: 'help' }) },
      ],
    ];
    for (const [path, init] of requests) {
      const res = await fetch(`${service.url}${path}`, init);
      expect(res.status, path).toBe(503);
      expect(res.headers.get('retry-after'), path).toBe('5');
      const body = (await res.json()) as { error?: { code: string }; status?: string };
      expect(body.error?.code ?? body.status, path).toMatch(/UNAVAILABLE|degraded/);
    }
  });
});
