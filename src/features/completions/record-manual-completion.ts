/**
 * An admin records a completion by hand ("did the paper test on site"), with a reason that
 * is kept on the completion and in the audit log. Certificates follow as for any completion.
 */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { recordCompletion, type RecordCompletionResult } from './record-completion.ts';

export interface RecordManualCompletionInput {
  personId: string;
  courseId: string;
  completedAt: Date;
  reason: string;
  score?: number | null;
  percent?: number | null;
}

export async function recordManualCompletion(
  deps: Deps,
  actor: Actor,
  input: RecordManualCompletionInput,
): Promise<RecordCompletionResult> {
  assertAdmin(actor, 'record a completion by hand');
  const reason = input.reason?.trim() ?? '';
  if (reason.length < 3)
    throw new AppError('VALIDATION', 'Say why this completion is recorded by hand (a reason is required).');
  if (reason.length > 1000) throw new AppError('VALIDATION', 'Keep the reason under 1,000 characters.');
  return inTransaction(deps.db.prisma, (tx) =>
    recordCompletion(tx, deps.clock, {
      personId: input.personId,
      courseId: input.courseId,
      source: 'manual',
      completedAt: input.completedAt,
      score: input.score,
      percent: input.percent,
      reason,
      recordedById: actorIdOf(actor),
    }),
  );
}
