/**
 * `npm start` runs the compiled service: prestart builds dist/ only when a source is newer
 * than the last build, and `node dist/src/main.js` serves the same surfaces as the tsx start
 * (migrations, demo seed, /health, the web chat page) from the embedded database.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/spawn-service.ts';

const SLOW = { timeout: 240_000 };

function build(): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('compiled start (npm start)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rollcall-compiled-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('builds once, then starts from dist/ and answers /health and the web chat', SLOW, async () => {
    expect(build().status).toBe(0);
    // Nothing changed since: the prestart step is a no-op.
    expect(build()).toEqual({ status: 0, output: '' });

    const child = spawn(process.execPath, ['dist/src/main.js'], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        LOG_LEVEL: 'warn',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
      },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
          const match = /listening on http:\/\/localhost:(\d+)/.exec(out);
          if (match) resolve(`http://127.0.0.1:${match[1]}`);
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
      });
      expect(await (await fetch(`${url}/health`)).json()).toMatchObject({ status: 'ok', db: 'pglite' });
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Rollcall');
      expect(out).toMatch(/demo admin API token: demo-[0-9a-f]{32}/);
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
  });
});
