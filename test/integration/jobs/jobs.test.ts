import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, onPostgres, testDeps, type TestDb } from '../../helpers/test-db.ts';
import { deliverNotifications } from '../../../src/jobs/deliver-notifications.ts';
import { enqueueSessionMessages } from '../../../src/jobs/session-messages.ts';
import { pruneProcessedEvents } from '../../../src/features/platform/index.ts';
import { withJobLock } from '../../../src/jobs/job-lock.ts';
import { enqueueNotification } from '../../../src/features/notifications/enqueue-notification.ts';
import type {
  NotificationSender,
  SendOutcome,
} from '../../../src/features/notifications/notification-sender.ts';
import type { Reply } from '../../../src/conversation/types.ts';

const NOW = new Date('2026-11-28T09:00:00Z');
let t: TestDb;
let personId: string;
let otherId: string;

/** A sender that records what it was asked to deliver and answers as scripted. */
function recordingSender(answer: (personId: string) => SendOutcome) {
  const sent: { personId: string; reply: Reply }[] = [];
  const sender: NotificationSender = {
    async send(id, reply) {
      const outcome = answer(id);
      if (outcome.kind === 'sent') sent.push({ personId: id, reply });
      return outcome;
    },
  };
  return { sender, sent };
}

beforeAll(async () => {
  t = await createTestDb();
  personId = (await t.db.prisma.person.create({ data: { email: 'learner@example.com', name: 'Learner' } }))
    .id;
  otherId = (await t.db.prisma.person.create({ data: { email: 'other@example.com', name: 'Other' } })).id;
});
afterAll(async () => {
  await t.drop();
});

describe('outbox delivery', () => {
  it('sends due messages once, leaves future ones, and retries failures with the error kept', async () => {
    const deps = testDeps(t.db, NOW);
    await enqueueNotification(t.db.prisma, {
      kind: 'course.completed',
      recipientId: personId,
      dueAt: NOW,
      payload: { text: 'You completed GDPR Basics: 92%' },
      dedupeKey: 'done:1',
    });
    await enqueueNotification(t.db.prisma, {
      kind: 'course.completed',
      recipientId: personId,
      dueAt: NOW,
      payload: { text: 'duplicate' },
      dedupeKey: 'done:1',
    });
    await enqueueNotification(t.db.prisma, {
      kind: 'session.reminder',
      recipientId: personId,
      dueAt: new Date(NOW.getTime() + 3_600_000),
      payload: {},
      dedupeKey: 'later:1',
    });
    await enqueueNotification(t.db.prisma, {
      kind: 'session.reminder',
      recipientId: otherId,
      dueAt: NOW,
      payload: {},
      dedupeKey: 'flaky:1',
    });

    const { sender, sent } = recordingSender((id) =>
      id === otherId ? { kind: 'failed', error: 'connector 503' } : { kind: 'sent' },
    );
    expect(await deliverNotifications(deps, sender)).toEqual({
      sent: 1,
      failed: 1,
      noChannel: 0,
      lostLease: 0,
    });
    expect(sent.map((s) => s.reply.text)).toEqual(['You completed GDPR Basics: 92%']);

    // A run within the backoff sends nothing; after it, the failure is retried once.
    expect(await deliverNotifications(deps, sender)).toEqual({
      sent: 0,
      failed: 0,
      noChannel: 0,
      lostLease: 0,
    });
    deps.clock.advance(31_000);
    expect(await deliverNotifications(deps, sender)).toEqual({
      sent: 0,
      failed: 1,
      noChannel: 0,
      lostLease: 0,
    });
    const flaky = await t.db.prisma.notification.findUniqueOrThrow({ where: { dedupeKey: 'flaky:1' } });
    expect(flaky).toMatchObject({ status: 'pending', attempts: 2, lastError: 'connector 503' });
  });

  it('gives up on a person with no chat channel instead of retrying forever', async () => {
    const deps = testDeps(t.db, NOW);
    await t.db.prisma.notification.deleteMany();
    await enqueueNotification(t.db.prisma, {
      kind: 'x',
      recipientId: otherId,
      dueAt: NOW,
      payload: {},
      dedupeKey: 'nochan',
    });
    const { sender } = recordingSender(() => ({ kind: 'no_channel' }));
    expect(await deliverNotifications(deps, sender)).toEqual({
      sent: 0,
      failed: 0,
      noChannel: 1,
      lostLease: 0,
    });
    expect(
      await t.db.prisma.notification.findUniqueOrThrow({ where: { dedupeKey: 'nochan' } }),
    ).toMatchObject({ status: 'failed' });
  });
});

