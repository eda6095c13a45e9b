/**
 * An admin adds or edits a catalogue course (by code): kind, tags, validity for
 * recertification, self-enrolment, certificate, prerequisites by code. Prerequisites may not
 * form a cycle (FL-201 needs FL-101 needs FL-201), checked with one recursive query.
 */
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { toSummary, type CourseSummary } from './find-courses.ts';

export const ZCourseInput = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, dot, dash or underscore')
    .transform((s) => s.toUpperCase()),
  title: z.string().trim().min(1).max(200),
  description: z.string().max(5000).default(''),
  kind: z.enum(['elearning', 'ilt', 'vilt', 'blended', 'external']),
  durationMinutes: z.number().int().positive().max(100_000).nullish(),
  tags: z.array(z.string().trim().toLowerCase().min(1).max(50)).max(30).default([]),
  validityMonths: z.number().int().positive().max(600).nullish(),
  recertWindowDays: z.number().int().min(0).max(3650).default(90),
  selfEnrol: z.boolean().default(true),
  needsManagerApproval: z.boolean().default(false),
  grantsCertificate: z.boolean().default(false),
  active: z.boolean().default(true),
  prerequisiteCodes: z.array(z.string().trim().toUpperCase()).max(20).default([]),
});
export type CourseInput = z.input<typeof ZCourseInput>;

export type SaveCourseResult = { kind: 'created' | 'updated'; course: CourseSummary };

export async function saveCourse(
  deps: Deps,
  actor: Actor,
  input: { course: CourseInput },
): Promise<SaveCourseResult> {
  assertAdmin(actor, 'change the catalogue');
  const parsed = ZCourseInput.safeParse(input.course);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('VALIDATION', `The course is not valid: ${issue.path.join('.')} ${issue.message}.`);
  }
  const { prerequisiteCodes, ...data } = parsed.data;
  const actorId = actorIdOf(actor);
  return inTransaction(deps.db.prisma, async (tx) => {
    const before = await tx.course.findUnique({ where: { code: data.code } });
    const prerequisites = await tx.course.findMany({
      where: { code: { in: prerequisiteCodes } },
      select: { id: true, code: true },
    });
    const unknown = prerequisiteCodes.filter((c) => !prerequisites.some((p) => p.code === c));
    if (unknown.length) throw new AppError('NOT_FOUND', `Unknown prerequisite course ${unknown.join(', ')}.`);
    if (prerequisiteCodes.includes(data.code))
      throw new AppError('VALIDATION', 'A course cannot be its own prerequisite.');
    const course = before
      ? await tx.course.update({ where: { id: before.id }, data })
      : await tx.course.create({ data });
    await tx.coursePrerequisite.deleteMany({ where: { courseId: course.id } });
    if (prerequisites.length) {
      await tx.coursePrerequisite.createMany({
        data: prerequisites.map((p) => ({ courseId: course.id, requiredCourseId: p.id })),
      });
      // Would any prerequisite (transitively) need this course? Then it is a cycle.
      const cycle = await tx.$queryRaw<{ found: boolean }[]>`
        WITH RECURSIVE chain(id, depth) AS (
          SELECT "requiredCourseId", 1 FROM "CoursePrerequisite" WHERE "courseId" = ${course.id}::uuid
          UNION
          SELECT cp."requiredCourseId", chain.depth + 1 FROM "CoursePrerequisite" cp JOIN chain ON cp."courseId" = chain.id
          WHERE chain.depth < 50
        )
        SELECT EXISTS (SELECT 1 FROM chain WHERE id = ${course.id}::uuid) AS found`;
      if (cycle[0]?.found)
        throw new AppError(
          'VALIDATION',
          'Those prerequisites would make a loop (a course that needs itself).',
        );
    }
    await recordAudit(tx, {
      actorId,
      action: before ? 'course.updated' : 'course.created',
      entityType: 'Course',
      entityId: course.id,
      before: before ?? undefined,
      after: { ...course, prerequisiteCodes },
    });
    const full = await tx.course.findUniqueOrThrow({
      where: { id: course.id },
      include: { prerequisites: { include: { requiredCourse: { select: { code: true, title: true } } } } },
    });
    return { kind: before ? 'updated' : 'created', course: toSummary(full) };
  });
}
