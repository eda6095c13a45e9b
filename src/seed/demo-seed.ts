/**
 * The demo organisation "Acme Logistics": realistic enough to try every feature from chat.
 * All dates are relative to the clock at seeding time, so the demo is always current:
 * sessions next week, certificates expiring within 60 days, some already expired.
 */
import { refreshComplianceStatus } from '../features/compliance/refresh-compliance-status.ts';
import { Prisma } from '../generated/prisma/client.ts';
import type { Db } from '../db/open-db.ts';
import type { Clock } from '../shared/clock.ts';
import { addDays, addMonths, atLocalTime } from '../shared/time.ts';
import { DEMO_DOMAIN, DEMO_PEOPLE, type DemoPerson } from './demo-people.ts';
import { backfillCertificates } from '../features/certificates/backfill-certificates.ts';

export interface SeedSummary {
  people: number;
  courses: number;
  sessions: number;
  registrations: number;
  completions: number;
  requirements: number;
}

const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';

type CourseSpec = Omit<Prisma.CourseCreateManyInput, 'id'> & { code: string };

const COURSES: CourseSpec[] = [
  {
    code: 'FA-101',
    title: 'First Aid at Work',
    kind: 'ilt',
    durationMinutes: 360,
    validityMonths: 36,
    grantsCertificate: true,
    tags: ['safety', 'first aid', 'health'],
    description: 'HSE-approved one-day first aid course: CPR, recovery position, wounds and burns.',
  },
  {
    code: 'FS-100',
    title: 'Fire Safety Awareness',
    kind: 'ilt',
    durationMinutes: 120,
    validityMonths: 12,
    grantsCertificate: true,
    tags: ['safety', 'fire'],
    description: 'Fire risks, alarms, evacuation and extinguisher use.',
  },
  {
    code: 'FL-101',
    title: 'Forklift Theory',
    kind: 'elearning',
    durationMinutes: 45,
    validityMonths: 36,
    tags: ['safety', 'forklift', 'warehouse'],
    description: 'Online theory module required before the practical assessment.',
  },
  {
    code: 'FL-201',
    title: 'Forklift Practical Assessment',
    kind: 'ilt',
    durationMinutes: 240,
    validityMonths: 36,
    grantsCertificate: true,
    tags: ['safety', 'forklift', 'warehouse'],
    description: 'Hands-on assessment in the warehouse bay.',
  },
  {
    code: 'GDPR-101',
    title: 'GDPR Basics',
    kind: 'elearning',
    durationMinutes: 30,
    validityMonths: 12,
    grantsCertificate: true,
    tags: ['compliance', 'data protection', 'privacy'],
    description: 'Personal data, lawful bases, breaches and subject access requests.',
  },
  {
    code: 'SEC-101',
    title: 'Information Security Awareness',
    kind: 'elearning',
    durationMinutes: 30,
    validityMonths: 12,
    tags: ['compliance', 'security', 'phishing'],
    description: 'Phishing, passwords, devices and reporting incidents.',
  },
  {
    code: 'XL-110',
    title: 'Excel Essentials',
    kind: 'vilt',
    durationMinutes: 180,
    needsManagerApproval: true,
    tags: ['skills', 'excel', 'spreadsheets', 'office'],
    description: 'Formulas, tables, lookups and pivot tables, live online.',
  },
  {
    code: 'LEAD-300',
    title: 'Leadership Foundations',
    kind: 'ilt',
    durationMinutes: 1260,
    needsManagerApproval: true,
    waitlistMode: 'offer',
    offerHoldHours: 48,
    tags: ['leadership', 'management'],
    description: 'Three-day programme for new people managers.',
  },
  {
    code: 'NEG-200',
    title: 'Negotiation Skills',
    kind: 'ilt',
    durationMinutes: 360,
    tags: ['sales', 'skills'],
    description: 'Preparing, anchoring and closing; role plays with feedback.',
  },
  {
    code: 'DEI-101',
    title: 'Inclusive Workplace',
    kind: 'elearning',
    durationMinutes: 25,
    tags: ['culture', 'inclusion'],
    description: 'Everyday inclusion and respectful behaviour.',
  },
  {
    code: 'ANTI-BRIBERY',
    title: 'Anti-Bribery and Corruption',
    kind: 'external',
    validityMonths: 24,
    tags: ['compliance', 'legal'],
    description: 'Completed with an external provider; certificates imported.',
  },
];

