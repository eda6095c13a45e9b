/** The admin LMS API over HTTP (app.request): token required, JSON in/out, CSV out and in. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDeps, type TestDb } from '../../helpers/test-db.ts';
import { createApp } from '../../../src/http/app.ts';
import { buildOrg, type Org } from '../../helpers/lms-fixture.ts';

const NOW = new Date('2026-11-28T09:00:00Z');
const TOKEN = 'test-admin-token-0123456789';

describe('LMS admin API', () => {
  let t: TestDb;
  let org: Org;
  const app = () => createApp(testDeps(t.db, NOW, { ADMIN_API_TOKEN: TOKEN }));
  const auth = { authorization: `Bearer ${TOKEN}` };

  beforeAll(async () => {
    t = await createTestDb();
    org = await buildOrg(t.db.prisma);
  });
  afterAll(async () => t?.drop());

  it('refuses without the token', async () => {
    const res = await app().request('/api/lms/compliance');
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
  });

  it('records, imports, assigns and reports', async () => {
    const a = app();
    const manual = await a.request('/api/lms/completions', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'priya@t.example',
        courseCode: 'gdpr-101',
        completedAt: '2026-11-20',
        reason: 'Paper test',
      }),
    });
    expect(manual.status).toBe(201);
    expect(await manual.json()).toMatchObject({
      kind: 'recorded',
      certificate: { number: expect.stringMatching(/^RC-2026-/) },
    });

    const bad = await a.request('/api/lms/completions', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'priya@t.example',
        courseCode: 'NOPE',
        completedAt: '2026-11-20',
        reason: 'x',
      }),
    });
    expect(bad.status).toBe(404);
    expect((await bad.json()).error.message).toMatch(/NOPE/);

    const imported = await a.request('/api/lms/completions/import', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/csv' },
      body: 'email,course_code,completed_at\nsam@t.example,GDPR-101,2026-10-01\nsam@t.example,GDPR-101,2026-10-01\n',
    });
    expect(await imported.json()).toMatchObject({ imported: 1, duplicates: 1 });

    const assigned = await a.request('/api/lms/assignments', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ courseCode: 'XL-110', emails: ['maya@t.example'], dueAt: '2026-12-31' }),
    });
    expect((await assigned.json()).assigned).toHaveLength(1);

    const rule = await a.request('/api/lms/assignment-rules', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Nobody', courseCode: 'FA-101', jobRole: 'Astronaut' }),
    });
    expect(await rule.json()).toMatchObject({ kind: 'created_matching_nobody' });

    const summary = await a.request('/api/lms/compliance?scope=department&department=sales', {
      headers: auth,
    });
    expect(await summary.json()).toMatchObject({
      summary: [{ requirementCode: 'DATA-PROTECTION', compliant: 2, overdue: 2, total: 4 }],
    });
    const csv = await a.request('/api/lms/compliance?scope=manager&manager=maya@t.example&detail=csv', {
      headers: auth,
    });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^Priya Shah,.*,compliant,/);
    const past = await a.request('/api/lms/compliance?scope=person&person=priya@t.example&asOf=2026-06-30', {
      headers: auth,
    });
    expect((await past.json()).summary[0]).toMatchObject({ overdue: 1, compliant: 0 });
    const badDate = await a.request('/api/lms/compliance?asOf=30/06/2026', { headers: auth });
    expect(badDate.status).toBe(400);
    const courses = await a.request('/api/lms/courses?q=the%20excel%20one', { headers: auth });
    expect(await courses.json()).toMatchObject({ kind: 'match', course: { code: 'XL-110' } });
    void org;
  });
});
