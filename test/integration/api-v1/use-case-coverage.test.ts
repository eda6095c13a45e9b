/**
 * Every function exported from src/features/<area>/index.ts is reachable: an /api/v1
 * operation, a chat intent, another HTTP surface or a job, or is declared an internal helper.
 * A new export that is none of these fails here until it is wired and listed in
 * src/http/api-v1/use-case-map.ts; the "not yet" list is printed so it stays visible.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/http/app.ts';
import { USE_CASE_MAP } from '../../../src/http/api-v1/use-case-map.ts';
import { INTENT_HANDLERS } from '../../../src/conversation/intents/registry.ts';
import { createTestDb, testDeps, type TestDb } from '../../helpers/test-db.ts';

const FEATURES = path.resolve(import.meta.dirname, '../../../src/features');

async function exportedFunctions(): Promise<string[]> {
  const names: string[] = [];
  for (const area of readdirSync(FEATURES).sort()) {
    const mod = (await import(path.join(FEATURES, area, 'index.ts'))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod))
      if (typeof value === 'function') names.push(`${area}.${name}`);
  }
  return names.sort();
}

describe('use case coverage', () => {
  let t: TestDb;
  let operationIds: Set<string>;

  beforeAll(async () => {
    t = await createTestDb();
    const app = createApp(
      testDeps(t.db, new Date('2026-11-28T09:00:00Z'), { ADMIN_API_TOKEN: 'x'.repeat(24) }),
    );
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    operationIds = new Set(
      Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId ?? '')),
    );
  });
  afterAll(async () => t?.drop());

  it('maps every exported function, and names only operations and intents that exist', async () => {
    const exported = await exportedFunctions();
    const unmapped = exported.filter((name) => !(name in USE_CASE_MAP));
    expect(unmapped, 'exported but not in use-case-map.ts').toEqual([]);
    const stale = Object.keys(USE_CASE_MAP).filter((name) => !exported.includes(name));
    expect(stale, 'in use-case-map.ts but no longer exported').toEqual([]);
    const intents = new Set(Object.keys(INTENT_HANDLERS));
    for (const [name, reach] of Object.entries(USE_CASE_MAP)) {
      for (const op of reach.api ?? [])
        expect(operationIds.has(op), `${name} → unknown operation ${op}`).toBe(true);
      for (const intent of reach.chat ?? [])
        expect(intents.has(intent), `${name} → unknown intent ${intent}`).toBe(true);
      const ways = [
        reach.api?.length,
        reach.chat?.length,
        reach.http,
        reach.job,
        reach.internal,
        reach.notYet,
      ];
      expect(ways.some(Boolean), `${name} has no way in`).toBe(true);
    }
  });

  it('lists what is not reachable yet', () => {
    const notYet = Object.entries(USE_CASE_MAP).filter(([, r]) => r.notYet);
    console.log(
      `Use cases not reachable yet (${notYet.length}):\n${notYet.map(([n, r]) => `  ${n}: ${r.notYet}`).join('\n')}`,
    );
    // Honest, not empty by decree: the list only shrinks as operations or intents arrive.
    expect(notYet.length).toBeLessThanOrEqual(0);
  });

  it('every /api/v1 operation serves at least one mapped use case', () => {
    const served = new Set(Object.values(USE_CASE_MAP).flatMap((r) => r.api ?? []));
    const unserved = [...operationIds].filter((op) => !served.has(op));
    expect(unserved).toEqual([]);
  });
});
