/** Starts `src/main.ts` as a real process (as `npm start` does) and finds the port it printed. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');

export interface RunningService {
  url: string;
  /** The spawned launcher's pid (tsx; the service itself may be its child). */
  pid: number;
  output: () => string;
  stop(): Promise<void>;
}

/** The test runner's own variables must not leak into the child's config. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn' };
  return { ...base, ...env };
}

export function startService(env: Record<string, string>, timeoutMs = 200_000): Promise<RunningService> {
  const child = spawn(tsx, ['src/main.ts'], {
    cwd: repoRoot,
    env: cleanEnv({ PORT: '0', HOST: '127.0.0.1', ...env }),
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`service did not start in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = () => {
      const match = /listening on (http:\/\/localhost:\d+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve({
        url: match[1]!.replace('localhost', '127.0.0.1'),
        pid: child.pid!,
        output: () => out,
        stop: () => stop(child),
      });
    };
    child.stdout.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code}:\n${out}`));
    });
  });
}

/** Runs the service expecting it to fail; returns its exit code and output. */
export function runFailingService(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(tsx, ['src/main.ts'], { cwd: repoRoot, env: cleanEnv({ PORT: '0', ...env }) });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
