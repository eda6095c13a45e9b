/**
 * Slack's 3-second rule and the Bot Framework's quick 2xx: how fast do POST /slack/events
 * (read body, signature check, parse, workspace check) and POST /api/messages (parse,
 * Emulator gate) answer under concurrent load? Every request is a fresh DM event / personal
 * message with its own id, so each one also does all the work after the ack in the service's
 * process, through the bounded turn queue, as in production: the ProcessedEvent insert,
 * dispatch, identity look-up, the core (an echo), and the reply to a fake Slack / fake
 * connector. The service runs in a process of its own (bench/lib/service-process.ts); the load
 * generator and the fakes run here, so they do not compete with the acks for its event loop.
 * GET /health (one SELECT 1) on the same service is the baseline, measured in the same run.
 * The service's resident memory is sampled during the saturation runs.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { startFakeConnector } from '../test/integration/adapters/teams/fake-connector.ts';
import { personalActivity } from '../test/integration/adapters/teams/activities.ts';
import { startFakeSlack } from '../test/helpers/fake-slack.ts';
import { SIGNING_SECRET, TEAM_ID, dmEvent, eventBody, sign } from '../test/helpers/slack-requests.ts';
import { startServiceProcess } from './lib/service-process.ts';
import { freshBenchDb } from './lib/bench-db.ts';
import { printComparison } from './lib/report.ts';

const CONNECTIONS = 20;
const DURATION_S = 5;
const STEADY_RATE = 200;

/** Resident memory of a process (MB). */
const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

