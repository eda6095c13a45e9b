import type { DbClient } from '../../db/transaction.ts';

/**
 * Prerequisite courses of `courseId` that `personId` has not completed (an expired
 * completion still counts: a prerequisite is about having learnt it, not about currency).
 */
export async function missingPrerequisites(
  db: DbClient,
  personId: string,
  courseId: string,
): Promise<{ courseId: string; code: string; title: string }[]> {
  const prerequisites = await db.coursePrerequisite.findMany({
    where: { courseId },
    select: {
      requiredCourse: {
        select: {
          id: true,
          code: true,
          title: true,
          completions: { where: { personId }, select: { id: true }, take: 1 },
        },
      },
    },
  });
  return prerequisites
    .filter((p) => p.requiredCourse.completions.length === 0)
    .map((p) => ({
      courseId: p.requiredCourse.id,
      code: p.requiredCourse.code,
      title: p.requiredCourse.title,
    }));
}
