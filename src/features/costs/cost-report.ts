/**
 * "Cost per learner for the Leadership programme this quarter": costs per session and per
 * programme, per registered and per attended learner, and each department's share, for
 * sessions starting in a period. Money stays decimal and per currency throughout: a
 * session with costs in GBP and EUR reports two totals, never one mixed number.
 *
 * Registered = held a confirmed seat (confirmed, attended, partial, no-show).
 * Attended   = turned up (attended or partial).
 * A department's share of a cost = cost × its registered learners / all registered learners.
 * Instructor fees recorded on a session's assignments count as facilitator costs.
 */
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { CurrencyTotals, type MoneyByCurrency } from './money.ts';

export interface CostReportInput {
  from: Date;
  to: Date;
  programmeId?: string;
  courseId?: string;
  /** Restrict the department breakdown to one department. */
  departmentId?: string;
}

export interface SessionCost {
  sessionId: string;
  courseCode: string;
  courseTitle: string;
  startsAt: Date;
  programmeId: string | null;
  /** Cost items plus instructor fees agreed on the session's assignments. */
  total: MoneyByCurrency;
  /** The same total split by category (venue, facilitator, travel, materials, catering, other). */
  byCategory: Record<string, MoneyByCurrency>;
  registered: number;
  attended: number;
  perRegistered: MoneyByCurrency;
  perAttended: MoneyByCurrency;
}

export interface ProgrammeCost {
  programmeId: string;
  code: string;
  title: string;
  /** Session costs plus costs booked on the programme itself. */
  total: MoneyByCurrency;
  /** Distinct people. */
  registered: number;
  attended: number;
  perRegistered: MoneyByCurrency;
  perAttended: MoneyByCurrency;
}

/** Costs booked on a programme itself (not on one of its sessions), incurred in the period. */
export interface ProgrammeOwnCost {
  programmeId: string;
  code: string;
  title: string;
  total: MoneyByCurrency;
}

export interface DepartmentCost {
  departmentId: string | null;
  name: string;
  registered: number;
  attended: number;
  share: MoneyByCurrency;
}

export interface CostReport {
  from: Date;
  to: Date;
  sessions: SessionCost[];
  programmes: ProgrammeCost[];
  /** With `sessions`, every cost in `totals` appears in exactly one of these rows. */
  programmeOwn: ProgrammeOwnCost[];
  departments: DepartmentCost[];
  totals: MoneyByCurrency;
}

const REGISTERED = ['confirmed', 'attended', 'partial', 'no_show'] as const;
const ATTENDED = ['attended', 'partial'];

