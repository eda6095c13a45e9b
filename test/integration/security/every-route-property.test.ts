/**
 * A bounded property test over every route of the composed service (as src/main.ts builds
 * it, demo web chat and Slack/Teams mounts included), over real HTTP: random methods'
 * bodies, content types, origins, tokens and chat text. No answer is a 5xx, and a refused
 * request (4xx) leaves every table as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createApp } from '../../../src/http/app.ts';
import { mountWebChat } from '../../../adapters/web/index.ts';
import { mountChatAdapters } from '../../../adapters/mount-chat.ts';
import { createConversationHandler } from '../../../src/conversation/handle-message.ts';
import { seededConversation, demoEmail } from '../../helpers/conversation.ts';
import { listen, waitFor, type Listening } from '../../helpers/listen.ts';
import { API_SERVICE_EMAIL } from '../../../src/features/people/api-service-actor.ts';
import type { TestDb } from '../../helpers/test-db.ts';

const ADMIN = 'property-admin-token-0123456789';
let testDb: TestDb;
let service: Listening;
let routes: { method: string; path: string }[];

const TABLES = [
  'Person',
  'Registration',
  'Completion',
  'Certificate',
  'CostItem',
  'Session',
  'Course',
  'ChatIdentity',
  'Notification',
  'WebSession',
  'WebLinkToken',
  'ScoState',
  'Attempt',
  'Enrollment',
  'AuditEvent',
  'ContentPackage',
];

async function counts(): Promise<Record<string, number>> {
  const sql = `SELECT ${TABLES.map((t) => `(SELECT count(*)::int FROM "${t}") AS "${t}"`).join(', ')}`;
  return (await testDb.db.sql.query<Record<string, number>>(sql))[0]!;
}

beforeAll(async () => {
  const seeded = await seededConversation({
    ADMIN_API_TOKEN: ADMIN,
    demoMode: true,
    LAUNCH_TOKEN_SECRET: 'property-launch-secret-0123456789abcdef',
  });
  testDb = seeded.testDb;
  const deps = seeded.deps;
  const app = createApp(deps);
  const handler = createConversationHandler(deps);
  mountWebChat(app, deps, handler);
  mountChatAdapters(app, deps, handler).stop();
  service = await listen(app);
  // Building the app creates the admin API's service actor without waiting for it; on
  // PostgreSQL that write can land after the first snapshot, so wait for it here.
  await waitFor('the admin API service actor', async () =>
    (await testDb.db.prisma.person.count({ where: { email: API_SERVICE_EMAIL } })) === 1 ? true : undefined,
  );
  routes = app.routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => ({ method: r.method, path: r.path }))
    .filter((r, i, all) => all.findIndex((o) => o.method === r.method && o.path === r.path) === i);
}, 120_000);
afterAll(async () => {
  await service?.close();
  await testDb?.drop();
});

const segment = fc.oneof(
  fc.constantFrom('x', '..', '%2e%2e', '00000000-0000-0000-0000-000000000000', 'RC-2026-ABCD-EFGH', '%00'),
  fc.stringMatching(/^[A-Za-z0-9._~-]{1,40}$/),
);
const body = fc.oneof(
  fc.constant(''),
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .record({
      email: fc.constantFrom(demoEmail('priya.shah'), demoEmail('olivia.grant'), 'x@y', ''),
      text: fc.string({ unit: 'grapheme', maxLength: 200 }),
      thread: fc.string({ maxLength: 70 }),
      as: fc.constantFrom(demoEmail('priya.shah'), 'nobody@acme.example'),
      completedAt: fc.constantFrom('1900-01-01', '2026-11-20', 'yesterday', '99999-01-01'),
      score: fc.oneof(fc.double(), fc.integer()),
      reason: fc.string({ maxLength: 50 }),
      courseCode: fc.constantFrom('FA-101', 'GDPR-101', 'x'),
      cmi: fc.json({ maxDepth: 3 }),
    })
    .map((o) => JSON.stringify(o)),
);
const contentType = fc.constantFrom(
  undefined,
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
);
const origin = fc.constantFrom(undefined, 'https://evil.example', 'self');
const token = fc.constantFrom(undefined, ADMIN, 'wrong-token-wrong-token');

describe('every route under random input', () => {
  it('never answers 5xx; a refused request stores nothing', async () => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(segment, { minLength: 3, maxLength: 3 }),
        body,
        contentType,
        origin,
        token,
        async (pick, segments, payload, type, from, bearer) => {
          const route = routes[pick % routes.length]!;
          let i = 0;
          const path = route.path
            .replace(/:[A-Za-z]+(\{[^}]*\})?/g, () => segments[i++ % 3]!)
            .replace('*', 'x');
          const headers: Record<string, string> = {};
          if (type) headers['content-type'] = type;
          if (from) headers.origin = from === 'self' ? service.url : from;
          if (bearer) headers.authorization = `Bearer ${bearer}`;
          const before = await counts();
          const res = await fetch(`${service.url}${path}`, {
            method: route.method,
            headers,
            body: route.method === 'GET' || route.method === 'HEAD' ? undefined : payload,
          });
          await res.arrayBuffer();
          if (res.status >= 500) failures.push(`${route.method} ${path} → ${res.status}`);
          expect(res.status, `${route.method} ${path}`).toBeLessThan(500);
          if (res.status >= 400)
            expect(await counts(), `${route.method} ${path} → ${res.status}`).toEqual(before);
        },
      ),
      { numRuns: 300 },
    );
    expect(failures).toEqual([]);
  }, 300_000);

  it('chat text never produces a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }),
          fc.constantFrom(
            'add a venue cost of -£400 to that session',
            'schedule First Aid on 10 December in Room 2, 99999999999 seats',
            'book me on',
            '-5 seats',
            '   ',
          ),
        ),
        fc.constantFrom(demoEmail('priya.shah'), demoEmail('olivia.grant'), demoEmail('dana.whitfield')),
        async (text, email) => {
          const res = await fetch(`${service.url}/web/chat`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: service.url },
            body: JSON.stringify({ email, text }),
          });
          await res.arrayBuffer();
          // The demo picker names a real person, so every turn reaches the conversation core.
          expect(res.status, text).toBe(200);
        },
      ),
      { numRuns: 60 },
    );
  }, 300_000);
});
