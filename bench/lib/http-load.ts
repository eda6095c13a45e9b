/**
 * An HTTP load generator on its own thread: in production the learners' browsers are other
 * machines, so the requests are made from a worker thread and the service's event loop is not
 * also running the clients. Each virtual client (one per URL) sends its next request as soon
 * as the previous one answered, or, with `intervalMs`, on a schedule of its own (a SCORM
 * runtime committing every so often; clients staggered across the interval), never two at
 * once. On a schedule a request's latency counts from when it was due, so time spent waiting
 * behind a slow answer is measured, not hidden. A request's body is built from a template by
 * replacing each `__N__` placeholder with the client's running number plus
 * `sequenceBase[worker]`; with `slackSigningSecret` it is signed as Slack signs its requests.
 */
import { Worker } from 'node:worker_threads';
import { percentile } from './report.ts';

export interface HttpLoad {
  urls: string[];
  durationMs: number;
  method?: 'GET' | 'POST';
  /** JSON text with `__N__` where the request's number goes. */
  bodyTemplate?: string;
  sequenceBase?: number[];
  /** Signs each body as Slack does (v0 HMAC-SHA256 over the timestamp and the body). */
  slackSigningSecret?: string;
  /** Each client sends one request per interval (the rate offered is clients / interval). */
  intervalMs?: number;
  /**
   * Load sent first and not timed (errors still count): the clients open their connections
   * and the service settles into the rate, so a steady run times the steady state, not the
   * ramp. `durationMs` is timed after it.
   */
  warmUpMs?: number;
}

/**
 * How the benches time a steady rate. A run's p99 is its slowest 1 %, so one pause of this
 * shared VM (its kernel memory monitor samples every 500 ms; the scheduler stalls now and
 * then) can decide it: each steady figure is the median of STEADY_ROUNDS runs, all printed,
 * and each run is timed after STEADY_WARM_UP_MS of the same load untimed (see `warmUpMs`).
 */
export const STEADY_ROUNDS = 3;
export const STEADY_WARM_UP_MS = 1_000;

export interface LoadRun {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

// node:http with a keep-alive agent rather than fetch: the generator shares the machine's two
// cores with the service and the database, and fetch cost it about three times the CPU per
// request (~1.1 ms of CPU per commit posted against ~0.3 ms, more than the service spent
// answering it), which the HTTP figures then carried and the in-process baselines did not.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { createHmac } = require('node:crypto');
const { urls, durationMs, method, bodyTemplate, sequenceBase, slackSigningSecret, intervalMs, warmUpMs = 0 } = workerData;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// One socket per client, kept open between its requests, as a browser keeps its connection.
const agent = new http.Agent({ keepAlive: true, maxSockets: urls.length });
const send = (url, body) => new Promise((resolve, reject) => {
  const headers = body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {};
  // This is plain JavaScript on its own thread, so it signs as test/helpers/slack-requests.ts's
  // sign() does instead of importing that TypeScript.
  if (body && slackSigningSecret) {
    const ts = Math.floor(Date.now() / 1000);
    headers['x-slack-request-timestamp'] = String(ts);
    headers['x-slack-signature'] = 'v0=' + createHmac('sha256', slackSigningSecret).update('v0:' + ts + ':' + body).digest('hex');
  }
  const request = http.request(url, { method, headers, agent }, (response) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk) => { text += chunk; });
    response.on('end', () => resolve({ status: response.statusCode, text }));
    response.on('error', reject);
  });
  request.on('error', reject);
  request.end(body);
});
(async () => {
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  const timedFrom = started + warmUpMs;
  const until = timedFrom + durationMs;
  await Promise.all(urls.map(async (url, worker) => {
    const target = new URL(url);
    for (let n = 1; performance.now() < until; n++) {
      let t0 = performance.now();
      if (intervalMs) {
        const due = started + (worker * intervalMs) / urls.length + (n - 1) * intervalMs;
        if (due >= until) break;
        if (due > t0) await sleep(due - t0);
        // A timer may fire up to a millisecond early: time from the send then, never before it.
        t0 = Math.min(due, performance.now());
      }
      const body = bodyTemplate ? bodyTemplate.replaceAll('__N__', String((sequenceBase?.[worker] ?? 0) + n)) : undefined;
      const { status, text } = await send(target, body);
      if (t0 >= timedFrom) latencies.push(performance.now() - t0);
      if (status < 200 || status > 299 || (text.startsWith('{"result"') && !text.includes('"result":true'))) errors++;
    }
  }));
  agent.destroy();
  parentPort.postMessage({ latencies, errors, elapsed: (performance.now() - timedFrom) / 1000 });
})();
`;

export function httpLoad(load: HttpLoad): Promise<LoadRun> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { method: 'GET', ...load } });
    worker.once('error', reject);
    worker.once('message', (m: { latencies: number[]; errors: number; elapsed: number }) => {
      void worker.terminate();
      const sorted = m.latencies.sort((a, b) => a - b);
      resolve({
        requests: sorted.length,
        perSecond: sorted.length / m.elapsed,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        errors: m.errors,
      });
    });
  });
}