export async function seedDemo(db: Db, clock: Clock): Promise<SeedSummary> {
  const now = clock.now();
  const p = db.prisma;
  return p.$transaction(
    async (tx) => {
      // ── Organisation ──
      const departments = await createByName(tx.department, [
        'Operations',
        'Sales',
        'Engineering',
        'People & Culture',
      ]);
      const locations: Record<string, string> = {};
      for (const [name, timeZone] of [
        ['London', LONDON],
        ['Manchester', LONDON],
        ['New York', NEW_YORK],
      ] as const) {
        locations[name] = (await tx.location.create({ data: { name, timeZone } })).id;
      }
      const people = new Map<string, string>();
      // Managers first so every manager exists before their reports.
      for (const person of orderManagersFirst(DEMO_PEOPLE)) {
        const created = await tx.person.create({
          data: {
            email: emailOf(person),
            name: person.name,
            departmentId: departments[person.department]!,
            jobRole: person.jobRole,
            locationId: locations[person.location]!,
            timeZone: person.location === 'New York' ? NEW_YORK : LONDON,
            hireDate: addDays(now, -person.hiredDaysAgo),
            managerId: person.manager ? people.get(person.manager)! : null,
            roles: person.roles ?? ['employee'],
            externalHrId: `HR-${1000 + people.size}`,
          },
        });
        people.set(person.key, created.id);
      }
      const id = (key: string) => people.get(key)!;
      const byRole = (predicate: (p: DemoPerson) => boolean) =>
        DEMO_PEOPLE.filter(predicate).map((x) => x.key);

      // ── Catalogue ──
      const courses: Record<string, string> = {};
      for (const spec of COURSES) courses[spec.code] = (await tx.course.create({ data: spec })).id;
      await tx.coursePrerequisite.create({
        data: { courseId: courses['FL-201']!, requiredCourseId: courses['FL-101']! },
      });

      const programme = await tx.programme.create({
        data: {
          code: 'LDP',
          title: 'Leadership Foundations Programme',
          kind: 'programme',
          description: 'Three consecutive days for new people managers.',
          steps: { create: [{ position: 1, courseId: courses['LEAD-300']!, requiresPrevious: false }] },
        },
      });
      await tx.programme.create({
        data: {
          code: 'NEW-STARTER',
          title: 'New Starter Journey',
          kind: 'journey',
          description: 'Your first month: data protection, security, then fire safety in person.',
          steps: {
            create: [
              { position: 1, courseId: courses['GDPR-101']!, requiresPrevious: false, dueAfterDays: 7 },
              { position: 2, courseId: courses['SEC-101']!, dueAfterDays: 14 },
              { position: 3, courseId: courses['FS-100']!, dueAfterDays: 30 },
            ],
          },
        },
      });
      await tx.programme.create({
        data: {
          code: 'FORKLIFT-LICENCE',
          title: 'Forklift Licence',
          kind: 'journey',
          description: 'Online theory, then the practical assessment.',
          steps: {
            create: [
              { position: 1, courseId: courses['FL-101']!, requiresPrevious: false },
              { position: 2, courseId: courses['FL-201']! },
            ],
          },
        },
      });

      // ── Venues, vendors ──
      const venues: Record<string, string> = {};
      for (const v of [
        {
          name: 'London HQ – Training Room 2',
          locationId: locations.London!,
          address: '1 Canal Street, London',
          timeZone: LONDON,
          capacity: 16,
          dayRate: new Prisma.Decimal('400.00'),
          currency: 'GBP',
        },
        {
          name: 'Manchester DC – Warehouse Bay',
          locationId: locations.Manchester!,
          address: 'Trafford Park, Manchester',
          timeZone: LONDON,
          capacity: 8,
          dayRate: new Prisma.Decimal('150.00'),
          currency: 'GBP',
        },
        {
          name: 'New York – Conference Room A',
          locationId: locations['New York']!,
          address: '200 Hudson St, New York',
          timeZone: NEW_YORK,
          capacity: 20,
          dayRate: new Prisma.Decimal('650.00'),
          currency: 'USD',
        },
      ])
        venues[v.name] = (await tx.venue.create({ data: v })).id;
      const [london, manchester, newYork] = Object.values(venues) as [string, string, string];
      const safeWork = await tx.vendor.create({
        data: { name: 'SafeWork Training Ltd', email: 'bookings@safework.example' },
      });
      const northwind = await tx.vendor.create({
        data: { name: 'Northwind Catering', email: 'orders@northwind.example' },
      });

      // ── Sessions ──
      let sessions = 0;
      const makeSession = async (spec: {
        course: string;
        venueId?: string;
        meetingUrl?: string;
        zone: string;
        days: number;
        startHour: number;
        endHour: number;
        dayCount?: number;
        capacity: number;
        instructors: { key: string; role?: 'lead' | 'co' }[];
        past?: boolean;
        programmeId?: string;
      }) => {
        const dayCount = spec.dayCount ?? 1;
        const days = Array.from({ length: dayCount }, (_, i) => ({
          dayIndex: i,
          startsAt: atLocalTime(now, spec.zone, spec.days + i, spec.startHour),
          endsAt: atLocalTime(now, spec.zone, spec.days + i, spec.endHour),
        }));
        sessions += 1;
        return tx.session.create({
          data: {
            courseId: courses[spec.course]!,
            venueId: spec.venueId,
            meetingUrl: spec.meetingUrl,
            timeZone: spec.zone,
            startsAt: days[0]!.startsAt,
            endsAt: days.at(-1)!.endsAt,
            capacity: spec.capacity,
            registrationCutoffAt: addDays(days[0]!.startsAt, -1),
            status: spec.past ? 'completed' : 'scheduled',
            programmeId: spec.programmeId,
            cohort: spec.programmeId ? 'Cohort 1' : undefined,
            days: { create: days },
            instructors: {
              create: spec.instructors.map((i) => ({ personId: id(i.key), role: i.role ?? 'lead' })),
            },
          },
          include: { days: true },
        });
      };

      const firstAidSoon = await makeSession({
        course: 'FA-101',
        venueId: london,
        zone: LONDON,
        days: 5,
        startHour: 9,
        endHour: 16,
        capacity: 12,
        instructors: [{ key: 'dana' }, { key: 'lee', role: 'co' }],
      });
      const firstAidLater = await makeSession({
        course: 'FA-101',
        venueId: manchester,
        zone: LONDON,
        days: 19,
        startHour: 9,
        endHour: 16,
        capacity: 8,
        instructors: [{ key: 'lee' }],
      });
      const fireLondon = await makeSession({
        course: 'FS-100',
        venueId: london,
        zone: LONDON,
        days: 3,
        startHour: 10,
        endHour: 12,
        capacity: 16,
        instructors: [{ key: 'dana' }],
      });
      const fireNewYork = await makeSession({
        course: 'FS-100',
        venueId: newYork,
        zone: NEW_YORK,
        days: 8,
        startHour: 10,
        endHour: 12,
        capacity: 20,
        instructors: [{ key: 'rosa' }],
      });
      const forkliftPractical = await makeSession({
        course: 'FL-201',
        venueId: manchester,
        zone: LONDON,
        days: 12,
        startHour: 8,
        endHour: 12,
        capacity: 6,
        instructors: [{ key: 'lee' }],
      });
      const excel = await makeSession({
        course: 'XL-110',
        meetingUrl: 'https://teams.microsoft.com/l/meetup-join/acme-excel-essentials',
        zone: NEW_YORK,
        days: 9,
        startHour: 9,
        endHour: 12,
        capacity: 10,
        instructors: [{ key: 'rosa' }],
      });
      const leadership = await makeSession({
        course: 'LEAD-300',
        venueId: london,
        zone: LONDON,
        days: 26,
        dayCount: 3,
        startHour: 9,
        endHour: 17,
        capacity: 10,
        instructors: [{ key: 'rosa' }, { key: 'dana', role: 'co' }],
        programmeId: programme.id,
      });
      await makeSession({
        course: 'NEG-200',
        venueId: newYork,
        zone: NEW_YORK,
        days: 15,
        startHour: 9,
        endHour: 16,
        capacity: 12,
        instructors: [{ key: 'rosa' }],
      });
      const firstAidPast = await makeSession({
        course: 'FA-101',
        venueId: london,
        zone: LONDON,
        days: -30,
        startHour: 9,
        endHour: 16,
        capacity: 12,
        instructors: [{ key: 'dana' }],
        past: true,
      });
      const firePast = await makeSession({
        course: 'FS-100',
        venueId: london,
        zone: LONDON,
        days: -60,
        startHour: 10,
        endHour: 12,
        capacity: 16,
        instructors: [{ key: 'dana' }],
        past: true,
      });
      const forkliftPast = await makeSession({
        course: 'FL-201',
        venueId: manchester,
        zone: LONDON,
        days: -45,
        startHour: 8,
        endHour: 12,
        capacity: 6,
        instructors: [{ key: 'lee' }],
        past: true,
      });

      // ── Registrations ──
      let registrations = 0;
      const staff = byRole((x) => !x.roles?.includes('admin') && !x.roles?.includes('instructor'));
      const register = async (
        sessionId: string,
        keys: string[],
        status: 'confirmed' | 'pending_approval' = 'confirmed',
      ) => {
        const rows = [];
        for (const key of keys) {
          rows.push(
            await tx.registration.create({
              data: {
                sessionId,
                personId: id(key),
                status,
                sourceChannel: 'system',
                events: { create: { toStatus: status, toSessionId: sessionId, reason: 'demo seed' } },
              },
            }),
          );
          registrations += 1;
        }
        return rows;
      };
      // One seat left on next week's First Aid: the "nearly full" session.
      await register(firstAidSoon.id, staff.slice(0, 11));
      await register(firstAidLater.id, staff.slice(20, 23));
      // Not the new joiner: fire safety is the locked last step of her New Starter Journey.
      await register(
        fireLondon.id,
        staff.slice(11, 17).filter((key) => key !== 'new-joiner'),
      );
      await register(
        fireNewYork.id,
        byRole((x) => x.location === 'New York' && !x.roles?.includes('instructor')).slice(0, 5),
      );
      await register(forkliftPractical.id, byRole((x) => x.jobRole === 'Forklift Operator').slice(0, 2));
      await register(excel.id, ['priya', ...staff.slice(30, 33)]);
      // Sam's request waits for Maya's approval.
      await register(excel.id, ['sam'], 'pending_approval');
      await register(
        leadership.id,
        byRole(
          (x) => x.jobRole?.endsWith('Manager') === true || x.jobRole?.endsWith('Supervisor') === true,
        ).slice(0, 4),
      );

      // ── Past sessions: attendance and the completions it produced ──
      let completions = 0;
      const attend = async (
        session: typeof firstAidPast,
        course: string,
        recorder: string,
        keys: string[],
        outcomes: ('attended' | 'no_show' | 'partial')[],
      ) => {
        const regs = await register(session.id, keys);
        const validity = COURSES.find((c) => c.code === course)!.validityMonths;
        for (const [i, reg] of regs.entries()) {
          const outcome = outcomes[i] ?? 'attended';
          await tx.attendance.create({
            data: {
              registrationId: reg.id,
              sessionDayId: session.days[0]!.id,
              status: outcome,
              recordedById: id(recorder),
            },
          });
          await tx.registration.update({
            where: { id: reg.id },
            data: {
              status: outcome,
              events: {
                create: {
                  fromStatus: 'confirmed',
                  toStatus: outcome,
                  toSessionId: session.id,
                  reason: 'attendance recorded',
                },
              },
            },
          });
          if (outcome === 'attended') {
            await tx.completion.create({
              data: {
                personId: reg.personId,
                courseId: courses[course]!,
                source: 'attendance',
                completedAt: session.endsAt,
                registrationId: reg.id,
                expiresAt: validity ? addMonths(session.endsAt, validity) : null,
              },
            });
            completions += 1;
          }
        }
      };
      await attend(firstAidPast, 'FA-101', 'dana', staff.slice(40, 50), [
        'attended',
        'attended',
        'attended',
        'no_show',
        'attended',
        'partial',
        'attended',
        'attended',
        'attended',
        'attended',
      ]);
      await attend(firePast, 'FS-100', 'dana', staff.slice(0, 12), []);
      await attend(
        forkliftPast,
        'FL-201',
        'lee',
        byRole((x) => x.jobRole === 'Forklift Operator').slice(2, 6),
        [],
      );

      // ── eLearning completions: a spread of fresh, expiring-soon and expired ──
      const elearning = async (
        course: string,
        keys: string[],
        daysAgo: (i: number) => number,
        score?: (i: number) => number,
      ) => {
        const validity = COURSES.find((c) => c.code === course)!.validityMonths;
        for (const [i, key] of keys.entries()) {
          // Nobody completed anything here before they joined.
          if (daysAgo(i) > hiredDaysAgo(key)) continue;
          const completedAt = addDays(now, -daysAgo(i));
          await tx.completion.create({
            data: {
              personId: id(key),
              courseId: courses[course]!,
              source: 'manual',
              reason: 'Imported from the previous LMS',
              completedAt,
              score: score ? new Prisma.Decimal(score(i)) : null,
              percent: new Prisma.Decimal(100),
              expiresAt: validity ? addMonths(completedAt, validity) : null,
              externalRef: `legacy-lms:${course}:${key}`,
            },
          });
          completions += 1;
        }
      };
      const everyone = DEMO_PEOPLE.map((x) => x.key);
      const hiredDaysAgo = (key: string) => DEMO_PEOPLE.find((x) => x.key === key)!.hiredDaysAgo;
      // 0-29: recent; 30-39: expiring within 60 days; 40-47: expired; the rest never did it.
      await elearning(
        'GDPR-101',
        everyone.slice(0, 48),
        (i) => (i < 30 ? 20 + i * 5 : i < 40 ? 320 + (i - 30) * 3 : 380 + (i - 40) * 10),
        (i) => 70 + (i % 30),
      );
      await elearning(
        'SEC-101',
        byRole((x) => x.department === 'Engineering'),
        (i) => (i % 3 === 0 ? 400 : 40 + i * 11),
      );
      await elearning(
        'FL-101',
        byRole((x) => x.jobRole === 'Forklift Operator'),
        (i) => 60 + i * 30,
        () => 85,
      );
      // Fire safety for those who did not attend the past session: some expiring, some expired.
      await elearning('FS-100', staff.slice(12, 24), (i) => (i < 6 ? 330 + i * 2 : 375 + i * 5));

      // ── Compliance and assignments ──
      const requirement = (
        code: string,
        name: string,
        courseCodes: string[],
        audience: Partial<Prisma.ComplianceRequirementCreateManyInput> = {},
        mode: 'all_of' | 'any_of' = 'all_of',
      ) =>
        tx.complianceRequirement.create({
          data: {
            code,
            name,
            mode,
            ...audience,
            courses: { create: courseCodes.map((c) => ({ courseId: courses[c]! })) },
          },
        });
      await requirement('DATA-PROTECTION', 'Data protection (annual)', ['GDPR-101']);
      await requirement('FIRE-SAFETY', 'Fire safety (annual)', ['FS-100']);
      await requirement('FORKLIFT', 'Forklift licence: online theory + practical', ['FL-101', 'FL-201'], {
        departmentId: departments.Operations!,
        jobRole: 'Forklift Operator',
      });
      await requirement('INFOSEC', 'Information security (engineering)', ['SEC-101'], {
        departmentId: departments.Engineering!,
      });
      await requirement('FIRST-AID-SUPERVISORS', 'First aid for supervisors', ['FA-101'], {
        departmentId: departments.Operations!,
        jobRole: 'Warehouse Supervisor',
      });

      await tx.assignmentRule.createMany({
        data: [
          {
            name: 'New joiners: GDPR within 30 days',
            courseId: courses['GDPR-101']!,
            hiredWithinDays: 30,
            dueInDays: 30,
          },
          {
            name: 'Engineering: information security',
            courseId: courses['SEC-101']!,
            departmentId: departments.Engineering!,
            dueInDays: 30,
          },
          {
            name: 'Forklift operators: theory',
            courseId: courses['FL-101']!,
            jobRole: 'Forklift Operator',
            dueInDays: 14,
          },
        ],
      });
      // Everyone is assigned GDPR; those who never did it are overdue, new joiners are due.
      await tx.enrollment.createMany({
        data: everyone.map((key, i) => ({
          personId: id(key),
          courseId: courses['GDPR-101']!,
          source: 'admin' as const,
          assignedById: id('avery'),
          // A new joiner's GDPR is due 30 days after joining.
          dueAt:
            hiredDaysAgo(key) < 60
              ? addDays(now, 30 - hiredDaysAgo(key))
              : addDays(now, i >= 48 ? (i % 2 === 0 ? -10 : 12) : -200),
        })),
      });
      await tx.enrollment.createMany({
        data: byRole((x) => x.department === 'Engineering').map((key) => ({
          personId: id(key),
          courseId: courses['SEC-101']!,
          source: 'rule' as const,
          dueAt: addDays(now, 21),
        })),
      });

      // The new joiner started the New Starter Journey on day one. GDPR and security are
      // already assigned to her (rules above), so the journey adds its last step, fire safety,
      // which stays locked until the steps before it are done.
      await tx.enrollment.create({
        data: {
          personId: id('new-joiner'),
          courseId: courses['FS-100']!,
          source: 'journey',
          assignedById: id('new-joiner'),
          dueAt: addDays(now, 30 - hiredDaysAgo('new-joiner')),
        },
      });

      // ── Costs ──
      const po = await tx.purchaseOrder.create({
        data: {
          number: 'PO-DEMO-0001',
          vendorId: safeWork.id,
          status: 'raised',
          currency: 'GBP',
          description: 'First aid and fire safety delivery',
          raisedById: id('avery'),
          raisedAt: addDays(now, -40),
        },
      });
      const cost = (
        sessionId: string,
        category: 'venue' | 'facilitator' | 'catering' | 'materials',
        amount: string,
        currency: string,
        incurred: Date,
        extra: Partial<Prisma.CostItemUncheckedCreateInput> = {},
      ) =>
        tx.costItem.create({
          data: {
            sessionId,
            category,
            amount: new Prisma.Decimal(amount),
            currency,
            incurredOn: incurred,
            createdById: id('avery'),
            ...extra,
          },
        });
      await cost(firstAidPast.id, 'facilitator', '850.00', 'GBP', firstAidPast.startsAt, {
        vendorId: safeWork.id,
        purchaseOrderId: po.id,
        description: 'SafeWork trainer day rate',
      });
      await cost(firstAidPast.id, 'venue', '400.00', 'GBP', firstAidPast.startsAt, {
        description: 'Training Room 2',
      });
      await cost(firstAidPast.id, 'catering', '120.00', 'GBP', firstAidPast.startsAt, {
        vendorId: northwind.id,
        description: 'Lunch',
      });
      await cost(firePast.id, 'facilitator', '300.00', 'GBP', firePast.startsAt, {
        vendorId: safeWork.id,
        purchaseOrderId: po.id,
      });
      await cost(firstAidSoon.id, 'venue', '400.00', 'GBP', firstAidSoon.startsAt, {
        description: 'Training Room 2',
      });
      await cost(firstAidSoon.id, 'materials', '96.50', 'GBP', firstAidSoon.startsAt, {
        description: 'Workbooks',
      });
      await tx.costItem.create({
        data: {
          programmeId: programme.id,
          category: 'facilitator',
          amount: new Prisma.Decimal('4500.00'),
          currency: 'GBP',
          incurredOn: leadership.startsAt,
          description: 'External facilitator, 3 days',
          createdById: id('avery'),
        },
      });

      await tx.instructorAvailability.create({
        data: {
          personId: id('lee'),
          kind: 'leave',
          startsAt: atLocalTime(now, LONDON, 30, 0),
          endsAt: atLocalTime(now, LONDON, 37, 0),
          note: 'Annual leave',
        },
      });
      // Completions above are written directly; give them the certificates recordCompletion would have.
      await backfillCertificates(tx);
      // Written directly above too: store the compliance status recordCompletion would have kept.
      await refreshComplianceStatus(tx, clock.now(), { kind: 'everyone' });
      await tx.auditEvent.create({
        data: {
          action: 'demo.seeded',
          entityType: 'Organisation',
          entityId: 'demo',
          after: { people: DEMO_PEOPLE.length },
        },
      });

      return {
        people: DEMO_PEOPLE.length,
        courses: COURSES.length,
        sessions,
        registrations,
        completions,
        requirements: 5,
      };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

export function emailOf(person: Pick<DemoPerson, 'key' | 'name'>): string {
  return `${person.name
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.')}@${DEMO_DOMAIN}`;
}

async function createByName(
  table: { create(args: { data: { name: string } }): Promise<{ id: string }> },
  names: string[],
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const name of names) ids[name] = (await table.create({ data: { name } })).id;
  return ids;
}

function orderManagersFirst(people: DemoPerson[]): DemoPerson[] {
  const ordered: DemoPerson[] = [];
  const placed = new Set<string>();
  while (ordered.length < people.length) {
    for (const person of people) {
      if (!placed.has(person.key) && (!person.manager || placed.has(person.manager))) {
        ordered.push(person);
        placed.add(person.key);
      }
    }
  }
  return ordered;
}
