/**
 * Slack's 3-second rule and the Bot Framework's quick 2xx: how fast do POST /slack/events
 * (read body, signature check, parse, workspace check) and POST /api/messages (parse,
 * Emulator gate) answer under concurrent load? Every request is a fresh DM event / personal
 * message with its own id, so each one also does all the work after the ack in the service's
 * process, through the bounded turn queue, as in production: the ProcessedEvent insert,
 * dispatch, identity look-up, the core (an echo), and the reply to a fake Slack / fake
 * connector. The service runs in a process of its own (bench/lib/service-process.ts); the load
 * generator runs on a thread of its own (bench/lib/http-load.ts) and the fakes here, so none
 * of them competes with the acks for the service's event loop. GET /health (one SELECT 1) on
 * the same service is the baseline, measured just before each platform's run. The service's
 * resident memory is sampled during the saturation runs.
 */
import { readFileSync } from 'node:fs';
import { startFakeConnector } from '../test/integration/adapters/teams/fake-connector.ts';
import { personalActivity } from '../test/integration/adapters/teams/activities.ts';
import { startFakeSlack } from '../test/helpers/fake-slack.ts';
import { SIGNING_SECRET, TEAM_ID, dmEvent, eventBody, postSigned } from '../test/helpers/slack-requests.ts';
import { startServiceProcess } from './lib/service-process.ts';
import { freshBenchDb } from './lib/bench-db.ts';
import { type HttpLoad, httpLoad, type LoadRun, STEADY_ROUNDS, STEADY_WARM_UP_MS } from './lib/http-load.ts';
import { median, printComparison } from './lib/report.ts';

