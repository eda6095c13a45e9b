/**
 * An HR system adds people over POST /api/v1/people: admins only, once per e-mail (409),
 * once per Idempotency-Key (a retry replays the first answer), audited, and a new joiner
 * gets the courses the assignment rules give their department at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssignmentRule } from '../../../src/features/assignments/index.ts';
import { loadActor } from '../../../src/features/people/actor.ts';
import { API_SERVICE_EMAIL, createPerson } from '../../../src/features/people/index.ts';
import { expectAppError } from '../../helpers/expect-app-error.ts';
import { call, startApiFixture, type ApiFixture } from './api-fixture.ts';

describe('POST /api/v1/people', () => {
  let f: ApiFixture;

  beforeAll(async () => {
    f = await startApiFixture();
    // New joiners in Sales get Excel within 14 days.
    await createAssignmentRule(f.deps, f.admin, {
      rule: {
        name: 'Sales joiners learn Excel',
        courseId: f.org.courses.excel.id,
        departmentId: f.org.departments.sales.id,
        hiredWithinDays: 90,
        dueInDays: 14,
      },
    });
  }, 120_000);
  afterAll(async () => f?.close());

  const joiner = {
    email: 'ines.ortega@t.example',
    name: 'Ines Ortega',
    department: 'Sales',
    hireDate: '2026-11-23',
    managerEmail: 'maya@t.example',
    externalHrId: 'HR-7001',
  };

  it('creates the person with their manager and department, audits it, and runs the rules for them', async () => {
    const created = await call(f.app, 'POST', '/api/v1/people', joiner, { 'idempotency-key': 'hr-7001' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const person = created.body.person;
    expect(person).toMatchObject({
      email: 'ines.ortega@t.example',
      departmentId: f.org.departments.sales.id,
      managerId: f.org.people.maya.id,
      roles: ['employee'],
      status: 'active',
      externalHrId: 'HR-7001',
    });
    expect(created.body.assigned).toEqual([
      expect.objectContaining({ courseId: f.org.courses.excel.id, dueAt: '2026-12-12T09:00:00.000Z' }),
    ]);
    // In the reporting line: Maya (and Marcus above her) now see her.
    const row = await f.t.db.prisma.person.findUniqueOrThrow({ where: { id: person.id } });
    const maya = await f.t.db.prisma.person.findUniqueOrThrow({ where: { id: f.org.people.maya.id } });
    expect(row.managerPath.startsWith(maya.managerPath)).toBe(true);
    // Her compliance rows exist from the start (Data protection applies to everyone).
    expect(await f.t.db.prisma.complianceStatus.count({ where: { personId: person.id } })).toBeGreaterThan(0);
    const audit = await f.t.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'person.created', entityId: person.id },
    });
    const service = await f.t.db.prisma.person.findUniqueOrThrow({ where: { email: API_SERVICE_EMAIL } });
    expect(audit.actorId, 'the audit names the admin API actor').toBe(service.id);
  });

  it('replays a retry with the same Idempotency-Key, and refuses the same e-mail under another key with 409', async () => {
    const retry = await call(f.app, 'POST', '/api/v1/people', joiner, { 'idempotency-key': 'hr-7001' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const again = await call(f.app, 'POST', '/api/v1/people', joiner, { 'idempotency-key': 'hr-7001-b' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'CONFLICT', field: 'email' });
    const sameHrId = await call(f.app, 'POST', '/api/v1/people', {
      email: 'someone.else@t.example',
      name: 'Someone Else',
      externalHrId: 'HR-7001',
    });
    expect(sameHrId.status).toBe(409);
    expect(sameHrId.body.error.field).toBe('externalHrId');
    expect(
      await f.t.db.prisma.person.count({
        where: { email: { in: [joiner.email, 'someone.else@t.example'] } },
      }),
    ).toBe(1);
  });

  it('two requests adding the same e-mail at once: exactly one person, the other gets 409', async () => {
    const add = (name: string) =>
      call(f.app, 'POST', '/api/v1/people', { email: 'twice.at.once@t.example', name, department: 'Sales' });
    const answers = await Promise.all([add('First'), add('Second')]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)!.body.error.code).toBe('CONFLICT');
    expect(await f.t.db.prisma.person.count({ where: { email: 'twice.at.once@t.example' } })).toBe(1);
  });

  it('answers bad input with a 4xx naming the field, and creates nothing', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ email: 'not-an-email', name: 'X' }, 400, 'email'],
      [{ email: 'x1@t.example', name: 'X', timeZone: 'Mars/Olympus' }, 400, 'timeZone'],
      [{ email: 'x2@t.example', name: 'X', managerEmail: 'nobody@t.example' }, 404, 'managerEmail'],
      [
        { email: 'x3@t.example', name: 'X', departmentId: '00000000-0000-4000-8000-000000000000' },
        404,
        'departmentId',
      ],
      [
        { email: 'x4@t.example', name: 'X', managerId: f.org.people.maya.id, managerEmail: 'maya@t.example' },
        400,
        'managerEmail',
      ],
    ];
    for (const [body, status, field] of cases) {
      const answer = await call(f.app, 'POST', '/api/v1/people', body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(status);
      expect(answer.body.error.field, JSON.stringify(answer.body)).toBe(field);
    }
    const emails = cases.map(([body]) => String(body.email));
    expect(await f.t.db.prisma.person.count({ where: { email: { in: emails } } })).toBe(0);
  });

  it('is for admins only', async () => {
    const manager = await loadActor(f.t.db.prisma, f.org.people.maya.id);
    await expectAppError(
      createPerson(f.deps, manager, { email: 'sneaky@t.example', name: 'Sneaky' }),
      'FORBIDDEN',
      /Only an admin can add people/,
    );
    expect(await f.t.db.prisma.person.count({ where: { email: 'sneaky@t.example' } })).toBe(0);
  });
});
