/** Vendors, purchase orders, cost items and the cost report: decimal, per currency, per programme and department. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { expectAppError } from '../../../helpers/expect-app-error.ts';
import { makeCourse, makeDepartment, makePeople, makePerson } from '../../../helpers/tms-fixtures.ts';
import { scheduleSession } from '../../../../src/features/sessions/index.ts';
import { bookProgramme, bookSession } from '../../../../src/features/registrations/index.ts';
import {
  addCostItem,
  costReport,
  createVendor,
  raisePurchaseOrder,
  setPurchaseOrderStatus,
} from '../../../../src/features/costs/index.ts';
import { loadActor, type Actor } from '../../../../src/features/people/actor.ts';

let t: TestDb;
let deps: ReturnType<typeof testDeps>;
let admin: Actor;
let dana: Actor;

beforeAll(async () => {
  t = await createTestDb();
  deps = testDeps(t.db, new Date('2026-11-28T09:00:00Z'));
  admin = await makePerson(t.db, { roles: ['employee', 'admin'] });
  dana = await makePerson(t.db, { roles: ['employee', 'instructor'] });
});
afterAll(async () => t?.drop());

describe('vendors and purchase orders', () => {
  it('links cost items to a purchase order of the same vendor and currency', async () => {
    const course = await makeCourse(t.db);
    const s = await scheduleSession(deps, admin, {
      courseId: course.id,
      timeZone: 'Europe/London',
      meetingUrl: 'https://meet.example/a',
      capacity: 5,
      days: [{ date: '2027-03-02', start: '09:00', end: '12:00' }],
      instructors: [{ personId: dana.personId }],
    });
    const { vendorId } = await createVendor(deps, admin, {
      name: 'Red Cross Training',
      email: 'invoices@redcross.example',
    });
    await expectAppError(
      createVendor(deps, admin, { name: 'Red Cross Training' }),
      'CONFLICT',
      /already exists/,
    );
    const other = await createVendor(deps, admin, { name: 'Catering Co' });
    await expectAppError(
      raisePurchaseOrder(deps, admin, { number: 'PO-1', vendorId, currency: 'ZZZ' }),
      'VALIDATION',
      /ISO 4217/,
    );
    const { purchaseOrderId } = await raisePurchaseOrder(deps, admin, {
      number: 'PO-1',
      vendorId,
      currency: 'GBP',
      description: 'Q1 first aid',
    });
    await expectAppError(
      raisePurchaseOrder(deps, admin, { number: 'PO-1', vendorId, currency: 'GBP' }),
      'CONFLICT',
    );

    await expectAppError(
      addCostItem(deps, admin, {
        sessionId: s.sessionId,
        category: 'facilitator',
        amount: '10',
        currency: 'EUR',
        purchaseOrderId,
      }),
      'VALIDATION',
      /in GBP, not EUR/,
    );
    await expectAppError(
      addCostItem(deps, admin, {
        sessionId: s.sessionId,
        category: 'facilitator',
        amount: '10',
        currency: 'GBP',
        purchaseOrderId,
        vendorId: other.vendorId,
      }),
      'VALIDATION',
      /another vendor/,
    );
    const line = await addCostItem(deps, admin, {
      sessionId: s.sessionId,
      category: 'facilitator',
      amount: '650',
      currency: 'GBP',
      purchaseOrderId,
    });
    const item = await t.db.prisma.costItem.findUniqueOrThrow({ where: { id: line.costItemId } });
    expect(item.vendorId).toBe(vendorId);
    expect(item.amount.toFixed(2)).toBe('650.00');

    await expectAppError(
      setPurchaseOrderStatus(deps, admin, { purchaseOrderId, status: 'closed' }),
      'INVALID_STATE',
      /raised purchase order cannot become closed/,
    );
    await setPurchaseOrderStatus(deps, admin, { purchaseOrderId, status: 'cancelled' });
    await expectAppError(
      addCostItem(deps, admin, {
        sessionId: s.sessionId,
        category: 'travel',
        amount: '1',
        currency: 'GBP',
        purchaseOrderId,
      }),
      'INVALID_STATE',
      /cancelled/,
    );
    expect(await t.db.prisma.auditEvent.count({ where: { entityId: purchaseOrderId } })).toBe(2);
  });
});

describe('cost report', () => {
  it('per programme (session and programme costs over distinct learners), per department, per currency, in exact decimals', async () => {
    const course = await makeCourse(t.db, { title: 'Leadership Foundations' });
    const programme = await t.db.prisma.programme.create({
      data: { code: 'LDP-C', title: 'Leadership Programme', kind: 'programme' },
    });
    const schedule = (date: string) =>
      scheduleSession(deps, admin, {
        courseId: course.id,
        programmeId: programme.id,
        cohort: 'q1',
        timeZone: 'Europe/London',
        meetingUrl: 'https://meet.example/ldp',
        capacity: 10,
        days: [{ date, start: '09:00', end: '17:00' }],
        instructors: [
          {
            personId: dana.personId,
            fee: date === '2027-04-07' ? '50.00' : undefined,
            currency: date === '2027-04-07' ? 'USD' : undefined,
          },
        ],
      });
    const day1 = await schedule('2027-04-06');
    const day2 = await schedule('2027-04-07');
    const ops = await makeDepartment(t.db);
    const sales = await makeDepartment(t.db);
    const learners = [...(await makePeople(t.db, 2, ops.id)), ...(await makePeople(t.db, 1, sales.id))];
    for (const id of learners)
      await bookProgramme(deps, await loadActor(t.db.prisma, id), {
        programmeId: programme.id,
        cohort: 'q1',
      });
    // A fourth person joins day 1 only.
    const [extra] = await makePeople(t.db, 1, sales.id);
    await bookSession(deps, await loadActor(t.db.prisma, extra!), { sessionId: day1.sessionId });

    await addCostItem(deps, admin, {
      sessionId: day1.sessionId,
      category: 'venue',
      amount: '0.10',
      currency: 'GBP',
    });
    await addCostItem(deps, admin, {
      sessionId: day1.sessionId,
      category: 'catering',
      amount: '0.20',
      currency: 'GBP',
    });
    await addCostItem(deps, admin, {
      sessionId: day2.sessionId,
      category: 'venue',
      amount: '299.70',
      currency: 'GBP',
    });
    await addCostItem(deps, admin, {
      programmeId: programme.id,
      category: 'materials',
      amount: '300',
      currency: 'GBP',
      incurredOn: '2027-04-01',
    });
    await addCostItem(deps, admin, {
      sessionId: day2.sessionId,
      category: 'travel',
      amount: '49.99',
      currency: 'USD',
    });

    const report = await costReport(deps, admin, {
      from: new Date('2027-04-01T00:00:00Z'),
      to: new Date('2027-07-01T00:00:00Z'),
      programmeId: programme.id,
    });
    expect(report.sessions.map((s) => [s.total, s.registered, s.perRegistered])).toEqual([
      [{ GBP: '0.30' }, 4, { GBP: '0.08' }],
      [{ GBP: '299.70', USD: '99.99' }, 3, { GBP: '99.90', USD: '33.33' }],
    ]);
    // Dana's 50.00 USD fee on day 2 is a facilitator cost beside the 49.99 USD of travel.
    expect(report.sessions[1]!.byCategory).toEqual({
      facilitator: { USD: '50.00' },
      travel: { USD: '49.99' },
      venue: { GBP: '299.70' },
    });
    expect(report.programmes).toEqual([
      {
        programmeId: programme.id,
        code: 'LDP-C',
        title: 'Leadership Programme',
        total: { GBP: '600.00', USD: '99.99' },
        registered: 4,
        attended: 0,
        perRegistered: { GBP: '150.00', USD: '25.00' },
        perAttended: {},
      },
    ]);
    expect(report.totals).toEqual({ GBP: '600.00', USD: '99.99' });
    // The programme's own 300.00 is a row of its own, so the rows add up to the total.
    expect(report.programmeOwn).toEqual([
      { programmeId: programme.id, code: 'LDP-C', title: 'Leadership Programme', total: { GBP: '300.00' } },
    ]);
    // Ops: 2 of 4 on day 1 (0.15), 2 of 3 on day 2 (199.80 GBP, 66.66 USD), 2 of 4 of the programme item (150.00).
    const opsRow = report.departments.find((d) => d.departmentId === ops.id)!;
    expect(opsRow).toMatchObject({ registered: 2, share: { GBP: '349.95', USD: '66.66' } });
    const onlyOps = await costReport(deps, admin, {
      from: new Date('2027-04-01T00:00:00Z'),
      to: new Date('2027-07-01T00:00:00Z'),
      departmentId: ops.id,
    });
    expect(onlyOps.departments.map((d) => d.departmentId)).toEqual([ops.id]);
    await expectAppError(
      costReport(deps, dana, { from: new Date('2027-04-01'), to: new Date('2027-05-01') }),
      'FORBIDDEN',
    );
    await expectAppError(
      costReport(deps, admin, { from: new Date('2027-05-01'), to: new Date('2027-04-01') }),
      'VALIDATION',
    );
  });
});
