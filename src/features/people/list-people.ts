/** Admins page through people (HR systems reconcile against this) and read one person. */
import type { Deps } from '../../deps.ts';
import type { DbClient } from '../../db/transaction.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { PersonStatus, Role } from '../../generated/prisma/enums.ts';
import { AppError } from '../../shared/app-error.ts';
import { isUuid } from '../registrations/seat-store.ts';
import { pageOf, type Page, type PageInput } from '../../shared/page.ts';
import type { Actor } from './actor.ts';
import { assertAdmin, assertCanActFor } from './authorize.ts';

export interface PersonRecord {
  id: string;
  email: string;
  name: string;
  departmentId: string | null;
  department: string | null;
  jobRole: string | null;
  locationId: string | null;
  location: string | null;
  timeZone: string;
  hireDate: Date | null;
  managerId: string | null;
  status: PersonStatus;
  roles: Role[];
  externalHrId: string | null;
  updatedAt: Date;
}

export interface ListPeopleInput extends PageInput {
  departmentId?: string;
  status?: PersonStatus;
  role?: Role;
  managerId?: string;
  /** Part of a name or e-mail. */
  q?: string;
}

const SELECT = {
  id: true,
  email: true,
  name: true,
  departmentId: true,
  department: { select: { name: true } },
  jobRole: true,
  locationId: true,
  location: { select: { name: true } },
  timeZone: true,
  hireDate: true,
  managerId: true,
  status: true,
  roles: true,
  externalHrId: true,
  updatedAt: true,
} satisfies Prisma.PersonSelect;

type Row = Prisma.PersonGetPayload<{ select: typeof SELECT }>;
const toRecord = ({ department, location, ...p }: Row): PersonRecord => ({
  ...p,
  department: department?.name ?? null,
  location: location?.name ?? null,
});

export async function listPeople(
  deps: Deps,
  actor: Actor,
  input: ListPeopleInput,
): Promise<Page<PersonRecord>> {
  assertAdmin(actor, 'list people');
  const where: Prisma.PersonWhereInput = {
    ...(input.after ? { id: { gt: input.after } } : {}),
    ...(input.departmentId ? { departmentId: input.departmentId } : {}),
    ...(input.managerId ? { managerId: input.managerId } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.role ? { roles: { has: input.role } } : {}),
    ...(input.q
      ? {
          OR: [
            { name: { contains: input.q, mode: 'insensitive' } },
            { email: { contains: input.q.toLowerCase() } },
          ],
        }
      : {}),
  };
  const rows = await deps.db.prisma.person.findMany({
    where,
    orderBy: { id: 'asc' },
    take: input.limit + 1,
    select: SELECT,
  });
  return pageOf(rows.map(toRecord), input.limit, (p) => p.id);
}

/** One person's record: themself, their managers and admins may read it. */
export async function getPerson(
  deps: Deps,
  actor: Actor,
  input: { personId: string },
): Promise<PersonRecord> {
  if (!isUuid(input.personId)) throw new AppError('NOT_FOUND', 'That person is not known to Rollcall.');
  await assertCanActFor(deps.db.prisma, actor, input.personId);
  const row = await readPersonRecord(deps.db.prisma, input.personId);
  if (!row) throw new AppError('NOT_FOUND', 'That person is not known to Rollcall.');
  return row;
}

/** The record as the API shows it, read with the caller's client (or transaction). */
export async function readPersonRecord(db: DbClient, personId: string): Promise<PersonRecord | undefined> {
  const row = await db.person.findUnique({ where: { id: personId }, select: SELECT });
  return row ? toRecord(row) : undefined;
}
