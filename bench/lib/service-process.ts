/**
 * The service side of the HTTP benches, in a process of its own as in production: the
 * compiled Hono app (dist/, built first) with the Slack and Teams adapters mounted as the
 * service mounts them (mountChatAdapters) when Slack settings are given, over the bench's
 * PostgreSQL database, with an echo core. The load generator and the fakes stay in the bench
 * process, so they do not share this event loop. service-process.mjs is the child; it reports
 * its URL over IPC and answers `idle` (every accepted turn finished) and `stop`.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startNodeFlags } from './start-command.ts';

export interface ServiceSettings {
  databaseUrl: string;
  /** Slack and the Teams emulator are mounted only with these. */
  slackApiUrl?: string;
  signingSecret?: string;
  teamId?: string;
  contentDir?: string;
  launchTokenSecret?: string;
}

type Command = { kind: 'idle' } | { kind: 'stop' };
type Answer = { kind: 'listening'; url: string } | { kind: 'idle' } | { kind: 'stopped' };

export interface ServiceProcess {
  url: string;
  pid: number;
  /** Resolves when no chat turn is running or waiting in the service. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds dist/ if stale, forks the service and waits until it listens. */
export async function startServiceProcess(settings: ServiceSettings): Promise<ServiceProcess> {
  const root = path.resolve(import.meta.dirname, '../..');
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('build failed');
  const child = fork(path.join(import.meta.dirname, 'service-process.mjs'), [JSON.stringify(settings)], {
    // Plain node with npm start's flags: no TypeScript loader in the measured process.
    execArgv: startNodeFlags(),
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (kind: Answer['kind']) =>
    new Promise<Answer>((resolve, reject) => {
      const onMessage = (answer: Answer) => {
        if (answer.kind !== kind) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(answer);
      };
      const onExit = (code: number | null) => reject(new Error(`bench service exited with ${code}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const send = (command: Command) => child.send(command);
  const listening = (await next('listening')) as Extract<Answer, { kind: 'listening' }>;
  return {
    url: listening.url,
    pid: child.pid!,
    idle: async () => {
      const answered = next('idle');
      send({ kind: 'idle' });
      await answered;
    },
    stop: () => stopChild(child, () => send({ kind: 'stop' })),
  };
}

async function stopChild(child: ChildProcess, ask: () => void): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  ask();
  await exited;
}
