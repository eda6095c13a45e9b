/**
 * An admin sets how a course's online content completes: the rule (all SCOs, or a score
 * threshold), grading, maximum attempts and what starts a new attempt. Fields left out keep
 * their current value; the change is audited. Attempts already finished keep their result.
 */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { completionSettingsOf, ZCompletionSettings, type CompletionSettings } from './completion-settings.ts';

export interface SetCompletionSettingsInput {
  courseId: string;
  /** A partial change, checked against the settings' schema once merged. */
  change: unknown;
}

export async function setCompletionSettings(
  deps: Deps,
  actor: Actor,
  input: SetCompletionSettingsInput,
): Promise<{ courseId: string; settings: CompletionSettings }> {
  assertAdmin(actor, 'change how a course completes');
  if (!input.change || typeof input.change !== 'object' || Array.isArray(input.change))
    throw new AppError('VALIDATION', 'Send the completion settings as a JSON object.');
  return inTransaction(deps.db.prisma, async (tx) => {
    const course = await tx.course.findUnique({
      where: { id: input.courseId },
      select: { id: true, scormCompletion: true },
    });
    if (!course) throw new AppError('NOT_FOUND', 'That course does not exist.');
    const before = completionSettingsOf(course.scormCompletion);
    const parsed = ZCompletionSettings.safeParse({ ...before, ...(input.change as object) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError(
        'VALIDATION',
        `Completion settings: ${issue.path.join('.') || 'value'} — ${issue.message}. Allowed: rule all_scos|score, minPercent 0–100, grading highest|average|sum|last, maxAttempts 1–1000 or null, newAttempt when_finished|always.`,
      );
    }
    await tx.course.update({
      where: { id: course.id },
      data: { scormCompletion: parsed.data as unknown as Prisma.InputJsonValue },
    });
    await recordAudit(tx, {
      actorId: actorIdOf(actor),
      action: 'course.completion_settings_changed',
      entityType: 'Course',
      entityId: course.id,
      before: before as unknown as Prisma.InputJsonValue,
      after: parsed.data as unknown as Prisma.InputJsonValue,
    });
    return { courseId: course.id, settings: parsed.data };
  });
}
