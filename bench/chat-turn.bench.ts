/**
 * Latency of a full chat turn (load person and dialogue state, parse, resolve, query, reply,
 * save state) on PGlite and on PostgreSQL, p50/p99, against the fixed cost of a turn measured
 * in the same run: loading the actor and the state and saving it, with no intent work.
 */
import { openDb, type Db } from '../src/db/open-db.ts';
import { applyMigrations } from '../src/db/migrate.ts';
import { seedDemo } from '../src/seed/demo-seed.ts';
import { FixedClock } from '../src/shared/clock.ts';
import { createLogger } from '../src/shared/logger.ts';
import { loadConfig } from '../src/config.ts';
import { handleTurn } from '../src/conversation/handle-message.ts';
import { loadState, saveState } from '../src/conversation/dialogue/state.ts';
import { loadActor } from '../src/features/people/actor.ts';
import type { Deps } from '../src/deps.ts';
import { freshBenchDb } from './lib/bench-db.ts';
import { percentile, printComparison } from './lib/report.ts';

const MESSAGES: [string, string][] = [
  ['priya.shah@acme.example', 'what first aid sessions are there next month?'],
  ['priya.shah@acme.example', 'what am I booked on?'],
  ['dana.whitfield@acme.example', "who's on my session next week?"],
  ['dana.whitfield@acme.example', 'the second one'],
  ['maya.chen@acme.example', 'help'],
  ['kofi.mensah@acme.example', 'fire safety sessions on tuesday'],
  ['avery.clarke@acme.example', 'show me the excel one'],
  ['sam.brooks@acme.example', 'asdf qwerty'],
];
const TURNS = 160;

async function measure(db: Db, label: string): Promise<void> {
  const clock = new FixedClock(new Date('2026-11-28T09:00:00Z'));
  await seedDemo(db, clock);
  const deps: Deps = {
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    db,
    clock,
    log: createLogger('silent'),
  };
  const people = new Map<string, string>();
  for (const [email] of MESSAGES)
    people.set(
      email,
      (await db.prisma.person.findUniqueOrThrow({ where: { email }, select: { id: true } })).id,
    );
  const full: number[] = [];
  const fixed: number[] = [];
  for (let i = 0; i < TURNS + 10; i++) {
    const [email, text] = MESSAGES[i % MESSAGES.length]!;
    const personId = people.get(email)!;
    let started = performance.now();
    await handleTurn(deps, { personId, channel: 'web', threadKey: 'bench', text });
    if (i >= 10) full.push(performance.now() - started);
    started = performance.now();
    const actor = await loadActor(db.prisma, personId);
    const state = await loadState(deps, actor, 'web', 'bench-fixed', clock.now());
    await saveState(deps, actor, 'web', 'bench-fixed', { context: state.context }, clock.now());
    if (i >= 10) fixed.push(performance.now() - started);
  }
  full.sort((a, b) => a - b);
  fixed.sort((a, b) => a - b);
  for (const p of [50, 99]) {
    printComparison(
      `chat turn latency p${p}, ${label} (${TURNS} turns, ${MESSAGES.length} kinds of message)`,
      { label: 'full turn (parse + resolve + query + reply)', value: percentile(full, p), unit: 'ms' },
      { label: 'fixed cost (actor + state load/save only)', value: percentile(fixed, p), unit: 'ms' },
      false,
    );
  }
}

export default async function run(): Promise<void> {
  const pglite = await openDb({ DATABASE_URL: undefined, DATA_DIR: '' }, { inMemory: true });
  await applyMigrations(pglite);
  try {
    await measure(pglite, 'PGlite (in-memory)');
  } finally {
    await pglite.close();
  }
  try {
    const pg = await freshBenchDb('rollcall_bench_chat');
    try {
      await measure(pg.db, 'PostgreSQL');
    } finally {
      await pg.drop();
    }
  } catch (error) {
    console.log(`\n(PostgreSQL skipped: ${(error as Error).message})`);
  }
}
