/**
 * A small organisation for the LMS tests, written straight to the database:
 *   olivia (Head of Operations) ─ tom (Warehouse Supervisor) ─ kofi (Forklift Operator)
 *   marcus (Head of Sales) ─ maya (Sales Manager) ─ priya, sam
 *   avery (admin, no reports)
 * Courses GDPR-101 (eLearning, certificate, 12 months), FL-101 (eLearning theory, 12 months),
 * FL-201 (practical, certificate, 36 months, needs FL-101), XL-110 (Excel), FA-101 (first aid).
 */
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import {
  recordCompletion,
  type RecordCompletionInput,
} from '../../src/features/completions/record-completion.ts';
import { refreshComplianceStatus } from '../../src/features/compliance/refresh-compliance-status.ts';
import type { Clock } from '../../src/shared/clock.ts';

export type Org = Awaited<ReturnType<typeof buildOrg>>;

export async function buildOrg(prisma: PrismaClient) {
  const ops = await prisma.department.create({ data: { name: 'Operations' } });
  const sales = await prisma.department.create({ data: { name: 'Sales' } });
  const london = await prisma.location.create({ data: { name: 'London', timeZone: 'Europe/London' } });
  const person = (email: string, name: string, extra: Record<string, unknown> = {}) =>
    prisma.person.create({
      data: {
        email,
        name,
        timeZone: 'Europe/London',
        locationId: london.id,
        hireDate: new Date('2020-01-01'),
        ...extra,
      },
    });
  const olivia = await person('olivia@t.example', 'Olivia Grant', {
    departmentId: ops.id,
    jobRole: 'Head of Operations',
  });
  const tom = await person('tom@t.example', 'Tom Fletcher', {
    departmentId: ops.id,
    jobRole: 'Warehouse Supervisor',
    managerId: olivia.id,
  });
  const kofi = await person('kofi@t.example', 'Kofi Mensah', {
    departmentId: ops.id,
    jobRole: 'Forklift Operator',
    managerId: tom.id,
    hireDate: new Date('2025-01-01'),
  });
  const marcus = await person('marcus@t.example', 'Marcus Reed', {
    departmentId: sales.id,
    jobRole: 'Head of Sales',
  });
  const maya = await person('maya@t.example', 'Maya Chen', {
    departmentId: sales.id,
    jobRole: 'Sales Manager',
    managerId: marcus.id,
  });
  const priya = await person('priya@t.example', 'Priya Shah', {
    departmentId: sales.id,
    jobRole: 'Account Executive',
    managerId: maya.id,
  });
  const sam = await person('sam@t.example', 'Sam Brooks', {
    departmentId: sales.id,
    jobRole: 'Account Executive',
    managerId: maya.id,
  });
  const avery = await person('avery@t.example', 'Avery Clarke', { roles: ['employee', 'admin'] });

  const course = (data: {
    code: string;
    title: string;
    kind: 'elearning' | 'ilt' | 'vilt';
    validityMonths?: number;
    grantsCertificate?: boolean;
    tags?: string[];
    selfEnrol?: boolean;
  }) => prisma.course.create({ data });
  const gdpr = await course({
    code: 'GDPR-101',
    title: 'GDPR Basics',
    kind: 'elearning',
    validityMonths: 12,
    grantsCertificate: true,
    tags: ['compliance', 'data protection', 'privacy'],
  });
  const flTheory = await course({
    code: 'FL-101',
    title: 'Forklift Theory',
    kind: 'elearning',
    validityMonths: 12,
    tags: ['safety', 'forklift'],
  });
  const flPractical = await course({
    code: 'FL-201',
    title: 'Forklift Practical Assessment',
    kind: 'ilt',
    validityMonths: 36,
    grantsCertificate: true,
    tags: ['safety', 'forklift'],
  });
  const excel = await course({
    code: 'XL-110',
    title: 'Excel Essentials',
    kind: 'vilt',
    tags: ['skills', 'excel', 'spreadsheets'],
  });
  const firstAid = await course({
    code: 'FA-101',
    title: 'First Aid at Work',
    kind: 'ilt',
    validityMonths: 36,
    grantsCertificate: true,
    tags: ['safety', 'first aid'],
    selfEnrol: false,
  });
  await prisma.coursePrerequisite.create({
    data: { courseId: flPractical.id, requiredCourseId: flTheory.id },
  });

  const dataProtection = await prisma.complianceRequirement.create({
    data: {
      code: 'DATA-PROTECTION',
      name: 'Data protection (annual)',
      courses: { create: [{ courseId: gdpr.id }] },
    },
  });
  const forklift = await prisma.complianceRequirement.create({
    data: {
      code: 'FORKLIFT',
      name: 'Forklift licence: online theory + practical',
      departmentId: ops.id,
      jobRole: 'Forklift Operator',
      courses: { create: [{ courseId: flTheory.id }, { courseId: flPractical.id }] },
    },
  });
  // Requirements written directly (no use case writes them): store their statuses as the
  // write paths would. Completions recorded later through `complete` refresh their person.
  await refreshComplianceStatus(prisma, new Date(), { kind: 'everyone' });
  return {
    departments: { ops, sales },
    location: london,
    people: { olivia, tom, kofi, marcus, maya, priya, sam, avery },
    courses: { gdpr, flTheory, flPractical, excel, firstAid },
    requirements: { dataProtection, forklift },
  };
}

/** A SCORM package, SCO and a finished attempt, as the SCORM runtime would leave them. */
export async function scormAttempt(
  prisma: PrismaClient,
  personId: string,
  courseId: string,
  finishedAt: Date,
  progress = 1,
) {
  const pkg = await prisma.contentPackage.create({
    data: {
      courseId,
      version: 'scorm2004',
      title: 'Package',
      manifestIdentifier: 'pkg',
      manifest: {},
      storagePath: `pkg-${courseId}-${personId}-${finishedAt.getTime()}`,
      sha256: '0'.repeat(64),
      sizeBytes: 1024n,
    },
  });
  await prisma.sco.create({
    data: { packageId: pkg.id, identifier: 'sco-1', title: 'Module', launchHref: 'index.html', position: 1 },
  });
  return prisma.attempt.create({
    data: {
      personId,
      packageId: pkg.id,
      courseId,
      number: 1,
      status: 'passed',
      successStatus: 'passed',
      scoreRaw: 85,
      scoreScaled: 0.85,
      progress,
      totalTimeSeconds: 1500,
      startedAt: new Date(finishedAt.getTime() - 1_800_000),
      lastActivityAt: finishedAt,
      finishedAt,
    },
  });
}

/** A live session of the course that the person attended, ending at `endsAt`. */
export async function attendedRegistration(
  prisma: PrismaClient,
  personId: string,
  courseId: string,
  endsAt: Date,
) {
  const startsAt = new Date(endsAt.getTime() - 4 * 3_600_000);
  const session = await prisma.session.create({
    data: {
      courseId,
      startsAt,
      endsAt,
      timeZone: 'Europe/London',
      capacity: 8,
      status: 'completed',
      days: { create: [{ dayIndex: 0, startsAt, endsAt }] },
    },
    include: { days: true },
  });
  const registration = await prisma.registration.create({
    data: { sessionId: session.id, personId, status: 'attended' },
  });
  await prisma.attendance.create({
    data: { registrationId: registration.id, sessionDayId: session.days[0]!.id, status: 'attended' },
  });
  return registration;
}

export function complete(prisma: PrismaClient, clock: Clock, input: RecordCompletionInput) {
  return inTransaction(prisma, (tx) => recordCompletion(tx, clock, input));
}
