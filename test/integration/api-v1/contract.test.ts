/**
 * The contract: load /api/openapi.json from the app, check it is a valid OpenAPI 3.1
 * document, then call every operation it describes at least once with a valid request and
 * once with an invalid one, and validate each answer (status and body) against the schema the
 * document declares for it (JSON Schema 2020-12 with ajv).
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage } from '../../helpers/scorm-zips.ts';
import { AUTH, call, startApiFixture, type ApiFixture } from './api-fixture.ts';

type Operation = {
  operationId: string;
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};
type Answer = { status: number; body: any; headers: Headers };
type Sent = { method: string; path: string; operation: Operation; answer: Answer };

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const BASE = 'https://rollcall.test/components';

describe('/api/v1 contract', () => {
  let f: ApiFixture;
  let doc: Doc;
  let ajv: Ajv2020;
  const validators = new Map<string, ValidateFunction>();
  const calledValid = new Set<string>();
  const calledInvalid = new Set<string>();
  const s: Record<string, any> = {};

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
    );
  const byId = (id: string) => {
    const found = operations().find((o) => o.operation.operationId === id);
    if (!found) throw new Error(`no operation ${id}`);
    return found;
  };

  /** Checks an answer against the document: a declared status, and a body matching its schema. */
  function expectConforms(sent: Sent): void {
    const { operation, answer } = sent;
    const where = `${operation.operationId} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
    const declared = operation.responses[String(answer.status)];
    expect(declared, `undeclared status: ${where}`).toBeDefined();
    const content = declared!.content ?? {};
    const type = answer.headers.get('content-type') ?? '';
    const json = content['application/json'];
    if (!json) {
      expect(
        Object.keys(content).some((t) => type.startsWith(t)),
        `content type ${type}: ${where}`,
      ).toBe(true);
      return;
    }
    expect(type, where).toMatch(/^application\/json/);
    const key = `${operation.operationId} ${answer.status}`;
    let validate = validators.get(key);
    if (!validate) {
      validate = ajv.compile(rewriteRefs(json.schema) as object);
      validators.set(key, validate);
    }
    const ok = validate(answer.body);
    expect(ok, `${where}\n${JSON.stringify(validate.errors, null, 1)}`).toBe(true);
  }

  async function valid(
    id: string,
    build: () =>
      | Promise<{ path?: string; body?: unknown; query?: string; headers?: Record<string, string> }>
      | { path?: string; body?: unknown; query?: string; headers?: Record<string, string> },
  ): Promise<Answer> {
    const { path: template, method, operation } = byId(id);
    const r = await build();
    const path = (r.path ?? template) + (r.query ? `?${r.query}` : '');
    const answer = await call(f.app, method, path, r.body, r.headers);
    expect(
      answer.status,
      `${id} valid → ${answer.status} ${JSON.stringify(answer.body).slice(0, 400)}`,
    ).toBeGreaterThanOrEqual(200);
    expect(
      answer.status,
      `${id} valid → ${answer.status} ${JSON.stringify(answer.body).slice(0, 400)}`,
    ).toBeLessThan(300);
    expectConforms({ method, path, operation, answer });
    calledValid.add(id);
    return answer;
  }

  beforeAll(async () => {
    f = await startApiFixture();
    const response = await f.app.request('/api/openapi.json');
    expect(response.status).toBe(200);
    doc = (await response.json()) as Doc;
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: BASE, $defs: rewriteRefs(doc.components.schemas) });
  }, 180_000);
  afterAll(async () => f?.close());

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
    expect((doc as unknown as { openapi: string }).openapi).toMatch(/^3\.1\./);
    // The response checks are not vacuous: a body that breaks a declared schema is caught.
    const people = byId('listPeople').operation.responses['200']!.content!['application/json']!.schema;
    const check = ajv.compile(rewriteRefs(people) as object);
    expect(check({ items: [{ id: 'not-a-uuid' }], next: null })).toBe(false);
    expect(check({ items: [], next: null })).toBe(true);
  });

  it('answers every operation’s valid request with a 2xx that matches its schema', async () => {
    const p = f.org.people;
    const c = f.org.courses;
    // People
    await valid('listPeople', () => ({ query: 'limit=2' }));
    const page2 = await valid('listPeople', () => ({ query: `limit=2&next=${s.next ?? ''}` }));
    expect(page2.body.items.length).toBeGreaterThan(0);
    await valid('listInstructors', () => ({}));
    const hired = await valid('createPerson', () => ({
      body: {
        email: 'New.Joiner@t.example',
        name: 'New Joiner',
        department: 'Operations',
        jobRole: 'Forklift Operator',
        locationId: f.org.location.id,
        hireDate: '2026-11-23',
        managerEmail: 'tom@t.example',
        roles: ['instructor'],
        externalHrId: 'HR-0042',
      },
      headers: { 'idempotency-key': 'contract-person-1' },
    }));
    expect(hired.status).toBe(201);
    expect(hired.body.person).toMatchObject({
      email: 'new.joiner@t.example',
      departmentId: f.org.departments.ops.id,
      managerId: p.tom.id,
      timeZone: 'Europe/London',
      hireDate: '2026-11-23T00:00:00.000Z',
      roles: ['employee', 'instructor'],
    });
    // The same e-mail again, under another key, is a declared 409, not a second person.
    const again = await call(f.app, 'POST', '/api/v1/people', {
      email: 'new.joiner@t.example',
      name: 'Twice',
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'CONFLICT', field: 'email' });
    expectConforms({
      method: 'POST',
      path: '/api/v1/people',
      operation: byId('createPerson').operation,
      answer: again,
    });
    await valid('getPerson', () => ({ path: `/api/v1/people/${p.priya.id}` }));
    await valid('updatePerson', () => ({
      path: `/api/v1/people/${p.kofi.id}`,
      body: { jobRole: 'Forklift Operator' },
    }));
    await valid('listPersonRegistrations', () => ({ path: `/api/v1/people/${p.kofi.id}/registrations` }));
    await valid('getPersonProgress', () => ({ path: `/api/v1/people/${p.priya.id}/progress` }));
    await valid('getPersonRecommendations', () => ({ path: `/api/v1/people/${p.priya.id}/recommendations` }));
    await valid('getPersonCourseProgress', () => ({
      path: `/api/v1/people/${p.priya.id}/courses/${c.gdpr.id}/progress`,
    }));
    await valid('startJourney', () => ({
      path: `/api/v1/people/${p.kofi.id}/journeys`,
      body: { programmeId: f.journeyId },
    }));
    await valid('listPersonJourneys', () => ({ path: `/api/v1/people/${p.kofi.id}/journeys` }));
    await valid('getPersonJourney', () => ({ path: `/api/v1/people/${p.kofi.id}/journeys/${f.journeyId}` }));
    await valid('recordAvailability', () => ({
      path: `/api/v1/people/${f.instructors[1]!.personId}/availability`,
      body: {
        kind: 'leave',
        startsAt: '2027-02-01T00:00:00Z',
        endsAt: '2027-02-05T00:00:00Z',
        note: 'holiday',
      },
    }));
    await valid('sendReminders', () => ({ body: { personIds: [p.kofi.id] } }));
    // Courses, packages
    const courses = await valid('listCourses', () => ({ query: 'limit=500&kind=elearning' }));
    expect(courses.body.items.every((x: { kind: string }) => x.kind === 'elearning')).toBe(true);
    const saved = await valid('saveCourse', () => ({
      body: { code: 'NEW-101', title: 'New course', kind: 'elearning', tags: ['new'] },
    }));
    s.courseId = saved.body.course.id;
    const read = await valid('getCourse', () => ({ path: `/api/v1/courses/${s.courseId}` }));
    const updated = await valid('updateCourse', () => ({
      path: `/api/v1/courses/${s.courseId}`,
      headers: { 'if-match': read.headers.get('etag')! },
      body: { title: 'New course, revised', kind: 'elearning' },
    }));
    await valid('setCertificateSettings', () => ({
      path: `/api/v1/courses/${s.courseId}/certificate-settings`,
      headers: { 'if-match': updated.headers.get('etag')! },
      body: { grantsCertificate: true, validityMonths: 24 },
    }));
    await valid('setPrerequisites', () => ({
      path: `/api/v1/courses/${s.courseId}/prerequisites`,
      body: { prerequisiteCodes: ['GDPR-101'] },
    }));
    await valid('setCompletionSettings', () => ({
      path: `/api/v1/courses/${s.courseId}/completion-settings`,
      body: { rule: 'score', minPercent: 80 },
    }));
    await valid('assignCourse', () => ({
      path: `/api/v1/courses/${c.excel.id}/assignments`,
      body: { personIds: [p.sam.id], dueAt: '2026-12-31T00:00:00Z' },
    }));
    // The package upload is multipart and streamed: sent by hand, checked the same way.
    const zip = await buildPackage({
      version: '1.2',
      title: 'Contract package',
      scos: [{ identifier: 'sco-1', title: 'One', href: 'index.html' }],
    });
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(zip)], { type: 'application/zip' }), 'package.zip');
    form.set('courseCode', 'NEW-101');
    const upload = await f.app.request('/api/packages', { method: 'POST', headers: AUTH, body: form });
    const uploadAnswer = { status: upload.status, body: await upload.json(), headers: upload.headers };
    expect(uploadAnswer.status, JSON.stringify(uploadAnswer.body)).toBe(201);
    expectConforms({
      method: 'POST',
      path: '/api/packages',
      operation: byId('uploadPackage').operation,
      answer: uploadAnswer,
    });
    calledValid.add('uploadPackage');
    s.packageId = uploadAnswer.body.packageId;
    await valid('listPackages', () => ({ query: `courseId=${s.courseId}` }));
    await valid('getPackage', () => ({ path: `/api/v1/packages/${s.packageId}` }));
    await valid('scormAttemptsReport', () => ({
      path: `/api/v1/reports/scorm-attempts/${uploadAnswer.body.courseId}`,
    }));
    await valid('archivePackage', () => ({ path: `/api/v1/packages/${s.packageId}/archive` }));
    await valid('deletePackage', () => ({ path: `/api/v1/packages/${s.packageId}` }));
    // Sessions
    const scheduled = await valid('scheduleSession', () => ({
      body: {
        courseId: f.iltCourseId,
        timeZone: 'Europe/London',
        days: [{ date: '2026-12-10', start: '09:00', end: '17:00' }],
        capacity: 10,
        venueId: f.venueId,
        instructors: [{ personId: f.instructors[0]!.personId, role: 'lead', fee: '250.00', currency: 'GBP' }],
      },
    }));
    s.sessionId = scheduled.body.sessionId;
    const series = await valid('scheduleSeries', () => ({
      body: {
        courseId: f.iltCourseId,
        rule: {
          frequency: 'weekly',
          weekday: 2,
          startDate: '2027-01-05',
          startTime: '09:00',
          endTime: '12:00',
          count: 2,
        },
        timeZone: 'Europe/London',
        capacity: 5,
        meetingUrl: 'https://meet.example/series',
        instructors: [{ personId: f.instructors[1]!.personId }],
      },
    }));
    s.seriesSessions = series.body.sessions.map((x: { sessionId: string }) => x.sessionId);
    await valid('listSessions', () => ({
      query: `courseId=${f.iltCourseId}&from=2026-12-01T00:00:00Z&limit=2`,
    }));
    const session = await valid('getSession', () => ({ path: `/api/v1/sessions/${s.sessionId}` }));
    await valid('rescheduleSession', () => ({
      path: `/api/v1/sessions/${s.sessionId}/reschedule`,
      headers: { 'if-match': session.headers.get('etag')! },
      body: { days: [{ startsAt: '2026-12-11T09:00:00Z', endsAt: '2026-12-11T17:00:00Z' }] },
    }));
    await valid('changeCapacity', () => ({
      path: `/api/v1/sessions/${s.sessionId}/capacity`,
      body: { capacity: 12 },
    }));
    await valid('assignInstructor', () => ({
      path: `/api/v1/sessions/${s.sessionId}/instructors`,
      body: { personId: f.instructors[1]!.personId, role: 'co' },
    }));
    // Registrations
    const booked = await valid('bookSession', () => ({
      body: { sessionId: s.sessionId, personId: p.priya.id },
      headers: { 'idempotency-key': 'contract-book-1' },
    }));
    s.registrationId = booked.body.registrationId;
    await valid('getRegistration', () => ({ path: `/api/v1/registrations/${s.registrationId}` }));
    await valid('transferRegistration', () => ({
      path: `/api/v1/registrations/${s.registrationId}/transfer`,
      body: { toSessionId: s.seriesSessions[0], reason: 'clash' },
    }));
    await valid('cancelRegistration', () => ({
      path: `/api/v1/registrations/${s.registrationId}/cancel`,
      body: { reason: 'changed plans' },
    }));
    await valid('bookSession', () => ({ body: { sessionId: s.sessionId, personId: p.kofi.id } }));
    await valid('getSessionRoster', () => ({ path: `/api/v1/sessions/${s.sessionId}/roster` }));
    await valid('recordAttendance', () => ({
      path: `/api/v1/sessions/${f.pastSessionId}/attendance`,
      body: { entries: [{ registrationId: f.pastRegistrationId, status: 'attended' }] },
    }));
    await valid('listPendingApprovals', () => ({}));
    await valid('approveRegistration', () => ({
      path: `/api/v1/registrations/${f.pendingIds[0]}/approve`,
      body: {},
    }));
    await valid('declineRegistration', () => ({
      path: `/api/v1/registrations/${f.pendingIds[1]}/decline`,
      body: { reason: 'budget' },
    }));
    await valid('acceptOffer', () => ({ path: `/api/v1/registrations/${f.offeredIds[0]}/accept-offer` }));
    await valid('declineOffer', () => ({ path: `/api/v1/registrations/${f.offeredIds[1]}/decline-offer` }));
    await valid('bookProgramme', () => ({
      path: `/api/v1/programmes/${f.programmeId}/bookings`,
      body: { cohort: 'A', personId: p.sam.id },
    }));
    await valid('cancelSession', () => ({
      path: `/api/v1/sessions/${s.seriesSessions[1]}/cancel`,
      body: { reason: 'trainer ill' },
    }));
    // Programmes, assignments, completions, certificates, compliance
    await valid('listProgrammes', () => ({ query: 'kind=journey' }));
    await valid('createAssignmentRule', () => ({
      body: {
        name: 'Sales learn Excel',
        courseId: c.excel.id,
        departmentId: f.org.departments.sales.id,
        dueInDays: 30,
      },
    }));
    await valid('listAssignmentRules', () => ({ query: `courseId=${c.excel.id}` }));
    await valid('runAssignmentRules', () => ({}));
    const completion = await valid('recordCompletion', () => ({
      body: {
        personId: p.priya.id,
        courseId: c.gdpr.id,
        completedAt: '2026-11-01T10:00:00Z',
        reason: 'paper record',
        score: 90,
      },
    }));
    expect(completion.status).toBe(201);
    await valid('importCompletions', () => ({
      body: {
        dryRun: true,
        rows: [{ email: 'sam@t.example', courseCode: 'GDPR-101', completedAt: '2026-10-01' }],
      },
    }));
    const certificates = await valid('listPersonCertificates', () => ({
      path: `/api/v1/people/${p.priya.id}/certificates`,
    }));
    s.certificate = certificates.body.items[0].number;
    await valid('verifyCertificate', () => ({
      path: `/api/v1/certificates/${encodeURIComponent(s.certificate)}`,
    }));
    await valid('getCertificatePdf', () => ({
      path: `/api/v1/certificates/${encodeURIComponent(s.certificate)}/pdf`,
    }));
    await valid('complianceReport', () => ({
      query: `scope=department&departmentId=${f.org.departments.ops.id}&detail=rows`,
    }));
    await valid('complianceStatus', () => ({ query: `scope=person&personId=${p.priya.id}` }));
    // Costs, vendors, purchase orders
    const vendor = await valid('createVendor', () => ({
      body: { name: 'Hotel Central', email: 'events@hotel.example' },
    }));
    await valid('listVendors', () => ({ query: 'active=true' }));
    const po = await valid('raisePurchaseOrder', () => ({
      body: { number: 'PO-1001', vendorId: vendor.body.vendorId, currency: 'GBP' },
    }));
    await valid('addCostItem', () => ({
      body: {
        sessionId: s.sessionId,
        category: 'venue',
        amount: '400',
        currency: 'GBP',
        vendorId: vendor.body.vendorId,
        purchaseOrderId: po.body.purchaseOrderId,
      },
    }));
    await valid('listCostItems', () => ({ query: `sessionId=${s.sessionId}` }));
    await valid('listPurchaseOrders', () => ({ query: `vendorId=${vendor.body.vendorId}` }));
    const read2 = await valid('getPurchaseOrder', () => ({
      path: `/api/v1/purchase-orders/${po.body.purchaseOrderId}`,
    }));
    expect(read2.body).toMatchObject({ committed: '400.00', currency: 'GBP' });
    await valid('setPurchaseOrderStatus', () => ({
      path: `/api/v1/purchase-orders/${po.body.purchaseOrderId}/status`,
      body: { status: 'approved' },
    }));
    // Reports, audit
    const period = 'from=2026-11-01T00:00:00Z&to=2027-01-31T00:00:00Z';
    const costs = await valid('costReport', () => ({ query: period }));
    expect(costs.body.totals.GBP).toMatch(/^\d+\.\d{2}$/);
    await valid('attendanceReport', () => ({ query: period }));
    await valid('completionsReport', () => ({ query: period }));
    const audit = await valid('listAuditEvents', () => ({ query: 'limit=3' }));
    expect(audit.body.next).toEqual(expect.any(String));
    await valid('listAuditEvents', () => ({ query: `limit=3&next=${audit.body.next}` }));

    const missing = operations()
      .map((o) => o.operation.operationId)
      .filter((id) => !calledValid.has(id));
    expect(missing, 'operations never called with a valid request').toEqual([]);
  }, 300_000);

  it('answers every operation’s invalid request with a declared 4xx in the error shape', async () => {
    for (const { path, method, operation } of operations()) {
      const id = operation.operationId;
      let answer: Answer;
      const query = (operation.parameters ?? []).filter((x) => x.in === 'query');
      if (path.includes('{')) {
        // A malformed id (or an unknown certificate number).
        const bad = path
          .replace(/\{[^}]+\}/, 'not-a-uuid')
          .replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const body = operation.requestBody ? {} : undefined;
        answer = await call(f.app, method, bad, body);
      } else if (operation.requestBody) {
        // Not an object: every body schema refuses it (the upload refuses anything not multipart).
        answer = await call(f.app, method, path, []);
      } else if (query.some((x) => x.name === 'limit')) {
        answer = await call(f.app, method, `${path}?limit=0`);
      } else if (query.some((x) => x.required)) {
        answer = await call(f.app, method, path);
      } else {
        answer = await call(f.app, method, path, undefined, {
          authorization: 'Bearer wrong-token-0000000000',
        });
      }
      expect(answer.status, `${id}: ${answer.status} ${JSON.stringify(answer.body)}`).toBeGreaterThanOrEqual(
        400,
      );
      expect(answer.status, `${id}: ${answer.status}`).toBeLessThan(500);
      expect(answer.body.error, id).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      expectConforms({ method, path, operation, answer });
      calledInvalid.add(id);
    }
    expect(calledInvalid.size).toBe(operations().length);
  }, 120_000);

  it('answers without the token with 401 in the error shape, and with a named field on bad input', async () => {
    const anonymous = await f.app.request('/api/v1/people');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const bad = await call(f.app, 'POST', '/api/v1/sessions', {
      courseId: f.iltCourseId,
      days: [{ date: '2026-13-40', start: '09:00', end: '10:00' }],
      capacity: 3,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toMatch(/^days/);
    const cursor = await call(f.app, 'GET', '/api/v1/people?next=%%%');
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.field).toBe('next');
  });

  it('serves the reference page and its assets from the service itself', async () => {
    const page = await f.app.request('/api/docs');
    const html = await page.text();
    expect(page.status).toBe(200);
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.every((src) => src.startsWith('/api/docs/'))).toBe(true);
    for (const src of sources) expect((await f.app.request(src)).status, src).toBe(200);
  });
});

/** `#/components/schemas/X` → the components schema registered with ajv. */
function rewriteRefs<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', `"${BASE}#/$defs/`)) as T;
}
