/**
 * Composition root: config → database (locked, migrated, demo-seeded when empty) → Hono app
 * with every adapter mounted → jobs. The only file in src/ that imports from adapters/.
 * Start-up prints one line for every surface that is open, and what it trusts.
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { loadConfig, ConfigError, type Config } from './config.ts';
import { createLogger } from './shared/logger.ts';
import { systemClock } from './shared/clock.ts';
import { fillComplianceStatus, prepareDatabase, withSharedSecrets } from './startup.ts';
import { createApp } from './http/app.ts';
import { isAppError } from './shared/app-error.ts';
import type { Deps } from './deps.ts';
import { createConversationHandler } from './conversation/handle-message.ts';
import { createInterpreterFromConfig } from './conversation/llm/create-interpreter.ts';
import { warmUpParser } from './conversation/parse/parse-message.ts';
import { mountWebChat } from '../adapters/web/index.ts';
import { mountChatAdapters, type ChatAdapters } from '../adapters/mount-chat.ts';
import { jobDefinitions, startJobs, type JobDefinition } from './jobs/start-jobs.ts';
import { withJobLock } from './jobs/job-lock.ts';
import { firstAvailableSender } from './features/notifications/notification-sender.ts';
import { DatabaseInUseError } from './db/data-dir-lock.ts';

async function main(): Promise<void> {
  let config: Config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const started = Date.now();
  // An empty ComplianceStatus is filled once /health answers (see afterListening), not before.
  const { db, migrationsApplied, seeded, demoSeedApplied } = await prepareDatabase(config, systemClock, {
    complianceFill: 'later',
  });
  if (migrationsApplied.length) log.info({ migrations: migrationsApplied }, 'migrations applied');
  if (seeded) log.info({ seeded }, 'demo organisation seeded');
  config = await withSharedSecrets(config, db);

  // Demo mode when asked for, or (DEMO_MODE unset, outside production) when this database
  // holds the demo seed.
  if (config.DEMO_MODE === undefined && demoSeedApplied && config.NODE_ENV !== 'production') {
    config = { ...config, demoMode: true, HOST: config.hostFromEnv ? config.HOST : '127.0.0.1' };
  }
  let generatedAdminToken: string | undefined;
  if (config.demoMode && !config.ADMIN_API_TOKEN) {
    // The demo opens the admin API with a token made for this run.
    generatedAdminToken = `demo-${randomBytes(16).toString('hex')}`;
    config = { ...config, ADMIN_API_TOKEN: generatedAdminToken };
  }

  const deps: Deps = { config, db, clock: systemClock, log };
  const { app, webChat, chat, jobs: jobList } = composeService(deps);
  const jobs = config.JOBS_ENABLED ? startJobs(deps, jobList) : undefined;

  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    const where = `http://localhost:${info.port}`;
    db.dataDirLock?.describe({ url: `http://127.0.0.1:${info.port}`, adminToken: generatedAdminToken });
    console.log(
      `Rollcall ${db.kind === 'pglite' ? `(embedded database in ${config.DATA_DIR})` : '(PostgreSQL)'} listening on ${where} — ready in ${Date.now() - started} ms`,
    );
    for (const line of openSurfaces(config, { webChat, slack: chat.slackEnabled, teams: chat.teamsMode }))
      console.log(`  ${line}`);
    if (generatedAdminToken) console.log(`  demo admin API token: ${generatedAdminToken}`);
    setImmediate(() => void afterListening(deps));
  });

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    jobs?.stop();
    server.close();
    // Chat turns already acked are finished before the database goes.
    await chat.stop().catch(() => {});
    await db.close().catch(() => {});
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * Start-up work that need not delay /health: the intent model (its cached weights load in
 * about a second of CPU; a first message would otherwise pay it) and, on a database from
 * before the maintained compliance status, its batched fill, under the nightly sweep's job
 * lock so replicas starting together and the sweep never fill at once.
 */
async function afterListening(deps: Deps): Promise<void> {
  await warmUpParser();
  try {
    const filled = await withJobLock(deps.db, 'compliance-sweep', () =>
      fillComplianceStatus(deps.db, deps.clock),
    );
    if (filled) deps.log.info({ rows: filled }, 'compliance status filled');
  } catch (error) {
    // The nightly sweep fills it too; the service keeps serving meanwhile.
    deps.log.error({ err: error }, 'compliance status fill failed');
  }
}

export interface ComposedService {
  app: ReturnType<typeof createApp>;
  webChat: boolean;
  chat: ChatAdapters;
  /** The job registry, wired to this service's senders; main starts them on their schedules. */
  jobs: JobDefinition[];
}

/**
 * Everything between an open database and a listening socket: the Hono app with every
 * surface mounted, and the jobs wired to the senders. main() calls it once; the journey
 * tests call it with their own clock and run the same jobs by moving that clock.
 */
export function composeService(deps: Deps): ComposedService {
  const app = createApp(deps);
  const conversation = createConversationHandler(deps, { interpreter: createInterpreterFromConfig(deps) });
  const webInbox = mountWebChat(app, deps, conversation);
  // Slack and Teams register how they reach a person; the outbox tries them in order, then
  // the web chat's inbox.
  const chat = mountChatAdapters(app, deps, conversation);
  const sender = firstAvailableSender([...chat.senders, webInbox]);
  return { app, webChat: true, chat, jobs: jobDefinitions(sender) };
}

/** One line per surface that answers requests, saying what it trusts. */
function openSurfaces(
  config: Config,
  open: { webChat: boolean; slack: boolean; teams: 'closed' | 'authenticated' | 'emulator' },
): string[] {
  const lines = [`health: GET /health (bound to ${config.HOST})`];
  lines.push(
    config.ADMIN_API_TOKEN
      ? 'admin API: /api/* (Authorization: Bearer <admin token>)'
      : 'admin API: closed (set ADMIN_API_TOKEN)',
  );
  lines.push('SCORM player and runtime: /scorm/* (signed launch links)');
  if (open.webChat)
    lines.push(
      config.demoMode
        ? 'web chat: / (DEMO: anyone who reaches it picks who they are)'
        : 'web chat: / (one-time sign-in links, session cookie)',
    );
  if (open.slack) lines.push('Slack: POST /slack/events (signed requests)');
  if (open.teams === 'authenticated') lines.push('Teams: POST /api/messages (Bot Framework tokens)');
  if (open.teams === 'emulator')
    lines.push('Teams: POST /api/messages (EMULATOR: unauthenticated, loopback only)');
  return lines;
}

// Started as a program (npm start), not imported (the journey tests import composeService).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  main().catch((error: unknown) => {
    // One clear line, no stack trace, for the errors a person starting the service can fix.
    if (error instanceof ConfigError || error instanceof DatabaseInUseError || isAppError(error)) {
      console.error(`rollcall: ${error.message}`);
    } else if ((error as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
      console.error(`rollcall: port already in use (${(error as Error).message}); set PORT to another port.`);
    } else {
      console.error('rollcall: failed to start:', error);
    }
    process.exit(1);
  });
