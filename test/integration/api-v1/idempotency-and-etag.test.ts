/**
 * Integrators retry: the same Idempotency-Key twice (or twice at once) books one seat and
 * answers the same; the same key with another body is refused. Two admins editing from the
 * same copy: the stale If-Match gets 412 and nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startApiFixture, type ApiFixture } from './api-fixture.ts';

describe('/api/v1 idempotency and optimistic concurrency', () => {
  let f: ApiFixture;
  let sessionId: string;

  beforeAll(async () => {
    f = await startApiFixture();
    const scheduled = await call(f.app, 'POST', '/api/v1/sessions', {
      courseId: f.iltCourseId,
      timeZone: 'Europe/London',
      days: [{ date: '2026-12-21', start: '09:00', end: '12:00' }],
      capacity: 5,
      meetingUrl: 'https://meet.example/room',
      instructors: [{ personId: f.instructors[0]!.personId }],
    });
    expect(scheduled.status).toBe(201);
    sessionId = scheduled.body.sessionId;
  }, 120_000);
  afterAll(async () => f?.close());

  const registrationsOf = (personId: string) =>
    f.t.db.prisma.registration.count({ where: { sessionId, personId } });

  it('the same Idempotency-Key twice creates one registration and replays the first answer', async () => {
    const body = { sessionId, personId: f.org.people.priya.id };
    const first = await call(f.app, 'POST', '/api/v1/registrations', body, {
      'idempotency-key': 'book-priya-1',
    });
    const again = await call(f.app, 'POST', '/api/v1/registrations', body, {
      'idempotency-key': 'book-priya-1',
    });
    expect(first.status).toBe(201);
    expect(first.body.kind).toBe('confirmed');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await registrationsOf(f.org.people.priya.id)).toBe(1);
    // Without the key, a repeat is a new request: the person is already booked.
    const unkeyed = await call(f.app, 'POST', '/api/v1/registrations', body);
    expect(unkeyed.status).toBe(409);
    expect(unkeyed.body.error.code).toBe('ALREADY_BOOKED');
  });

  it('the same key with a different request is refused with 422 and books nothing', async () => {
    const reused = await call(
      f.app,
      'POST',
      '/api/v1/registrations',
      { sessionId, personId: f.org.people.sam.id },
      { 'idempotency-key': 'book-priya-1' },
    );
    expect(reused.status).toBe(422);
    expect(reused.body.error).toMatchObject({ code: 'VALIDATION', field: 'Idempotency-Key' });
    expect(await registrationsOf(f.org.people.sam.id)).toBe(0);
  });

  it('concurrent repeats with one key create one registration and all get the same answer', async () => {
    const body = { sessionId, personId: f.org.people.kofi.id };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        call(f.app, 'POST', '/api/v1/registrations', body, { 'idempotency-key': 'race-kofi' }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    const ids = new Set(answers.map((a) => a.body.registrationId));
    expect(ids.size).toBe(1);
    expect(await registrationsOf(f.org.people.kofi.id)).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(5);
  });

  it('a failed request releases its key, so a corrected retry with the same key runs', async () => {
    const missing = await call(
      f.app,
      'POST',
      '/api/v1/vendors',
      { name: '' },
      { 'idempotency-key': 'vendor-1' },
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('name');
    // Another body with the same key: the failed attempt left nothing behind to conflict with.
    const created = await call(
      f.app,
      'POST',
      '/api/v1/vendors',
      { name: 'Venue Co' },
      { 'idempotency-key': 'vendor-1' },
    );
    expect(created.status).toBe(201);
    expect(await f.t.db.prisma.vendor.count({ where: { name: 'Venue Co' } })).toBe(1);
  });

  it('a stale If-Match on a session gets 412 and changes nothing; the current one succeeds', async () => {
    const read = await call(f.app, 'GET', `/api/v1/sessions/${sessionId}`);
    const etag = read.headers.get('etag')!;
    expect(etag).toMatch(/^"\d+"$/);
    const first = await call(
      f.app,
      'PUT',
      `/api/v1/sessions/${sessionId}/capacity`,
      { capacity: 8 },
      { 'if-match': etag },
    );
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).not.toBe(etag);
    const stale = await call(
      f.app,
      'PUT',
      `/api/v1/sessions/${sessionId}/capacity`,
      { capacity: 3 },
      { 'if-match': etag },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('CONFLICT');
    const after = await f.t.db.prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(after.capacity).toBe(8);
    const cancel = await call(
      f.app,
      'POST',
      `/api/v1/sessions/${sessionId}/cancel`,
      { reason: 'x' },
      { 'if-match': etag },
    );
    expect(cancel.status).toBe(412);
    expect((await f.t.db.prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe(
      'scheduled',
    );
  });

  it('two admins editing a course from the same ETag: one wins, the other gets 412', async () => {
    const courseId = f.org.courses.excel.id;
    const read = await call(f.app, 'GET', `/api/v1/courses/${courseId}`);
    const etag = read.headers.get('etag')!;
    const [a, b] = await Promise.all([
      call(
        f.app,
        'PATCH',
        `/api/v1/courses/${courseId}/certificate-settings`,
        { validityMonths: 24 },
        { 'if-match': etag },
      ),
      call(
        f.app,
        'PATCH',
        `/api/v1/courses/${courseId}/certificate-settings`,
        { validityMonths: 6 },
        { 'if-match': etag },
      ),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const winner = a.status === 200 ? 24 : 6;
    const course = await f.t.db.prisma.course.findUniqueOrThrow({ where: { id: courseId } });
    expect(course.validityMonths).toBe(winner);
  });

  it('changes made with the admin token are audited as the Admin API service actor', async () => {
    const events = await call(f.app, 'GET', `/api/v1/audit-events?entityId=${sessionId}&limit=500`);
    expect(events.status).toBe(200);
    const names = new Set(events.body.items.map((e: { actorName: string | null }) => e.actorName));
    expect(names).toEqual(new Set(['Admin API']));
  });
});