const CONNECTIONS = 20;
const DURATION_MS = 5_000;
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

    // Warm-up: links the bench user (users.info / roster) and caches Bolt's auth.test.
    await postSigned(
      service.url,
      eventBody('Ev_BENCH_WARM', dmEvent('U_BENCH', 'what am I booked on?', '1.0001')),
      {
        nowSeconds: Math.floor(Date.now() / 1000),
      },
    );
    const warmTeams = personalActivity(connector.serviceUrl, teamsUser, { id: 'bench-warm', text: 'hi' });
    await fetch(`${service.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(warmTeams),
    });
    await drain();

    // Every request a new event: `__N__` becomes a number no other request of the bench uses.
    let nextBase = 1_000_000;
    const fresh = () => {
      nextBase += 10_000_000;
      return Array.from({ length: CONNECTIONS }, (_, client) => nextBase + client * 100_000);
    };
    const slackEvents = (settings: Partial<HttpLoad>) =>
      httpLoad({
        urls: Array(CONNECTIONS).fill(`${service.url}/slack/events`),
        durationMs: DURATION_MS,
        method: 'POST',
        bodyTemplate: eventBody('Ev_BENCH___N__', dmEvent('U_BENCH', 'what am I booked on?', '__N__.0001'))
          .body,
        slackSigningSecret: SIGNING_SECRET,
        sequenceBase: fresh(),
        ...settings,
      });
    const teamsMessages = (settings: Partial<HttpLoad>) =>
      httpLoad({
        urls: Array(CONNECTIONS).fill(`${service.url}/api/messages`),
        durationMs: DURATION_MS,
        method: 'POST',
        bodyTemplate: JSON.stringify(
          personalActivity(connector.serviceUrl, teamsUser, {
            id: 'bench-__N__',
            text: 'what am I booked on?',
          }),
        ),
        sequenceBase: fresh(),
        ...settings,
      });
    const health = (settings: Partial<HttpLoad>) =>
      httpLoad({
        urls: Array(CONNECTIONS).fill(`${service.url}/health`),
        durationMs: DURATION_MS,
        ...settings,
      });
    // A steady rate well above a large workspace's DM traffic: each client sends one request
    // every `steady.intervalMs`, evenly spread (not a burst at the top of every second).
    const steady = { intervalMs: (CONNECTIONS * 1000) / STEADY_RATE, warmUpMs: STEADY_WARM_UP_MS };

    // A service in production is warm: two seconds of each platform's traffic at half the
    // steady rate first, unmeasured, so the steady runs do not time the JIT's first compiles.
    for (const platform of [slackEvents, teamsMessages]) {
      await platform({ durationMs: 2_000, intervalMs: steady.intervalMs * 2 });
      await drain();
    }
    const rounds: { health: LoadRun; slack: LoadRun; healthForTeams: LoadRun; teams: LoadRun }[] = [];
    for (let round = 0; round < STEADY_ROUNDS; round++) {
      const healthRun = await health(steady);
      const slackRun = await slackEvents(steady);
      await drain();
      const healthForTeams = await health(steady);
      const teamsRun = await teamsMessages(steady);
      await drain();
      rounds.push({ health: healthRun, slack: slackRun, healthForTeams, teams: teamsRun });
    }

    let peakRssMb = 0;
    const sampler = setInterval(() => {
      peakRssMb = Math.max(peakRssMb, rssMb(service.pid));
    }, 100);
    const rssBefore = rssMb(service.pid);
    // Then as fast as it will go: each client sends its next request when the last is answered.
    const healthMax = await health({});
    const slackMax = await slackEvents({});
    await drain();
    const healthMaxForTeams = await health({});
    const teamsMax = await teamsMessages({});
    await drain();
    clearInterval(sampler);

    const p99s = (pick: (r: (typeof rounds)[number]) => LoadRun) => rounds.map((r) => pick(r).p99);
    const list = (values: number[]) => values.map((v) => v.toFixed(1)).join(', ');
    const acked = (r: LoadRun) =>
      `${r.requests - r.errors} acked with 2xx, ${r.errors} not (503 = queue full)`;
    console.log(
      `  ${CONNECTIONS} clients, ${DURATION_MS / 1000}s per run, ${STEADY_ROUNDS} steady rounds; service RSS sampled from /proc`,
    );
    console.log(
      `  Slack steady p99 per round: ${list(p99s((r) => r.slack))} ms (health ${list(p99s((r) => r.health))} ms); saturation: ${acked(slackMax)}`,
    );
    console.log(
      `  Teams steady p99 per round: ${list(p99s((r) => r.teams))} ms (health ${list(p99s((r) => r.healthForTeams))} ms); saturation: ${acked(teamsMax)}`,
    );
    console.log(
      `  Steady errors: Slack ${rounds.map((r) => r.slack.errors).join(', ')}; Teams ${rounds.map((r) => r.teams.errors).join(', ')}`,
    );
    printComparison(
      `Ack latency p50 at a steady ${STEADY_RATE} req/s (median of ${STEADY_ROUNDS} runs)`,
      { label: 'POST /slack/events p50', value: median(rounds.map((r) => r.slack.p50)), unit: 'ms' },
      { label: 'GET /health p50', value: median(rounds.map((r) => r.health.p50)), unit: 'ms' },
      false,
    );
    printComparison(
      `Slack ack latency p99 at a steady ${STEADY_RATE} req/s (median of ${STEADY_ROUNDS} runs) — target < 50 ms (Slack's limit: 3000 ms)`,
      { label: 'POST /slack/events p99', value: median(p99s((r) => r.slack)), unit: 'ms' },
      { label: 'GET /health p99', value: median(p99s((r) => r.health)), unit: 'ms' },
      false,
    );
    printComparison(
      'Slack ack latency p50 / p99 at saturation (each accepted event then runs its turn in the service)',
      { label: `POST /slack/events p50 ${slackMax.p50.toFixed(1)} ms, p99`, value: slackMax.p99, unit: 'ms' },
      { label: `GET /health p50 ${healthMax.p50.toFixed(1)} ms, p99`, value: healthMax.p99, unit: 'ms' },
      false,
    );
    printComparison(
      'Slack throughput at saturation, answered (2xx accepted or 503 busy, which Slack redelivers) — target >= 0.5x /health',
      { label: 'POST /slack/events answered', value: slackMax.perSecond, unit: 'req/s' },
      { label: 'GET /health', value: healthMax.perSecond, unit: 'req/s' },
      true,
    );
    printComparison(
      `Teams ack latency p99 at a steady ${STEADY_RATE} req/s (median of ${STEADY_ROUNDS} runs) — target < 50 ms`,
      { label: 'POST /api/messages p99', value: median(p99s((r) => r.teams)), unit: 'ms' },
      { label: 'GET /health p99', value: median(p99s((r) => r.healthForTeams)), unit: 'ms' },
      false,
    );
    printComparison(
      'Teams throughput at saturation, answered (2xx accepted or 503 busy) — target >= 0.5x /health',
      { label: 'POST /api/messages answered', value: teamsMax.perSecond, unit: 'req/s' },
      { label: 'GET /health', value: healthMaxForTeams.perSecond, unit: 'req/s' },
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
