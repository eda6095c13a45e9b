/**
 * Composition root: config → database (migrated, demo-seeded when empty) → Hono app with
 * every adapter mounted → jobs. The only file in src/ that imports from adapters/.
 */
import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import { loadConfig, ConfigError, type Config } from './config.ts';
import { createLogger } from './shared/logger.ts';
import { systemClock } from './shared/clock.ts';
import { prepareDatabase } from './startup.ts';
import { createApp } from './http/app.ts';
import { isAppError } from './shared/app-error.ts';
import type { Deps } from './deps.ts';
import { createConversationHandler } from './conversation/handle-message.ts';
import { createInterpreterFromConfig } from './conversation/llm/create-interpreter.ts';
import { mountWebChat } from '../adapters/web/index.ts';
import { mountChatAdapters } from '../adapters/mount-chat.ts';
import { jobDefinitions, startJobs } from './jobs/start-jobs.ts';
import { firstAvailableSender } from './features/notifications/notification-sender.ts';

async function main(): Promise<void> {
  let config: Config = loadConfig();
  if (config.demoMode && !config.ADMIN_API_TOKEN) {
    // The embedded demo opens the admin API with a token made for this run.
    config = { ...config, ADMIN_API_TOKEN: `demo-${randomBytes(16).toString('hex')}` };
  }
  const log = createLogger(config.LOG_LEVEL);
  const started = Date.now();
  const { db, migrationsApplied, seeded } = await prepareDatabase(config, systemClock);
  if (migrationsApplied.length) log.info({ migrations: migrationsApplied }, 'migrations applied');
  if (seeded) log.info({ seeded }, 'demo organisation seeded');

  const deps: Deps = { config, db, clock: systemClock, log };
  const app = createApp(deps);
  const conversation = createConversationHandler(deps, { interpreter: createInterpreterFromConfig(deps) });
  const webChat = mountWebChat(app, deps, conversation);
  // Slack and Teams register how they reach a person; the outbox tries them in order.
  const chat = mountChatAdapters(app, deps, conversation);
  const sender = firstAvailableSender(chat.senders);
  const jobs = config.JOBS_ENABLED ? startJobs(deps, jobDefinitions(sender)) : undefined;

  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    const where = `http://localhost:${info.port}`;
    console.log(
      `Rollcall ${db.kind === 'pglite' ? `(embedded database in ${config.DATA_DIR})` : '(PostgreSQL)'} listening on ${where} — ready in ${Date.now() - started} ms`,
    );
    console.log(`  health: ${where}/health`);
    if (webChat)
      console.log(`  web chat: ${where}/${config.WEB_CHAT_TOKEN ? ' (needs WEB_CHAT_TOKEN)' : ''}`);
    if (config.demoMode) console.log(`  demo admin API token: ${config.ADMIN_API_TOKEN}`);
  });

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    jobs?.stop();
    chat.stop();
    server.close();
    await db.close().catch(() => {});
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  // One clear line, no stack trace, for the errors a person starting the service can fix.
  if (error instanceof ConfigError || isAppError(error)) {
    console.error(`rollcall: ${error.message}`);
  } else if ((error as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
    console.error(`rollcall: port already in use (${(error as Error).message}); set PORT to another port.`);
  } else {
    console.error('rollcall: failed to start:', error);
  }
  process.exit(1);
});
