/**
 * Journey j: a certificate runs out. The clock moves past the expiry of the first
 * certificate due to lapse, the job registry runs (the nightly compliance sweep among its
 * jobs), and what the learner and their manager are told changes with it, in agreement:
 * "my learning" shows the completion expired and the course owed again, the certificate
 * reads expired, and the manager's team compliance moves the person from expiring to due;
 * once the grace period is over, both say overdue. The stored compliance rows say the same (the sweep rewrote
 * them). The manager's compliance report, counted from the per-manager counts the status
 * changes append and the registry's fold job sums, equals a count of the stored rows at every
 * step. The product sends no message of its own when a certificate lapses (reminders are
 * a manager's "remind them", journey d), so the learner's inbox stays empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scannedSummarySql, type SummaryRow } from '../../../src/features/compliance/maintained-summary.ts';
import { assertInvariants, startJourney, tableRows } from '../harness.ts';

const DAY = 86_400_000;

describe('journey j', () => {
  let j: Awaited<ReturnType<typeof startJourney>>;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it('journey j: a certificate expires; the sweep runs; learner and manager see the lapse', async () => {
    const p = j.deps.db.prisma;
    // The first certificate to lapse after today, held by someone with a manager.
    const certificate = await p.certificate.findFirstOrThrow({
      where: {
        revokedAt: null,
        completion: { expiresAt: { gt: j.deps.clock.now() }, person: { managerId: { not: null } } },
      },
      orderBy: { completion: { expiresAt: 'asc' } },
      include: { completion: { include: { course: true, person: { include: { manager: true } } } } },
    });
    const { course, person, expiresAt } = certificate.completion;
    const learner = j.web(person.email);
    const manager = j.web(person.manager!.email);
    const requirement = await p.complianceRequirement.findFirstOrThrow({
      where: { courses: { some: { courseId: course.id } }, statuses: { some: { personId: person.id } } },
    });
    const storedStatus = async () =>
      (
        await p.complianceStatus.findUniqueOrThrow({
          where: { personId_requirementId: { personId: person.id, requirementId: requirement.id } },
        })
      ).status;
    // The report's table (requirement, compliant, expiring, due, overdue, total) against the
    // stored rows of the manager's line counted one by one.
    const reportMatchesStoredRows = async () => {
      const report = await manager.say('compliance report');
      expect(report.text).toMatch(/^Compliance for your team: /);
      const counted = await p.$queryRaw<SummaryRow[]>(
        scannedSummarySql({ kind: 'manager_line', managerId: person.manager!.id }, j.deps.clock.now()),
      );
      const rows = tableRows(report).filter((r) => r[0] !== 'Total');
      expect(rows).toEqual(
        counted.map((r) =>
          [r.requirementName, r.compliant, r.expiring, r.due, r.overdue, r.total].map(String),
        ),
      );
      return rows.find((r) => r[0] === requirement.name);
    };
    const teamRow = async () => {
      const team = await manager.say('how is my team doing on compliance?');
      return tableRows(team).find((r) => r[0] === person.name && r[1] === requirement.name);
    };

    // Before: valid, expiring within 60 days, nothing overdue.
    const before = await learner.say('my learning');
    expect(tableRows(before, 'Overdue').filter((r) => r[0] === course.title)).toEqual([]);
    expect(await teamRow()).toEqual([person.name, requirement.name, 'Expiring', expect.any(String)]);
    expect(await storedStatus()).toBe('expiring');
    expect(Number((await reportMatchesStoredRows())?.[2])).toBeGreaterThan(0);

    // A day past the expiry: the registry's jobs run, the sweep among them.
    j.deps.clock.set(new Date(expiresAt!.getTime() + DAY));
    await j.runJobs();
    expect(await storedStatus(), 'the sweep rewrote the stored status').toBe('due');
    expect(await p.complianceLineDelta.count(), 'the fold job summed every delta').toBe(0);
    expect(Number((await reportMatchesStoredRows())?.[3])).toBeGreaterThan(0);

    const lapsed = await learner.say('my learning');
    // Owed again, but not overdue while the requirement's grace period runs: as the manager sees it.
    expect(tableRows(lapsed, 'Overdue').map((r) => r[0])).not.toContain(course.title);
    expect(tableRows(lapsed, 'To do').map((r) => r[0])).toContain(course.title);
    expect(tableRows(lapsed, 'Completed').find((r) => r[0] === course.title)?.[2]).toMatch(/\(expired\)$/);
    const certificates = await learner.say('my certificates');
    expect(tableRows(certificates).find((r) => r[1] === certificate.number)?.[4]).toBe('expired');
    // The manager sees it due: the grace period runs until the date shown.
    const due = await teamRow();
    expect(due?.[2]).toBe('Due');

    // Past the grace period: overdue, for the manager and in the stored rows.
    await j.advance(31 * DAY);
    expect(await storedStatus()).toBe('overdue');
    expect((await teamRow())?.[2]).toBe('Overdue');
    expect(Number((await reportMatchesStoredRows())?.[4])).toBeGreaterThan(0);
    const overdue = await learner.say("what's overdue?");
    expect(tableRows(overdue, 'Overdue').map((r) => r[0])).toContain(course.title);

    // The product has no lapse message: nothing was queued for the learner by the jobs.
    expect(await j.inbox(person.email)).toEqual([]);
    await assertInvariants(j);
  });
});
