/**
 * Instructor availability and leave blocks. Leave is what assignment conflict checks read;
 * an instructor records their own, an admin anyone's.
 */
import type { AvailabilityKind } from '../../generated/prisma/enums.ts';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorIdOf, isAdmin, type Actor } from '../people/actor.ts';
import { isUuid } from '../registrations/seat-store.ts';

export interface RecordAvailabilityInput {
  personId?: string;
  kind: AvailabilityKind;
  startsAt: Date;
  endsAt: Date;
  note?: string;
}

export interface RecordAvailabilityResult {
  kind: 'recorded';
  availabilityId: string;
  /** Scheduled sessions the person teaches during a new leave block (to re-staff). */
  affectedSessionIds: string[];
}

export async function recordAvailability(
  deps: Deps,
  actor: Actor,
  input: RecordAvailabilityInput,
): Promise<RecordAvailabilityResult> {
  const personId = input.personId ?? actor.personId;
  if (personId !== actor.personId && !isAdmin(actor))
    throw new AppError('FORBIDDEN', 'Only an admin can record availability for someone else.');
  if (
    Number.isNaN(input.startsAt.getTime()) ||
    Number.isNaN(input.endsAt.getTime()) ||
    input.endsAt <= input.startsAt
  ) {
    throw new AppError('VALIDATION', 'An availability block must end after it starts.');
  }
  return inTransaction(deps.db.prisma, async (tx) => {
    const person = isUuid(personId)
      ? await tx.person.findUnique({ where: { id: personId }, select: { roles: true } })
      : null;
    if (!person) throw new AppError('NOT_FOUND', 'That person does not exist.');
    if (!person.roles.includes('instructor'))
      throw new AppError('VALIDATION', 'Availability is recorded for instructors only.');
    const block = await tx.instructorAvailability.create({
      data: {
        personId,
        kind: input.kind,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        note: input.note?.trim() ?? '',
      },
    });
    await recordAudit(tx, {
      actorId: actorIdOf(actor),
      action: `instructor.${input.kind}_recorded`,
      entityType: 'InstructorAvailability',
      entityId: block.id,
      after: block,
    });
    const affected =
      input.kind === 'leave'
        ? await tx.session.findMany({
            where: {
              status: 'scheduled',
              instructors: { some: { personId } },
              days: { some: { startsAt: { lt: input.endsAt }, endsAt: { gt: input.startsAt } } },
            },
            select: { id: true },
          })
        : [];
    return { kind: 'recorded', availabilityId: block.id, affectedSessionIds: affected.map((s) => s.id) };
  });
}
