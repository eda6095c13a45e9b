/**
 * Values are checked where they enter, over real HTTP: completion dates (1970 to now),
 * scores, NUL characters anywhere in a JSON body, capacities (1 to 10,000). Each refusal
 * names the field, answers 4xx and stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDeps, type TestDb } from '../../helpers/test-db.ts';
import { listen, type Listening } from '../../helpers/listen.ts';
import { createApp } from '../../../src/http/app.ts';
import { validateCapacity } from '../../../src/features/sessions/session-writer.ts';
import { parseAmount } from '../../../src/features/costs/money.ts';
import { buildOrg } from '../../helpers/lms-fixture.ts';

const NOW = new Date('2026-11-28T09:00:00Z');
const TOKEN = 'test-admin-token-0123456789';
let t: TestDb;
let service: Listening;

beforeAll(async () => {
  t = await createTestDb();
  await buildOrg(t.db.prisma);
  service = await listen(createApp(testDeps(t.db, NOW, { ADMIN_API_TOKEN: TOKEN })));
});
afterAll(async () => {
  await service?.close();
  await t?.drop();
});

const completion = (fields: Record<string, unknown>) =>
  fetch(`${service.url}/api/lms/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'priya@t.example',
      courseCode: 'gdpr-101',
      completedAt: '2026-11-20',
      reason: 'Paper test',
      ...fields,
    }),
  });

describe('values at the admin API', () => {
  it.each([
    [{ completedAt: '1900-01-01' }, /before 1970/],
    [{ completedAt: '2027-01-01' }, /future/],
    [{ score: -1 }, /score/],
    [{ score: -1e308 }, /score/],
    [{ score: 1e12 }, /score/],
    [{ reason: 'paper\u0000test' }, /body.reason contains a NUL/],
  ])('refuses %j with a message naming it and stores nothing', async (fields, message) => {
    const before = await t.db.prisma.completion.count();
    const res = await completion(fields);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    expect(await t.db.prisma.completion.count()).toBe(before);
  });

  it('imports refuse the same dates row by row', async () => {
    const csv = 'email,course_code,completed_at\npriya@t.example,gdpr-101,1900-05-01\n';
    const res = await fetch(`${service.url}/api/lms/completions/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(res.status).toBeLessThan(500);
    expect(JSON.stringify(await res.json())).toMatch(/before 1970/);
  });
});

describe('values checked by the use cases chat and API share', () => {
  it('capacity is a whole number from 1 to 10,000', () => {
    for (const bad of [0, -5, 10_001, 99_999_999_999, 1.5])
      expect(() => validateCapacity(bad)).toThrow(/at least 1 and at most 10,000/);
    expect(() => validateCapacity(10_000)).not.toThrow();
  });

  it('money is a non-negative decimal string with at most two decimals and ten digits', () => {
    for (const bad of ['-400', '-0.01', '1e5', '12345678901', '1.234', 'NaN'])
      expect(() => parseAmount(bad), bad).toThrow();
    expect(parseAmount('1250.50').toFixed(2)).toBe('1250.50');
  });
});
