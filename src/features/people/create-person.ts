/**
 * An HR system (or an admin) adds a person: e-mail, name, department, job role, location,
 * hire date, manager and roles. In the same transaction the person's compliance rows are
 * written and the assignment rules run for them, so a new joiner has their courses (and the
 * "you have been assigned" messages) the moment they exist. An e-mail or HR id already in
 * use is a 409, never a second person: HR syncs retry, and a person must exist once.
 */
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { inTransaction, type DbClient } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { assignByRules, type AssignedCourse } from '../assignments/assign-by-rules.ts';
import { refreshComplianceStatus } from '../compliance/refresh-compliance-status.ts';
import { actorIdOf, type Actor } from './actor.ts';
import { assertAdmin } from './authorize.ts';
import { readPersonRecord, type PersonRecord } from './list-people.ts';

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const ZCreatePersonInput = z
  .object({
    email: z
      .email()
      .max(320)
      .transform((e) => e.toLowerCase()),
    name: z.string().trim().min(1).max(200),
    /** A department by id, or by name (HR systems send names; a new name creates it). */
    departmentId: z.uuid().optional(),
    department: z.string().trim().min(1).max(200).optional(),
    jobRole: z.string().trim().min(1).max(200).optional(),
    locationId: z.uuid().optional(),
    /** IANA zone; defaults to the location's zone, else UTC. */
    timeZone: z.string().refine(isTimeZone, 'an IANA time zone such as Europe/London').optional(),
    /** Midnight UTC of the hire date. */
    hireDate: z.date().optional(),
    /** The manager by id, or by e-mail (what an HR feed knows). */
    managerId: z.uuid().optional(),
    managerEmail: z
      .email()
      .transform((e) => e.toLowerCase())
      .optional(),
    /** Everyone is an employee; instructor and admin are added to that. */
    roles: z
      .array(z.enum(['employee', 'instructor', 'admin']))
      .max(3)
      .default(['employee']),
    externalHrId: z.string().trim().min(1).max(200).optional(),
  })
  .refine((p) => !(p.departmentId && p.department), {
    message: 'give departmentId or department, not both',
    path: ['department'],
  })
  .refine((p) => !(p.managerId && p.managerEmail), {
    message: 'give managerId or managerEmail, not both',
    path: ['managerEmail'],
  });
export type CreatePersonInput = z.input<typeof ZCreatePersonInput>;

export interface CreatePersonResult {
  kind: 'created';
  person: PersonRecord;
  /** Courses the assignment rules gave the new joiner. */
  assigned: AssignedCourse[];
}

export async function createPerson(
  deps: Deps,
  actor: Actor,
  input: CreatePersonInput,
): Promise<CreatePersonResult> {
  assertAdmin(actor, 'add people');
  const parsed = ZCreatePersonInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('VALIDATION', `The person is not valid: ${issue.path.join('.')} ${issue.message}.`, {
      field: issue.path.join('.') || undefined,
    });
  }
  const p = parsed.data;
  const now = deps.clock.now();
  const actorId = actorIdOf(actor);
  try {
    return await inTransaction(deps.db.prisma, async (tx) => {
      await assertUnused(tx, p.email, p.externalHrId);
      const managerId = await managerOf(tx, p.managerId, p.managerEmail);
      const departmentId = await departmentOf(tx, p.departmentId, p.department);
      const location = p.locationId
        ? await tx.location.findUnique({ where: { id: p.locationId }, select: { timeZone: true } })
        : undefined;
      if (location === null)
        throw new AppError('NOT_FOUND', 'That location does not exist.', { field: 'locationId' });
      const created = await tx.person.create({
        data: {
          email: p.email,
          name: p.name,
          departmentId,
          jobRole: p.jobRole,
          locationId: p.locationId,
          timeZone: p.timeZone ?? location?.timeZone ?? 'UTC',
          hireDate: p.hireDate,
          managerId,
          roles: [...new Set(['employee' as const, ...p.roles])],
          externalHrId: p.externalHrId,
        },
      });
      await recordAudit(tx, {
        actorId,
        action: 'person.created',
        entityType: 'Person',
        entityId: created.id,
        after: created,
      });
      await refreshComplianceStatus(tx, now, { kind: 'people', personIds: [created.id] });
      const assigned = await assignByRules(tx, { now, personId: created.id, actorId });
      return { kind: 'created', person: (await readPersonRecord(tx, created.id))!, assigned };
    });
  } catch (error) {
    // Two requests adding the same person at once: the unique index lets one in.
    if ((error as { code?: string }).code === 'P2002')
      throw new AppError('CONFLICT', 'Someone with that e-mail or HR id already exists.', { field: 'email' });
    throw error;
  }
}

async function assertUnused(db: DbClient, email: string, externalHrId: string | undefined): Promise<void> {
  if (await db.person.findUnique({ where: { email }, select: { id: true } }))
    throw new AppError('CONFLICT', `Someone with the e-mail ${email} already exists.`, { field: 'email' });
  if (externalHrId && (await db.person.findUnique({ where: { externalHrId }, select: { id: true } })))
    throw new AppError('CONFLICT', `Someone with the HR id ${externalHrId} already exists.`, {
      field: 'externalHrId',
    });
}

async function managerOf(
  db: DbClient,
  managerId: string | undefined,
  managerEmail: string | undefined,
): Promise<string | undefined> {
  if (!managerId && !managerEmail) return undefined;
  const manager = await db.person.findUnique({
    where: managerId ? { id: managerId } : { email: managerEmail! },
    select: { id: true, status: true },
  });
  if (manager?.status !== 'active')
    throw new AppError('NOT_FOUND', 'The manager is not an active person in Rollcall.', {
      field: managerId ? 'managerId' : 'managerEmail',
    });
  return manager.id;
}

async function departmentOf(
  db: DbClient,
  departmentId: string | undefined,
  name: string | undefined,
): Promise<string | undefined> {
  if (departmentId) {
    if (!(await db.department.findUnique({ where: { id: departmentId }, select: { id: true } })))
      throw new AppError('NOT_FOUND', 'That department does not exist.', { field: 'departmentId' });
    return departmentId;
  }
  if (!name) return undefined;
  // Upsert, not find-then-create: two new joiners of a new department at once make it once.
  const department = await db.department.upsert({ where: { name }, update: {}, create: { name } });
  return department.id;
}
