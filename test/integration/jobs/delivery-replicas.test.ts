/**
 * Two replicas deliver from one outbox on PostgreSQL. One claims a batch and dies before
 * sending (its send never returns); the other must not touch those rows while the lease
 * holds, then claims them once it has expired. Every notification reaches its person
 * exactly once, none is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, onPostgres, testDeps, type TestDb } from '../../helpers/test-db.ts';
import { openDb, type Db } from '../../../src/db/open-db.ts';
import { deliverNotifications, LEASE_MS } from '../../../src/jobs/deliver-notifications.ts';
import { enqueueNotification } from '../../../src/features/notifications/enqueue-notification.ts';
import type { NotificationSender } from '../../../src/features/notifications/notification-sender.ts';

const NOW = new Date('2026-11-28T09:00:00Z');
const COUNT = 60;

let testDb: TestDb;
let secondReplica: Db;

beforeAll(async () => {
  testDb = await createTestDb();
  if (testDb.url) secondReplica = await openDb({ DATABASE_URL: testDb.url, DATA_DIR: '' });
});
afterAll(async () => {
  await secondReplica?.close();
  await testDb?.drop();
});

describe.runIf(onPostgres())('outbox delivery across replicas', () => {
  it('a crash between claim and send loses nothing and sends nothing twice', async () => {
    const person = await testDb.db.prisma.person.create({ data: { email: 'r@acme.example', name: 'R' } });
    for (let i = 0; i < COUNT; i++) {
      await enqueueNotification(testDb.db.prisma, {
        kind: 'session.reminder',
        recipientId: person.id,
        dueAt: NOW,
        payload: { text: `message ${i}` },
        dedupeKey: `replica:${i}`,
      });
    }
    const delivered: string[] = [];
    const recording: NotificationSender = {
      async send(_personId, reply) {
        await new Promise((r) => setTimeout(r, 2));
        delivered.push(reply.text);
        return { kind: 'sent' };
      },
    };
    let claimedByDeadReplica = 0;
    const dead: NotificationSender = {
      send: () => {
        claimedByDeadReplica += 1;
        return new Promise(() => {}); // the process died here: no answer, ever
      },
    };

    const crashed = testDeps(testDb.db, NOW);
    const alive = testDeps(secondReplica, NOW);
    void deliverNotifications(crashed, dead, 20);
    while (claimedByDeadReplica === 0) await new Promise((r) => setTimeout(r, 5));

    // While the lease holds, the live replica (several runs at once) takes only the others.
    await Promise.all([
      deliverNotifications(alive, recording, 15),
      deliverNotifications(alive, recording, 15),
      deliverNotifications(alive, recording, 15),
    ]);
    await deliverNotifications(alive, recording, 50);
    expect(delivered).toHaveLength(COUNT - 20);

    // After the lease, the dead replica's rows are claimed again and sent once.
    alive.clock.advance(LEASE_MS + 1000);
    await deliverNotifications(alive, recording, 50);
    expect(delivered).toHaveLength(COUNT);
    expect(new Set(delivered).size).toBe(COUNT);
    expect(await testDb.db.prisma.notification.count({ where: { status: 'sent' } })).toBe(COUNT);
    expect(await deliverNotifications(alive, recording, 50)).toMatchObject({ sent: 0 });
  });
});