export async function costReport(deps: Deps, actor: Actor, input: CostReportInput): Promise<CostReport> {
  assertAdmin(actor, 'see cost reports');
  if (!(input.from < input.to))
    throw new AppError('VALIDATION', 'The report period must end after it starts.');
  const db = deps.db.prisma;
  const sessions = await db.session.findMany({
    where: {
      status: { not: 'cancelled' },
      startsAt: { gte: input.from, lt: input.to },
      ...(input.programmeId ? { programmeId: input.programmeId } : {}),
      ...(input.courseId ? { courseId: input.courseId } : {}),
    },
    orderBy: { startsAt: 'asc' },
    select: {
      id: true,
      startsAt: true,
      programmeId: true,
      course: { select: { code: true, title: true } },
      costItems: { select: { amount: true, currency: true, category: true } },
      instructors: { where: { fee: { not: null } }, select: { fee: true, currency: true } },
      registrations: {
        where: { status: { in: [...REGISTERED] } },
        select: {
          personId: true,
          status: true,
          person: { select: { departmentId: true, department: { select: { name: true } } } },
        },
      },
    },
  });

  const grand = new CurrencyTotals();
  const departments = new Map<
    string,
    {
      departmentId: string | null;
      name: string;
      people: Set<string>;
      attended: Set<string>;
      share: CurrencyTotals;
    }
  >();
  const department = (id: string | null, name: string | undefined) => {
    const key = id ?? 'none';
    let entry = departments.get(key);
    if (!entry)
      departments.set(
        key,
        (entry = {
          departmentId: id,
          name: name ?? 'No department',
          people: new Set(),
          attended: new Set(),
          share: new CurrencyTotals(),
        }),
      );
    return entry;
  };
  const allocate = (
    total: CurrencyTotals,
    learners: { personId: string; attended: boolean; departmentId: string | null; departmentName?: string }[],
  ) => {
    const byDept = new Map<string | null, typeof learners>();
    for (const l of learners) byDept.set(l.departmentId, [...(byDept.get(l.departmentId) ?? []), l]);
    for (const [id, members] of byDept) {
      const entry = department(id, members[0]!.departmentName);
      for (const m of members) {
        entry.people.add(m.personId);
        if (m.attended) entry.attended.add(m.personId);
      }
      entry.share.addAll(total.share(members.length, learners.length));
    }
  };

  const sessionCosts: SessionCost[] = [];
  const programmes = new Map<
    string,
    {
      total: CurrencyTotals;
      learners: Map<string, { attended: boolean; departmentId: string | null; departmentName?: string }>;
    }
  >();
  for (const s of sessions) {
    const total = new CurrencyTotals();
    const byCategory = new Map<string, CurrencyTotals>();
    const addTo = (category: string, currency: string, amount: Prisma.Decimal) => {
      total.add(currency, amount);
      if (!byCategory.has(category)) byCategory.set(category, new CurrencyTotals());
      byCategory.get(category)!.add(currency, amount);
    };
    for (const item of s.costItems) addTo(item.category, item.currency, item.amount);
    // A fee agreed on an instructor's assignment is a facilitator cost of that session.
    for (const fee of s.instructors) if (fee.fee && fee.currency) addTo('facilitator', fee.currency, fee.fee);
    grand.addAll(total);
    const learners = s.registrations.map((r) => ({
      personId: r.personId,
      attended: ATTENDED.includes(r.status),
      departmentId: r.person.departmentId,
      departmentName: r.person.department?.name,
    }));
    const registered = learners.length;
    const attended = learners.filter((l) => l.attended).length;
    sessionCosts.push({
      sessionId: s.id,
      courseCode: s.course.code,
      courseTitle: s.course.title,
      startsAt: s.startsAt,
      programmeId: s.programmeId,
      total: total.toJSON(),
      byCategory: Object.fromEntries(
        [...byCategory.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([c, t]) => [c, t.toJSON()]),
      ),
      registered,
      attended,
      perRegistered: total.dividedBy(registered),
      perAttended: total.dividedBy(attended),
    });
    allocate(total, learners);
    if (s.programmeId) {
      let p = programmes.get(s.programmeId);
      if (!p) programmes.set(s.programmeId, (p = { total: new CurrencyTotals(), learners: new Map() }));
      p.total.addAll(total);
      for (const l of learners) {
        const seen = p.learners.get(l.personId);
        p.learners.set(l.personId, { ...l, attended: l.attended || (seen?.attended ?? false) });
      }
    }
  }

  // Costs booked on a programme itself (not on one of its sessions), incurred in the period.
  const programmeItems = await db.costItem.findMany({
    where: {
      programmeId: input.programmeId ? input.programmeId : { not: null },
      incurredOn: { gte: input.from, lt: input.to },
      ...(input.courseId ? { programme: { steps: { some: { courseId: input.courseId } } } } : {}),
    },
    select: { programmeId: true, amount: true, currency: true },
  });
  const own = new Map<string, CurrencyTotals>();
  for (const item of programmeItems) {
    if (!own.has(item.programmeId!)) own.set(item.programmeId!, new CurrencyTotals());
    own.get(item.programmeId!)!.add(item.currency, item.amount);
    let p = programmes.get(item.programmeId!);
    if (!p) programmes.set(item.programmeId!, (p = { total: new CurrencyTotals(), learners: new Map() }));
    const itemCost = new CurrencyTotals().add(item.currency, item.amount);
    p.total.addAll(itemCost);
    grand.addAll(itemCost);
    const learners = [...p.learners.entries()].map(([personId, l]) => ({ personId, ...l }));
    allocate(itemCost, learners);
  }

  const programmeRows = programmes.size
    ? await db.programme.findMany({
        where: { id: { in: [...programmes.keys()] } },
        select: { id: true, code: true, title: true },
      })
    : [];
  const programmeCosts: ProgrammeCost[] = programmeRows.map((row) => {
    const p = programmes.get(row.id)!;
    const registered = p.learners.size;
    const attended = [...p.learners.values()].filter((l) => l.attended).length;
    return {
      programmeId: row.id,
      code: row.code,
      title: row.title,
      total: p.total.toJSON(),
      registered,
      attended,
      perRegistered: p.total.dividedBy(registered),
      perAttended: p.total.dividedBy(attended),
    };
  });

  const programmeOwn: ProgrammeOwnCost[] = programmeRows
    .filter((row) => own.has(row.id))
    .map((row) => ({
      programmeId: row.id,
      code: row.code,
      title: row.title,
      total: own.get(row.id)!.toJSON(),
    }));

  const departmentCosts = [...departments.values()]
    .filter((d) => !input.departmentId || d.departmentId === input.departmentId)
    .map((d) => ({
      departmentId: d.departmentId,
      name: d.name,
      registered: d.people.size,
      attended: d.attended.size,
      share: d.share.toJSON(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));

  return {
    from: input.from,
    to: input.to,
    sessions: sessionCosts,
    programmes: programmeCosts,
    programmeOwn,
    departments: departmentCosts,
    totals: grand.toJSON(),
  };
}
