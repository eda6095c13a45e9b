/**
 * One writer per embedded database, as a person would meet it: `npm start` owns DATA_DIR;
 * a second `npm start` on it exits non-zero with one line naming the owner; the CLI,
 * meanwhile, sends its chat turns to the running service instead of opening the files, so
 * a booking it makes is seen by the service at once and is still there after a restart.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/listen.ts';
import { repoRoot, runFailingService, startService, type RunningService } from '../helpers/spawn-service.ts';

const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(tmpdir(), 'rollcall-owner-'));
const AS = 'olivia.grant@acme.example';
let service: RunningService | undefined;

const cli = (...args: string[]) =>
  run(path.join(repoRoot, 'node_modules/.bin/tsx'), ['src/cli/main.ts', ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
  });

afterAll(async () => {
  await service?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('one process owns an embedded database folder', () => {
  it('refuses a second service, forwards the CLI, and keeps what the CLI booked', async () => {
    service = await startService({ DATA_DIR: dataDir });
    const running = service;
    await waitFor('the start-up lines', () => /demo admin API token/.test(running.output()));
    expect(service.output()).toMatch(/web chat: \/ \(DEMO/);

    const second = await runFailingService({ DATA_DIR: dataDir, HOST: '127.0.0.1' });
    expect(second.code).not.toBe(0);
    const lines = second.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^rollcall: the embedded database in ${dataDir} is in use by process \\d+; `),
    );

    const booked = await cli('chat', '--as', AS, 'book me on Excel Essentials');
    expect(booked.stdout).toMatch(/held a seat for you/);
    const link = await cli('web-link', '--as', AS);
    expect(link.stdout.trim()).toMatch(/^http:\/\/localhost:\d+\/web\/sign-in#[A-Za-z0-9_-]{43}$/);
    const seen = await cli('chat', '--as', AS, 'what am I booked on?');
    expect(seen.stdout).toMatch(/Excel Essentials .* Awaiting approval/);

    await service.stop();
    service = await startService({ DATA_DIR: dataDir });
    const afterRestart = await cli('chat', '--as', AS, 'what am I booked on?');
    expect(afterRestart.stdout).toMatch(/Excel Essentials .* Awaiting approval/);
    await service.stop();
    service = undefined;

    // With no service running, the CLI opens the folder itself and sees the same booking.
    const direct = await cli('chat', '--as', AS, 'what am I booked on?');
    expect(direct.stdout).toMatch(/Excel Essentials .* Awaiting approval/);
  }, 240_000);
});
