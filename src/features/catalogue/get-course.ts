/** One course by id, with whether it has content to launch; NOT_FOUND when unknown. */
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../people/actor.ts';
import { type CourseSummary, toSummary } from './find-courses.ts';

export interface CourseDetails extends CourseSummary {
  /** A content package (SCORM) has been uploaded for it. */
  hasContent: boolean;
}

export async function getCourse(
  deps: Deps,
  _actor: Actor,
  input: { courseId: string },
): Promise<CourseDetails> {
  const row = /^[0-9a-f-]{36}$/i.test(input.courseId)
    ? await deps.db.prisma.course.findUnique({
        where: { id: input.courseId },
        include: {
          prerequisites: { include: { requiredCourse: { select: { code: true, title: true } } } },
          _count: { select: { packages: true } },
        },
      })
    : null;
  if (!row) throw new AppError('NOT_FOUND', 'That course does not exist.');
  return { ...toSummary(row), hasContent: row._count.packages > 0 };
}
