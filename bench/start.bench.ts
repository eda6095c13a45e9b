/**
 * Start-up and memory of the service as `npm start` runs it (compiled dist/): time from spawn
 * to a 200 from /health on a fresh embedded database (the build's migrated template, then the
 * demo seed; and, as its baseline, initdb and every migration instead of the template) and
 * on a second start of the same folder, then resident memory after a few idle seconds, on
 * PGlite and on PostgreSQL. Baselines, same run: a minimal Hono server on @hono/node-server
 * (the floor for "a Node process answering HTTP"), and the same second start through tsx
 * (what `npm start` did before the build).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { dropDatabase, urlFor } from './lib/bench-db.ts';
import { printComparison } from './lib/report.ts';
import { startNodeFlags } from './lib/start-command.ts';
import pg from 'pg';
import { benchAdminUrl } from './lib/bench-db.ts';

const root = path.resolve(import.meta.dirname, '..');
const IDLE_MS = 4_000;

interface Started {
  child: ChildProcess;
  healthyMs: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Spawns and polls /health until it answers 200. */
async function startAndWait(command: string, args: string[], env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}: ${stderr}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.ok) return { child, healthyMs: performance.now() - started };
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 120_000) throw new Error(`${command} not healthy in 120 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Resident memory of the process (MB), after it has been idle a while. */
async function idleRssMb(child: ChildProcess): Promise<number> {
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const MINIMAL_SERVER = `
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
const app = new Hono().get('/health', (c) => c.json({ ok: true }));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
`;

export default async function run(): Promise<void> {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('build failed');
  const node = process.execPath;
  const compiled = [...startNodeFlags(), path.join(root, 'dist/src/main.js')];
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rollcall-bench-start-'));
  const noTemplateDir = await mkdtemp(path.join(os.tmpdir(), 'rollcall-bench-start-'));
  const pgName = 'rollcall_bench_start';
  try {
    // Baseline: a minimal Hono server.
    const minimal = await startAndWait(node, ['--input-type=module', '-e', MINIMAL_SERVER], {});
    const minimalRss = await idleRssMb(minimal.child);
    await stop(minimal.child);

    // PGlite: first start (from the build's migrated template, then the seed), then the
    // second on the same folder.
    const first = await startAndWait(node, compiled, { DATA_DIR: dataDir });
    await stop(first.child);
    // Before: a first start without the template (initdb and every migration). A database
    // folder that already exists never takes the template, so an empty one gives that path.
    mkdirSync(path.join(noTemplateDir, 'pglite'));
    const firstNoTemplate = await startAndWait(node, compiled, { DATA_DIR: noTemplateDir });
    await stop(firstNoTemplate.child);
    const second = await startAndWait(node, compiled, { DATA_DIR: dataDir });
    const pgliteRss = await idleRssMb(second.child);
    await stop(second.child);
    // Before: the same second start through tsx (compiling TypeScript at every start).
    const viaTsx = await startAndWait(path.join(root, 'node_modules/.bin/tsx'), ['src/main.ts'], {
      DATA_DIR: dataDir,
    });
    await stop(viaTsx.child);

    // PostgreSQL: a fresh database of its own.
    await dropDatabase(pgName);
    const admin = new pg.Client({ connectionString: benchAdminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${pgName}`);
    await admin.end();
    const onPg = await startAndWait(node, compiled, { DATABASE_URL: urlFor(pgName) });
    await stop(onPg.child);
    const onPgAgain = await startAndWait(node, compiled, { DATABASE_URL: urlFor(pgName) });
    const pgRss = await idleRssMb(onPgAgain.child);
    await stop(onPgAgain.child);

    console.log(
      `  minimal Hono server: healthy in ${minimal.healthyMs.toFixed(0)} ms, idle RSS ${minimalRss.toFixed(0)} MB`,
    );
    console.log(
      `  PostgreSQL: first start ${onPg.healthyMs.toFixed(0)} ms, second ${onPgAgain.healthyMs.toFixed(0)} ms`,
    );
    printComparison(
      'Start, first (PGlite, migrations + demo seed) — target < 8 s',
      { label: 'npm start (dist/) to a healthy /health', value: first.healthyMs, unit: 'ms' },
      { label: 'minimal Hono server', value: minimal.healthyMs, unit: 'ms' },
      false,
    );
    printComparison(
      'Start, first (PGlite): from the migrated template vs initdb + migrations',
      { label: 'from the template', value: first.healthyMs, unit: 'ms' },
      { label: 'initdb + migrations (before)', value: firstNoTemplate.healthyMs, unit: 'ms' },
      false,
    );
    printComparison(
      'Start, second (PGlite, demo data) — target < 3 s',
      { label: 'npm start (dist/) to a healthy /health', value: second.healthyMs, unit: 'ms' },
      { label: 'minimal Hono server', value: minimal.healthyMs, unit: 'ms' },
      false,
    );
    printComparison(
      'Start, second (PGlite): compiled vs tsx',
      { label: 'node dist/src/main.js', value: second.healthyMs, unit: 'ms' },
      { label: 'tsx src/main.ts (before)', value: viaTsx.healthyMs, unit: 'ms' },
      false,
    );
    printComparison(
      `Idle RSS after ${IDLE_MS / 1000} s, PGlite — target < 400 MB`,
      { label: 'service (dist/) on PGlite', value: pgliteRss, unit: 'MB' },
      { label: 'minimal Hono server', value: minimalRss, unit: 'MB' },
      false,
    );
    printComparison(
      `Idle RSS after ${IDLE_MS / 1000} s, PostgreSQL — target < 250 MB`,
      { label: 'service (dist/) on PostgreSQL', value: pgRss, unit: 'MB' },
      { label: 'minimal Hono server', value: minimalRss, unit: 'MB' },
      false,
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    await rm(noTemplateDir, { recursive: true, force: true });
    await dropDatabase(pgName);
  }
}
