/**
 * A course's editable settings exactly as saveCourse takes them, so a change to one setting
 * by message ("forklift certificates are valid for 3 years") writes the others back unchanged
 * rather than resetting them to saveCourse's defaults.
 */
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import type { CourseInput } from './save-course.ts';

export async function getCourseSettings(
  deps: Deps,
  actor: Actor,
  input: { courseId: string },
): Promise<CourseInput> {
  assertAdmin(actor, 'change the catalogue');
  const row = /^[0-9a-f-]{36}$/i.test(input.courseId)
    ? await deps.db.prisma.course.findUnique({
        where: { id: input.courseId },
        include: { prerequisites: { include: { requiredCourse: { select: { code: true } } } } },
      })
    : null;
  if (!row) throw new AppError('NOT_FOUND', 'That course does not exist.');
  return {
    code: row.code,
    title: row.title,
    description: row.description,
    kind: row.kind,
    durationMinutes: row.durationMinutes,
    tags: row.tags,
    validityMonths: row.validityMonths,
    recertWindowDays: row.recertWindowDays,
    selfEnrol: row.selfEnrol,
    needsManagerApproval: row.needsManagerApproval,
    grantsCertificate: row.grantsCertificate,
    active: row.active,
    prerequisiteCodes: row.prerequisites.map((p) => p.requiredCourse.code),
  };
}
