/**
 * The service side of the HTTP benches (see service-process.ts, which forks this file): plain
 * JavaScript over the compiled dist/, as `npm start` runs, so the figures (and the resident
 * memory) are the production process's, not a TypeScript loader's.
 */
import { serve } from '@hono/node-server';
import { loadConfig } from '../../dist/src/config.js';
import { openDb } from '../../dist/src/db/open-db.js';
import { createApp } from '../../dist/src/http/app.js';
import { systemClock } from '../../dist/src/shared/clock.js';
import { createLogger } from '../../dist/src/shared/logger.js';
import { mountChatAdapters } from '../../dist/adapters/mount-chat.js';

const settings = JSON.parse(process.argv[2] ?? '{}');
const db = await openDb({ DATABASE_URL: settings.databaseUrl, DATA_DIR: '' }, { maxConnections: 20 });
const config = {
  ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: settings.databaseUrl }),
  ...(settings.slackApiUrl
    ? {
        SLACK_SIGNING_SECRET: settings.signingSecret,
        SLACK_BOT_TOKEN: 'xoxb-bench',
        SLACK_API_URL: settings.slackApiUrl,
        SLACK_TEAM_ID: settings.teamId,
        TEAMS_EMULATOR: true,
      }
    : {}),
  // The SCORM bench prepares launches in its own process: both must read the same content and tokens.
  ...(settings.contentDir ? { CONTENT_DIR: settings.contentDir } : {}),
  ...(settings.launchTokenSecret ? { LAUNCH_TOKEN_SECRET: settings.launchTokenSecret } : {}),
};
const deps = { config, db, clock: systemClock, log: createLogger('silent') };
// The bench measures the adapters, not the parser: the core answers with what it was told.
const echo = async (m) => ({
  text: `You said: ${m.text}`,
  blocks: [{ type: 'section', text: `You said: ${m.text}` }],
});
const app = createApp(deps);
const chat = mountChatAdapters(app, deps, echo);
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
  process.send({ kind: 'listening', url: `http://127.0.0.1:${info.port}` }),
);
process.on('message', async (command) => {
  if (command.kind === 'idle') {
    await chat.idle();
    process.send({ kind: 'idle' });
    return;
  }
  await chat.stop();
  await new Promise((done) => server.close(() => done(undefined)));
  await db.close();
  process.exit(0);
});
