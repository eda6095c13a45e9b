/** A seeded demo organisation and a way to talk to the assistant as any of its people. */
import { seedDemo } from '../../src/seed/demo-seed.ts';
import { chatTurn } from '../../src/cli/commands/chat.ts';
import { createTestDb, testDeps, type TestDb } from './test-db.ts';
import type { Deps } from '../../src/deps.ts';
import type { FixedClock } from '../../src/shared/clock.ts';

export const DEMO_NOW = new Date('2026-11-28T09:00:00Z');
export const demoEmail = (first: string) => `${first}@acme.example`;

export async function seededConversation(
  overrides: Parameters<typeof testDeps>[2] = {},
): Promise<{ testDb: TestDb; deps: Deps & { clock: FixedClock } }> {
  const testDb = await createTestDb();
  const deps = testDeps(testDb.db, DEMO_NOW, overrides);
  await seedDemo(testDb.db, deps.clock);
  return { testDb, deps };
}

/** One turn through the CLI's own path (`chat --as <email> --json`), returning its JSON. */
export function say(deps: Deps, as: string, text: string, thread = '') {
  return chatTurn(deps, { as, text, thread });
}
export function press(deps: Deps, as: string, id: string, value: string, thread = '') {
  return chatTurn(deps, { as, action: { id, value }, thread });
}
