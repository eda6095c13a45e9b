/**
 * Journey k: the HR system adds a new joiner over the admin API (department by name,
 * manager by e-mail, hire date last week), retrying once with the same Idempotency-Key as
 * HR syncs do. The new joiner can use Rollcall at once: the assignment rules have given
 * them their new-joiner and department courses (and told them so), they find a First Aid session in the web
 * chat and book it, and their manager sees them in the team.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertInvariants, button, startJourney, tableRows } from '../harness.ts';

describe('journey k', () => {
  let j: Awaited<ReturnType<typeof startJourney>>;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it('journey k: HR creates a person over the API; that person books a session by web chat', async () => {
    const email = 'noor.haddad@acme.example';
    const hire = () =>
      j.admin('/api/v1/people', {
        method: 'POST',
        headers: { 'idempotency-key': 'hris-sync-E1042' },
        body: JSON.stringify({
          email,
          name: 'Noor Haddad',
          department: 'Engineering',
          jobRole: 'Software Engineer',
          hireDate: '2026-11-23',
          timeZone: 'Europe/London',
          managerEmail: 'ben.carter@acme.example',
          externalHrId: 'E1042',
        }),
      });
    const created = await hire();
    const body = (await created.json()) as {
      person: { id: string; email: string; managerId: string };
      assigned: { courseTitle: string }[];
    };
    expect(created.status, JSON.stringify(body)).toBe(201);
    // The sync retries (its answer was lost): the same person comes back, not a second one.
    const retried = await hire();
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(((await retried.json()) as typeof body).person.id).toBe(body.person.id);
    // The demo's rules: new joiners learn GDPR, Engineering learns information security.
    expect(body.assigned.map((a) => a.courseTitle).sort()).toEqual(
      expect.arrayContaining([expect.stringMatching(/GDPR/), expect.stringMatching(/security/i)]),
    );

    // Noor signs in to the web chat and sees those courses to do.
    const noor = j.web(email);
    const learning = await noor.say('my learning');
    const todo = tableRows(learning, 'To do').map((r) => r[0]);
    for (const a of body.assigned) expect(todo).toContain(a.courseTitle);

    // … and books First Aid.
    const list = await noor.say('what first aid sessions are there?');
    const booked = await noor.press(button(list, (b) => b.label === 'Book #2'));
    expect(booked.text).toMatch(/^You're booked on First Aid at Work/);
    const bookings = await noor.say('what am I booked on?');
    expect(bookings.text).toMatch(/^You have 1 upcoming booking/);
    expect(JSON.stringify(bookings.blocks)).toContain('First Aid at Work');
    const registration = await j.deps.db.prisma.registration.findFirstOrThrow({
      where: { person: { email }, status: 'confirmed' },
      include: { session: { include: { course: true } } },
    });
    expect(registration.session.course.code).toBe('FA-101');
    expect(registration.sourceChannel).toBe('web');

    // Her manager has her in the team.
    const ben = j.web('ben.carter@acme.example');
    const team = await ben.say('how is my team doing on compliance?');
    expect(JSON.stringify(team.blocks)).toContain('Noor Haddad');

    // The outbox tells her what the rules assigned, once per course, in her own inbox.
    await j.runJobs();
    const assignedNotes = (await j.inbox(email)).filter((n) => n.kind === 'enrollment.assigned');
    expect(assignedNotes).toHaveLength(body.assigned.length);
    await assertInvariants(j);
  });
});
