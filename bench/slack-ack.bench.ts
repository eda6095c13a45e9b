/**
 * Slack's 3-second rule: how fast does POST /slack/events answer (signature check, parse,
 * retry de-dup insert, Bolt dispatch up to ack) under concurrent load? Every request is a
 * freshly signed DM event with its own event_id, so each one takes the full path including
 * the ProcessedEvent insert; the listener's work (core + chat.postMessage to a fake Slack)
 * runs after the ack, in the same process, as in production. GET /health (one SELECT 1) on
 * the same server is the baseline.
 */
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { loadConfig } from '../src/config.ts';
import { createApp } from '../src/http/app.ts';
import { systemClock } from '../src/shared/clock.ts';
import { createLogger } from '../src/shared/logger.ts';
import type { ConversationHandler } from '../src/conversation/types.ts';
import { mountSlack } from '../adapters/slack/mount-slack.ts';
import { listen } from '../test/helpers/listen.ts';
import { startFakeSlack } from '../test/helpers/fake-slack.ts';
import { SIGNING_SECRET, TEAM_ID, dmEvent, eventBody, sign } from '../test/helpers/slack-requests.ts';
import { freshBenchDb } from './lib/bench-db.ts';
import { printComparison } from './lib/report.ts';

const CONNECTIONS = 20;
const DURATION_S = 5;

export default async function run(): Promise<void> {
  const bench = await freshBenchDb('rollcall_bench_slack_ack');
  const slack = await startFakeSlack();
  try {
    await bench.db.prisma.person.create({ data: { email: 'bench.user@acme.example', name: 'Bench User' } });
    slack.emails.set('U_BENCH', 'bench.user@acme.example');
    const config = {
      ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: bench.url }),
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: slack.apiUrl,
      SLACK_TEAM_ID: TEAM_ID,
    };
    const deps = { config, db: bench.db, clock: systemClock, log: createLogger('silent') };
    const handler: ConversationHandler = async (m) => ({ text: `You said: ${m.text}`, blocks: [{ type: 'section', text: `You said: ${m.text}` }] });
    const app: Hono = createApp(deps);
    mountSlack(app, deps, handler);
    const server = await listen(app);

    let seq = 0;
    const slackRequest = () => {
      const n = ++seq;
      const body = eventBody(`Ev_BENCH_${n}_${Date.now()}`, dmEvent('U_BENCH', 'what am I booked on?', `${n}.0001`)).body;
      const ts = Math.floor(Date.now() / 1000);
      return { body, headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(body, ts) } };
    };
    // Warm-up: links the bench user (users.info) and caches Bolt's auth.test.
    const warm = slackRequest();
    await fetch(`${server.url}/slack/events`, { method: 'POST', headers: warm.headers, body: warm.body });

    const health = await autocannon({ url: `${server.url}/health`, connections: CONNECTIONS, duration: DURATION_S });
    const events = await autocannon({
      url: `${server.url}/slack/events`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      method: 'POST',
      requests: [
        {
          setupRequest: (req) => {
            const r = slackRequest();
            return { ...req, method: 'POST', body: r.body, headers: r.headers };
          },
        },
      ],
    });
    const refused = events.non2xx + events.errors + events.timeouts;
    console.log(`  ${events.requests.total} signed events acked (${refused} not 2xx/errors), ${health.requests.total} health checks; ${CONNECTIONS} connections, ${DURATION_S}s each`);
    printComparison(
      'Slack ack latency p50 (POST /slack/events vs GET /health)',
      { label: 'POST /slack/events p50', value: events.latency.p50, unit: 'ms' },
      { label: 'GET /health p50', value: health.latency.p50, unit: 'ms' },
      false,
    );
    printComparison(
      'Slack ack latency p99 (must stay far under 3000 ms)',
      { label: 'POST /slack/events p99', value: events.latency.p99, unit: 'ms' },
      { label: 'GET /health p99', value: health.latency.p99, unit: 'ms' },
      false,
    );
    printComparison(
      'Throughput',
      { label: 'POST /slack/events', value: events.requests.average, unit: 'req/s' },
      { label: 'GET /health', value: health.requests.average, unit: 'req/s' },
      true,
    );
    // Let the listeners' post-ack work drain before the database goes away.
    await new Promise((r) => setTimeout(r, 1500));
    await server.close();
  } finally {
    await slack.close();
    await bench.drop();
  }
}
