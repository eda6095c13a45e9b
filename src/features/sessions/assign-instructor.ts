/**
 * Puts an instructor on a session: for every day (lead or co) or one day only (a
 * substitute, optionally replacing a named instructor that day). An instructor who already
 * teaches elsewhere at an overlapping time (in any zone) or is on leave is a conflict; an
 * admin may override it with a reason, which goes to the audit log.
 */
import type { InstructorRole } from '../../generated/prisma/enums.ts';
import type { Deps } from '../../deps.ts';
import { inTransaction, type DbClient } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { assertAdmin } from '../people/authorize.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';
import { parseAmount, parseCurrency } from '../costs/money.ts';
import { findInstructorConflicts, type Conflict } from './conflicts.ts';
import { assertInstructor, resolveConflicts, type ConflictOverride } from './session-writer.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { lockSessionOrThrow } from '../registrations/seat-store.ts';

export interface AssignInstructorInput {
  sessionId: string;
  personId: string;
  role?: InstructorRole;
  /** 0-based day of the session; absent = every day. */
  dayIndex?: number;
  /** The instructor this person stands in for on that day. */
  replacesPersonId?: string;
  fee?: string;
  currency?: string;
  override?: ConflictOverride;
}

export interface AssignInstructorResult {
  kind: 'assigned';
  sessionInstructorId: string;
  overriddenConflicts: Conflict[];
}

export async function assignInstructor(
  deps: Deps,
  actor: Actor,
  input: AssignInstructorInput,
): Promise<AssignInstructorResult> {
  assertAdmin(actor, 'assign instructors');
  return inTransaction(deps.db.prisma, async (tx) => {
    const session = await lockSessionOrThrow(tx, input.sessionId);
    if (session.status !== 'scheduled' || session.endsAt <= deps.clock.now()) {
      throw new AppError(
        'SESSION_CLOSED',
        'Instructors can only be assigned to scheduled sessions that have not ended.',
      );
    }
    return addInstructorRow(tx, actor, input);
  });
}

/** The write itself, inside the caller's transaction (also used by schedule-series). */
export async function addInstructorRow(
  tx: DbClient,
  actor: Actor,
  input: AssignInstructorInput,
): Promise<AssignInstructorResult> {
  const person = await assertInstructor(tx, input.personId);
  const days = await tx.sessionDay.findMany({
    where: { sessionId: input.sessionId },
    orderBy: { dayIndex: 'asc' },
  });
  let day: (typeof days)[number] | undefined;
  if (input.dayIndex !== undefined) {
    day = days.find((d) => d.dayIndex === input.dayIndex);
    if (!day) throw new AppError('VALIDATION', `The session has no day ${input.dayIndex + 1}.`);
  }
  let replacesId: string | null = null;
  if (input.replacesPersonId) {
    if (!day) throw new AppError('VALIDATION', 'Say which day the substitute covers.');
    const replaced = await tx.sessionInstructor.findFirst({
      where: {
        sessionId: input.sessionId,
        personId: input.replacesPersonId,
        OR: [{ sessionDayId: null }, { sessionDayId: day.id }],
      },
    });
    if (!replaced)
      throw new AppError('VALIDATION', 'The instructor to replace is not on that day of the session.');
    replacesId = replaced.id;
  }
  const covered = day ? [day] : days;
  const conflicts = await findInstructorConflicts(tx, person.id, covered, input.sessionId);
  const { timeZone } = await tx.session.findUniqueOrThrow({
    where: { id: input.sessionId },
    select: { timeZone: true },
  });
  const overridden = resolveConflicts(conflicts, input.override, person.name, timeZone);
  const fee = input.fee !== undefined ? parseAmount(input.fee) : null;
  if (fee && !input.currency) throw new AppError('VALIDATION', 'An instructor fee needs a currency.');

  let row;
  try {
    row = await tx.sessionInstructor.create({
      data: {
        sessionId: input.sessionId,
        sessionDayId: day?.id ?? null,
        personId: person.id,
        role: input.role ?? (day ? 'substitute' : 'lead'),
        replacesId,
        fee,
        currency: input.currency ? parseCurrency(input.currency) : null,
        conflictOverridden: overridden.length > 0,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('CONFLICT', `${person.name} is already an instructor on that session.`);
    throw error;
  }
  await recordAudit(tx, {
    actorId: actorIdOf(actor),
    action: 'session.instructor_assigned',
    entityType: 'Session',
    entityId: input.sessionId,
    after: row,
  });
  if (overridden.length > 0) {
    await recordAudit(tx, {
      actorId: actorIdOf(actor),
      action: 'session.instructor_conflict_overridden',
      entityType: 'SessionInstructor',
      entityId: row.id,
      after: { reason: input.override!.reason, personId: person.id, conflicts: overridden },
    });
  }
  return { kind: 'assigned', sessionInstructorId: row.id, overriddenConflicts: overridden };
}
