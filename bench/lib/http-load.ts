/**
 * An HTTP load generator on its own thread: in production the learners' browsers are other
 * machines, so the requests are made from a worker thread and the service's event loop is not
 * also running the clients. Each virtual client (one per URL) sends its next request as soon
 * as the previous one answered, or, with `intervalMs`, on a schedule of its own (a SCORM
 * runtime committing every so often; clients staggered across the interval), never two at
 * once. On a schedule a request's latency counts from when it was due, so time spent waiting
 * behind a slow answer is measured, not hidden. A request's body is built from a template by
 * replacing the `__N__` placeholder with the client's running number plus
 * `sequenceBase[worker]`.
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
  /** Each client sends one request per interval (the rate offered is clients / interval). */
  intervalMs?: number;
}

export interface LoadRun {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { urls, durationMs, method, bodyTemplate, sequenceBase, intervalMs } = workerData;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
(async () => {
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  const until = started + durationMs;
  await Promise.all(urls.map(async (url, worker) => {
    for (let n = 1; performance.now() < until; n++) {
      let t0 = performance.now();
      if (intervalMs) {
        const due = started + (worker * intervalMs) / urls.length + (n - 1) * intervalMs;
        if (due >= until) break;
        if (due > t0) await sleep(due - t0);
        t0 = due;
      }
      const body = bodyTemplate ? bodyTemplate.replace('__N__', String((sequenceBase?.[worker] ?? 0) + n)) : undefined;
      const response = await fetch(url, { method, headers: body ? { 'content-type': 'application/json' } : {}, body });
      const text = await response.text();
      latencies.push(performance.now() - t0);
      if (!response.ok || (text.startsWith('{"result"') && !text.includes('"result":true'))) errors++;
    }
  }));
  parentPort.postMessage({ latencies, errors, elapsed: (performance.now() - started) / 1000 });
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