export default async function run(): Promise<void> {
  const bench = await freshBenchDb('rollcall_bench_slack_ack');
  const slack = await startFakeSlack();
  const connector = await startFakeConnector();
  try {
    await bench.db.prisma.person.create({ data: { email: 'bench.user@acme.example', name: 'Bench User' } });
    slack.emails.set('U_BENCH', 'bench.user@acme.example');
    const teamsUser = { id: '29:bench', aadObjectId: 'aad-bench', name: 'Bench User' };
    connector.members.set(teamsUser.id, {
      email: 'bench.user@acme.example',
      aadObjectId: 'aad-bench',
      name: 'B',
    });
    const service = await startServiceProcess({
      databaseUrl: bench.url,
      slackApiUrl: slack.apiUrl,
      signingSecret: SIGNING_SECRET,
      teamId: TEAM_ID,
    });
    /** Lets the service's post-ack work finish before the next run (or before the database goes). */
    const drain = () => service.idle();

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
    const teamsRequest = () => ({
      body: JSON.stringify(
        personalActivity(connector.serviceUrl, teamsUser, {
          id: `bench-${++seq}`,
          text: 'what am I booked on?',
        }),
      ),
      headers: { 'content-type': 'application/json' },
    });
    // Warm-up: links the bench user (users.info / roster) and caches Bolt's auth.test.
    const warm = slackRequest();
    await fetch(`${service.url}/slack/events`, { method: 'POST', headers: warm.headers, body: warm.body });
    const warmTeams = teamsRequest();
    await fetch(`${service.url}/api/messages`, { method: 'POST', ...warmTeams });
    await drain();
    const live = service;

    const signed: autocannon.Request[] = [
      { setupRequest: (req) => ({ ...req, method: 'POST', ...slackRequest() }) },
    ];
    const activities: autocannon.Request[] = [
      { setupRequest: (req) => ({ ...req, method: 'POST', ...teamsRequest() }) },
    ];
    let peakRssMb = 0;
    const sampler = setInterval(() => {
      peakRssMb = Math.max(peakRssMb, rssMb(service.pid));
    }, 100);
    const load = (rate?: number) => ({
      connections: CONNECTIONS,
      duration: DURATION_S,
      ...(rate ? { overallRate: rate } : {}),
    });
    // A steady rate well above a large workspace's DM traffic, then as fast as it will go.
    // The machine's other work moves every figure, so each platform's run is compared with a
    // /health run made just before it.
    const health = (rate?: number) => autocannon({ url: `${live.url}/health`, ...load(rate) });
    // A service in production is warm: two seconds of each platform's traffic at half the
    // steady rate first, unmeasured, so the steady runs do not time the JIT's first compiles.
    for (const [path, requests] of [
      ['/slack/events', signed],
      ['/api/messages', activities],
    ] as const) {
      await autocannon({
        url: `${live.url}${path}`,
        method: 'POST',
        requests,
        connections: CONNECTIONS,
        duration: 2,
        overallRate: STEADY_RATE / 2,
      });
      await drain();
    }
    const healthSteady = await health(STEADY_RATE);
    const eventsSteady = await autocannon({
      url: `${live.url}/slack/events`,
      method: 'POST',
      requests: signed,
      ...load(STEADY_RATE),
    });
    await drain();
    const healthSteadyForTeams = await health(STEADY_RATE);
    const teamsSteady = await autocannon({
      url: `${live.url}/api/messages`,
      method: 'POST',
      requests: activities,
      ...load(STEADY_RATE),
    });
    await drain();
    const rssBefore = rssMb(service.pid);
    const healthMax = await health();
    const eventsMax = await autocannon({
      url: `${live.url}/slack/events`,
      method: 'POST',
      requests: signed,
      ...load(),
    });
    await drain();
    const healthMaxForTeams = await health();
    const teamsMax = await autocannon({
      url: `${live.url}/api/messages`,
      method: 'POST',
      requests: activities,
      ...load(),
    });
    clearInterval(sampler);
    const failed = (r: autocannon.Result) => r.non2xx + r.errors + r.timeouts;
    const ok = (r: autocannon.Result) => `${r['2xx']} acked with 2xx, ${failed(r)} not (503 = queue full)`;
    console.log(`  ${CONNECTIONS} connections, ${DURATION_S}s per run; service RSS sampled from /proc`);
    console.log(`  Slack steady: ${ok(eventsSteady)}; saturation: ${ok(eventsMax)}`);
    console.log(`  Teams steady: ${ok(teamsSteady)}; saturation: ${ok(teamsMax)}`);
    printComparison(
      `Ack latency p50 at a steady ${STEADY_RATE} req/s`,
      { label: 'POST /slack/events p50', value: eventsSteady.latency.p50, unit: 'ms' },
      { label: 'GET /health p50', value: healthSteady.latency.p50, unit: 'ms' },
      false,
    );
    printComparison(
      `Slack ack latency p99 at a steady ${STEADY_RATE} req/s — target < 50 ms (Slack's limit: 3000 ms)`,
      { label: 'POST /slack/events p99', value: eventsSteady.latency.p99, unit: 'ms' },
      { label: 'GET /health p99', value: healthSteady.latency.p99, unit: 'ms' },
      false,
    );
    printComparison(
      'Slack ack latency p50 / p99 at saturation (each accepted event then runs its turn in the service)',
      {
        label: `POST /slack/events p50 ${eventsMax.latency.p50} ms, p99`,
        value: eventsMax.latency.p99,
        unit: 'ms',
      },
      { label: `GET /health p50 ${healthMax.latency.p50} ms, p99`, value: healthMax.latency.p99, unit: 'ms' },
      false,
    );
    printComparison(
      'Slack throughput at saturation — target >= 0.5x /health',
      {
        label: 'POST /slack/events (acked; turns queued)',
        value: eventsMax.requests.average,
        unit: 'req/s',
      },
      { label: 'GET /health', value: healthMax.requests.average, unit: 'req/s' },
      true,
    );
    printComparison(
      `Teams ack latency p99 at a steady ${STEADY_RATE} req/s — target < 50 ms`,
      {
        label: `POST /api/messages p50 ${teamsSteady.latency.p50} ms, p99`,
        value: teamsSteady.latency.p99,
        unit: 'ms',
      },
      {
        label: `GET /health p50 ${healthSteadyForTeams.latency.p50} ms, p99`,
        value: healthSteadyForTeams.latency.p99,
        unit: 'ms',
      },
      false,
    );
    printComparison(
      'Teams throughput at saturation — target >= 0.5x /health',
      { label: 'POST /api/messages (acked; turns queued)', value: teamsMax.requests.average, unit: 'req/s' },
      { label: 'GET /health', value: healthMaxForTeams.requests.average, unit: 'req/s' },
      true,
    );
    printComparison(
      'Peak RSS of the service during the saturation runs — target < 500 MB',
      { label: 'peak RSS', value: peakRssMb, unit: 'MB' },
      { label: 'RSS before the saturation runs', value: rssBefore, unit: 'MB' },
      false,
    );
    await service.stop();
  } finally {
    await connector.close();
    await slack.close();
    await bench.drop();
  }
}
