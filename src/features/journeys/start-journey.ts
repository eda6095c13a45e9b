/**
 * Starts a learning journey for a person (themself, or a manager/admin for someone they may
 * act for): every step not already assigned or completed is assigned with source 'journey'
 * and a due date from the step's dueAfterDays. Gating is not done here but at booking and
 * launch (assertJourneyStepOpen), so the whole path is visible from day one.
 */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';
import { assertCanActFor } from '../people/authorize.ts';
import { addDays } from '../../shared/time.ts';
import { loadJourney, progressOf, type JourneyProgress } from './journey-progress.ts';

export type StartJourneyResult =
  | { kind: 'started'; progress: JourneyProgress }
  | { kind: 'already_started'; progress: JourneyProgress };

export async function startJourney(
  deps: Deps,
  actor: Actor,
  input: { personId?: string; programmeId?: string; programmeCode?: string },
): Promise<StartJourneyResult> {
  const personId = input.personId ?? actor.personId;
  const now = deps.clock.now();
  return inTransaction(deps.db.prisma, async (tx) => {
    await assertCanActFor(tx, actor, personId);
    const journey = await loadJourney(tx, { id: input.programmeId, code: input.programmeCode });
    const before = await progressOf(tx, journey, personId);
    if (before.started) return { kind: 'already_started', progress: before };
    const courseIds = journey.steps.map((s) => s.courseId);
    const active = new Set(
      (
        await tx.enrollment.findMany({
          where: { personId, courseId: { in: courseIds }, status: 'active' },
          select: { courseId: true },
        })
      ).map((e) => e.courseId),
    );
    for (const step of journey.steps) {
      if (
        active.has(step.courseId) ||
        before.steps.find((s) => s.courseId === step.courseId)?.status === 'completed'
      )
        continue;
      const enrollment = await tx.enrollment.create({
        data: {
          personId,
          courseId: step.courseId,
          source: 'journey',
          assignedById: actorIdOf(actor),
          dueAt: step.dueAfterDays != null ? addDays(now, step.dueAfterDays) : null,
        },
      });
      await recordAudit(tx, {
        actorId: actorIdOf(actor),
        action: 'journey.step_assigned',
        entityType: 'Enrollment',
        entityId: enrollment.id,
        after: { journey: journey.code, position: step.position, personId },
      });
    }
    return { kind: 'started', progress: await progressOf(tx, journey, personId) };
  });
}
