/**
 * Slack's 3-second rule: how fast does POST /slack/events answer (read body, signature
 * check, parse, workspace check) under concurrent load? Every request is a freshly signed
 * DM event with its own event_id, so each one also does all the work after the ack in the
 * same process, as in production: the ProcessedEvent insert, Bolt dispatch, identity
 * look-up, the core, and chat.postMessage to a fake Slack. GET /health (one SELECT 1) on
 * the same server is the baseline.
 */
import autocannon from 'autocannon';
import type { Hono } from 'hono';
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
const STEADY_RATE = 50;

/** Lets the listeners' post-ack work finish before the next run (or before the database goes). */
const drain = () => new Promise((r) => setTimeout(r, 2000));

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
    const handler: ConversationHandler = async (m) => ({
      text: `You said: ${m.text}`,
      blocks: [{ type: 'section', text: `You said: ${m.text}` }],
    });
    const app: Hono = createApp(deps);
    mountSlack(app, deps, handler);
    const server = await listen(app);

    let seq = 0;
    const slackRequest = () => {
      const n = ++seq;
      const body = eventBody(
        `Ev_BENCH_${n}_${Date.now()}`,
        dmEvent('U_BENCH', 'what am I booked on?', `${n}.0001`),
      ).body;
      const ts = Math.floor(Date.now() / 1000);
      return {
        body,
        headers: {
          'content-type': 'application/json',
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': sign(body, ts),
        },
      };
    };
    // Warm-up: links the bench user (users.info) and caches Bolt's auth.test.
    const warm = slackRequest();
    await fetch(`${server.url}/slack/events`, { method: 'POST', headers: warm.headers, body: warm.body });

    const signed: autocannon.Request[] = [
      { setupRequest: (req) => ({ ...req, method: 'POST', ...slackRequest() }) },
    ];
    const load = (rate?: number) => ({
      connections: CONNECTIONS,
      duration: DURATION_S,
      ...(rate ? { overallRate: rate } : {}),
    });
    // A steady rate well above a large workspace's DM traffic, then as fast as it will go.
    const healthSteady = await autocannon({ url: `${server.url}/health`, ...load(STEADY_RATE) });
    const eventsSteady = await autocannon({
      url: `${server.url}/slack/events`,
      method: 'POST',
      requests: signed,
      ...load(STEADY_RATE),
    });
    await drain();
    const healthMax = await autocannon({ url: `${server.url}/health`, ...load() });
    const eventsMax = await autocannon({
      url: `${server.url}/slack/events`,
      method: 'POST',
      requests: signed,
      ...load(),
    });
    const failed = (r: autocannon.Result) => r.non2xx + r.errors + r.timeouts;
    console.log(
      `  ${CONNECTIONS} connections, ${DURATION_S}s per run; signed events not acked with 2xx: ${failed(eventsSteady) + failed(eventsMax)}`,
    );
    printComparison(
      `Ack latency p50 at a steady ${STEADY_RATE} req/s`,
      { label: 'POST /slack/events p50', value: eventsSteady.latency.p50, unit: 'ms' },
      { label: 'GET /health p50', value: healthSteady.latency.p50, unit: 'ms' },
      false,
    );
    printComparison(
      `Ack latency p99 at a steady ${STEADY_RATE} req/s (Slack's limit: 3000 ms)`,
      { label: 'POST /slack/events p99', value: eventsSteady.latency.p99, unit: 'ms' },
      { label: 'GET /health p99', value: healthSteady.latency.p99, unit: 'ms' },
      false,
    );
    printComparison(
      'Ack latency p50 / p99 at saturation (every event also runs its turn in-process)',
      {
        label: `POST /slack/events p50 ${eventsMax.latency.p50} ms, p99`,
        value: eventsMax.latency.p99,
        unit: 'ms',
      },
      { label: `GET /health p50 ${healthMax.latency.p50} ms, p99`, value: healthMax.latency.p99, unit: 'ms' },
      false,
    );
    printComparison(
      'Throughput at saturation',
      {
        label: 'POST /slack/events (acked and fully handled)',
        value: eventsMax.requests.average,
        unit: 'req/s',
      },
      { label: 'GET /health', value: healthMax.requests.average, unit: 'req/s' },
      true,
    );
    await drain();
    await server.close();
  } finally {
    await slack.close();
    await bench.drop();
  }
}
