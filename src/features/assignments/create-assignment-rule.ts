/**
 * An admin creates an assignment rule ("Engineering: information security within 30
 * days"); it applies at once to everyone it matches, and later to new joiners and people
 * who move into its audience. A rule that matches nobody is a valid answer, said plainly.
 */
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { evaluateAssignmentRules } from './evaluate-assignment-rules.ts';

export const ZAssignmentRuleInput = z.object({
  name: z.string().trim().min(1).max(200),
  courseId: z.uuid(),
  departmentId: z.uuid().nullish(),
  jobRole: z.string().trim().min(1).max(200).nullish(),
  locationId: z.uuid().nullish(),
  hiredWithinDays: z.number().int().positive().max(3650).nullish(),
  dueInDays: z.number().int().min(0).max(3650).default(30),
});
export type AssignmentRuleInput = z.input<typeof ZAssignmentRuleInput>;

export type CreateAssignmentRuleResult =
  | { kind: 'created'; ruleId: string; matched: number; assigned: number }
  /** Saved and active, but nobody is in its audience today; new joiners will be picked up. */
  | { kind: 'created_matching_nobody'; ruleId: string; message: string };

export async function createAssignmentRule(
  deps: Deps,
  actor: Actor,
  input: { rule: AssignmentRuleInput },
): Promise<CreateAssignmentRuleResult> {
  assertAdmin(actor, 'create assignment rules');
  const parsed = ZAssignmentRuleInput.safeParse(input.rule);
  if (!parsed.success)
    throw new AppError(
      'VALIDATION',
      `The rule is not valid: ${parsed.error.issues[0]!.path.join('.')} ${parsed.error.issues[0]!.message}.`,
    );
  const rule = parsed.data;
  return inTransaction(deps.db.prisma, async (tx) => {
    const course = await tx.course.findUnique({ where: { id: rule.courseId }, select: { active: true } });
    if (!course?.active) throw new AppError('NOT_FOUND', 'That course is not in the catalogue.');
    if (rule.departmentId && !(await tx.department.findUnique({ where: { id: rule.departmentId } })))
      throw new AppError('NOT_FOUND', 'That department does not exist.');
    if (rule.locationId && !(await tx.location.findUnique({ where: { id: rule.locationId } })))
      throw new AppError('NOT_FOUND', 'That location does not exist.');
    const created = await tx.assignmentRule.create({
      data: { ...rule, createdById: actorIdOf(actor) },
    });
    await recordAudit(tx, {
      actorId: actorIdOf(actor),
      action: 'assignment_rule.created',
      entityType: 'AssignmentRule',
      entityId: created.id,
      after: created,
    });
    const [outcome] = await evaluateAssignmentRules(tx, {
      now: deps.clock.now(),
      ruleIds: [created.id],
      actorId: actorIdOf(actor),
    });
    if (!outcome || outcome.matched === 0) {
      return {
        kind: 'created_matching_nobody',
        ruleId: created.id,
        message:
          'The rule is saved, but nobody matches its audience today, so nobody was assigned. People who join or move into it will be assigned automatically.',
      };
    }
    return { kind: 'created', ruleId: created.id, matched: outcome.matched, assigned: outcome.assigned };
  });
}
