/**
 * The embedded database with jobs on, as `npm start` runs it: 50 queued notifications of
 * every kind reach a fake Slack once each, while /health keeps answering. Before delivery
 * sent outside transactions, one send inside a transaction held PGlite's only connection
 * and /health waited tens of seconds (PGlite's lock wait is 30 s). "No /health request took
 * 10 s" tells that apart from a busy machine, whose slowest request CI has seen at 1.5 s;
 * speed itself is measured in bench/, the p99 is only printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../helpers/spawn-service.ts';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.ts';
import { openDb } from '../../src/db/open-db.ts';
import { applyMigrations } from '../../src/db/migrate.ts';
import { enqueueNotification } from '../../src/features/notifications/enqueue-notification.ts';

const KINDS = [
  'registration.promoted',
  'registration.offered',
  'session.cancelled',
  'session.rescheduled',
  'session.reminder',
  'session.followup',
  'course.completed',
];
const COUNT = 50;
const dataDir = mkdtempSync(path.join(tmpdir(), 'rollcall-delivery-'));
let service: RunningService | undefined;
let slack: FakeSlack | undefined;

afterAll(async () => {
  await service?.stop();
  await slack?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function queueNotifications(): Promise<void> {
  const db = await openDb({ DATABASE_URL: undefined, DATA_DIR: dataDir });
  try {
    await applyMigrations(db);
    for (let i = 0; i < COUNT; i++) {
      const person = await db.prisma.person.create({
        data: { email: `learner${i}@acme.example`, name: `Learner ${i}` },
      });
      await db.prisma.chatIdentity.create({
        data: {
          platform: 'slack',
          tenant: 'T1',
          externalId: `U${i}`,
          personId: person.id,
          conversationRef: { channel: `D${i}` },
        },
      });
      const kind = KINDS[i % KINDS.length]!;
      await enqueueNotification(db.prisma, {
        kind,
        recipientId: person.id,
        dueAt: new Date(Date.now() - 1000),
        payload: { courseTitle: `Course ${i}` },
        dedupeKey: `${kind}:${i}`,
      });
    }
  } finally {
    await db.close();
  }
}

describe('outbox delivery on the embedded database with jobs on', () => {
  it('delivers 50 notifications once each while /health keeps answering', async () => {
    await queueNotifications();
    slack = await startFakeSlack();
    service = await startService({
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      JOBS_ENABLED: 'true',
      SLACK_SIGNING_SECRET: 'test-signing-secret',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: slack.apiUrl,
    });
    const posts = () => slack!.callsTo('chat.postMessage');
    const latencies: number[] = [];
    const deadline = Date.now() + 60_000;
    while (posts().length < COUNT && Date.now() < deadline) {
      const started = performance.now();
      const res = await fetch(`${service.url}/health`);
      latencies.push(performance.now() - started);
      expect(res.status).toBe(200);
      await new Promise((r) => setTimeout(r, 25));
    }
    // One more delivery run must not send anything again.
    await new Promise((r) => setTimeout(r, 16_000));

    const channels = posts().map((call) => call.args.channel as string);
    expect(channels).toHaveLength(COUNT);
    expect(new Set(channels).size).toBe(COUNT);
    latencies.sort((a, b) => a - b);
    const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
    console.log(`/health while delivering: ${latencies.length} requests, p99 ${p99.toFixed(1)} ms`);
    expect(latencies.at(-1)).toBeLessThan(10_000);
  }, 180_000);
});
