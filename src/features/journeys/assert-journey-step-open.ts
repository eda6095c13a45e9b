/**
 * Called by booking and launch use cases before a person books a session of, or starts, a
 * course: the course's prerequisites must be completed, and on any learning journey the
 * person has started, the steps before this one (when the step requires them) must be done.
 * Throws PREREQUISITE_MISSING naming what is missing; returns quietly otherwise.
 */
import type { DbClient } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { missingPrerequisites } from '../catalogue/prerequisites.ts';

export async function assertJourneyStepOpen(tx: DbClient, personId: string, courseId: string): Promise<void> {
  const missing = await missingPrerequisites(tx, personId, courseId);
  if (missing.length > 0) {
    throw new AppError(
      'PREREQUISITE_MISSING',
      `You need to complete ${missing.map((m) => `${m.title} (${m.code})`).join(', ')} first.`,
      { missing },
    );
  }
  // Journey steps for this course whose previous step is required, on journeys this person
  // has started (a 'journey' assignment of any of its steps), with that previous step's
  // course not completed. One query.
  const blocked = await tx.$queryRaw<{ journey: string; course: string; code: string }[]>`
    SELECT DISTINCT pg.title AS journey, pc.title AS course, pc.code
    FROM "ProgrammeStep" s
    JOIN "Programme" pg ON pg.id = s."programmeId" AND pg.kind = 'journey' AND pg.active
    JOIN "ProgrammeStep" prev ON prev."programmeId" = s."programmeId" AND prev.position < s.position
    JOIN "Course" pc ON pc.id = prev."courseId"
    WHERE s."courseId" = ${courseId}::uuid AND s."requiresPrevious"
      AND EXISTS (SELECT 1 FROM "Enrollment" e JOIN "ProgrammeStep" any_step ON any_step."courseId" = e."courseId"
                  WHERE any_step."programmeId" = s."programmeId" AND e."personId" = ${personId}::uuid AND e.source = 'journey')
      AND prev.position = (SELECT max(p2.position) FROM "ProgrammeStep" p2 WHERE p2."programmeId" = s."programmeId" AND p2.position < s.position)
      AND NOT EXISTS (SELECT 1 FROM "Completion" c WHERE c."personId" = ${personId}::uuid AND c."courseId" = prev."courseId")`;
  if (blocked.length > 0) {
    const b = blocked[0]!;
    throw new AppError(
      'PREREQUISITE_MISSING',
      `On your ${b.journey} journey, ${b.course} (${b.code}) comes first.`,
      { blocked },
    );
  }
}