describe('pre- and post-session messages', () => {
  it('enqueues one reminder per confirmed registration starting within 24 h and one follow-up per attendee', async () => {
    const deps = testDeps(t.db, NOW);
    const course = await t.db.prisma.course.create({
      data: { code: 'JOB-1', title: 'Fire Safety', kind: 'ilt' },
    });
    const soon = await t.db.prisma.session.create({
      data: {
        courseId: course.id,
        startsAt: new Date('2026-11-29T08:00Z'),
        endsAt: new Date('2026-11-29T10:00Z'),
        timeZone: 'Europe/London',
        capacity: 5,
      },
    });
    const nextWeek = await t.db.prisma.session.create({
      data: {
        courseId: course.id,
        startsAt: new Date('2026-12-05T08:00Z'),
        endsAt: new Date('2026-12-05T10:00Z'),
        timeZone: 'Europe/London',
        capacity: 5,
      },
    });
    const yesterday = await t.db.prisma.session.create({
      data: {
        courseId: course.id,
        startsAt: new Date('2026-11-27T14:00Z'),
        endsAt: new Date('2026-11-27T16:00Z'),
        timeZone: 'Europe/London',
        capacity: 5,
        status: 'completed',
      },
    });
    await t.db.prisma.registration.createMany({
      data: [
        { sessionId: soon.id, personId, status: 'confirmed' },
        { sessionId: soon.id, personId: otherId, status: 'waitlisted', waitlistTicket: 1 },
        { sessionId: nextWeek.id, personId: otherId, status: 'confirmed' },
        { sessionId: yesterday.id, personId, status: 'attended' },
        { sessionId: yesterday.id, personId: otherId, status: 'no_show' },
      ],
    });
    expect(await enqueueSessionMessages(deps)).toEqual({ reminders: 1, followUps: 1 });
    expect(await enqueueSessionMessages(deps)).toEqual({ reminders: 0, followUps: 0 });
    const reminder = await t.db.prisma.notification.findFirstOrThrow({
      where: { kind: 'session.reminder', recipientId: personId },
    });
    expect((reminder.payload as { text: string }).text).toMatch(
      /^Reminder: Fire Safety starts within 24 hours/,
    );
  });
});

describe('job plumbing', () => {
  it('prunes de-duplication keys older than the retry window only', async () => {
    const deps = testDeps(t.db, NOW);
    await t.db.prisma.processedEvent.createMany({
      data: [
        { platform: 'slack', eventId: 'old', processedAt: new Date(NOW.getTime() - 2 * 86_400_000) },
        { platform: 'slack', eventId: 'fresh', processedAt: new Date(NOW.getTime() - 600_000) },
      ],
    });
    expect(await pruneProcessedEvents(deps)).toBe(1);
    expect((await t.db.prisma.processedEvent.findMany()).map((e) => e.eventId)).toEqual(['fresh']);
  });

  it('runs a job body while holding its lock and releases it afterwards', async () => {
    expect(await withJobLock(t.db, 'demo', async () => 'ran')).toBe('ran');
    expect(await withJobLock(t.db, 'demo', async () => 'again')).toBe('again');
  });

  it.runIf(onPostgres())('lets only one replica run a job at a time', async () => {
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (release = resolve));
    const first = withJobLock(t.db, 'exclusive', async () => {
      await holding;
      return 'first';
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(await withJobLock(t.db, 'exclusive', async () => 'second')).toBeUndefined();
    release();
    expect(await first).toBe('first');
  });
});
