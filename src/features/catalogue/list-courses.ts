/** Admins page through the catalogue (inactive courses included) and programmes. */
import type { Deps } from '../../deps.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { CourseKind, ProgrammeKind } from '../../generated/prisma/enums.ts';
import { AppError } from '../../shared/app-error.ts';
import { pageOf, type Page, type PageInput } from '../../shared/page.ts';
import type { Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { isUuid } from '../registrations/seat-store.ts';
import { toSummary, type CourseSummary } from './find-courses.ts';

export interface CourseRecord extends CourseSummary {
  active: boolean;
  recertWindowDays: number;
  updatedAt: Date;
}

export interface ListCoursesInput extends PageInput {
  kind?: CourseKind;
  active?: boolean;
  tag?: string;
  q?: string;
}

const INCLUDE = {
  prerequisites: { include: { requiredCourse: { select: { code: true, title: true } } } },
} satisfies Prisma.CourseInclude;
type Row = Prisma.CourseGetPayload<{ include: typeof INCLUDE }>;
const toRecord = (row: Row): CourseRecord => ({
  ...toSummary(row),
  active: row.active,
  recertWindowDays: row.recertWindowDays,
  updatedAt: row.updatedAt,
});

export async function listCourses(
  deps: Deps,
  actor: Actor,
  input: ListCoursesInput,
): Promise<Page<CourseRecord>> {
  assertAdmin(actor, 'list the whole catalogue');
  const rows = await deps.db.prisma.course.findMany({
    where: {
      ...(input.after ? { id: { gt: input.after } } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(input.tag ? { tags: { has: input.tag.toLowerCase() } } : {}),
      ...(input.q
        ? {
            OR: [
              { title: { contains: input.q, mode: 'insensitive' } },
              { code: { contains: input.q.toUpperCase() } },
            ],
          }
        : {}),
    },
    orderBy: { id: 'asc' },
    take: input.limit + 1,
    include: INCLUDE,
  });
  return pageOf(rows.map(toRecord), input.limit, (c) => c.id);
}

/** One course with its admin fields (active, updatedAt for optimistic concurrency). */
export async function getCourseRecord(
  deps: Deps,
  actor: Actor,
  input: { courseId: string },
): Promise<CourseRecord> {
  assertAdmin(actor, 'read course settings');
  const row = isUuid(input.courseId)
    ? await deps.db.prisma.course.findUnique({ where: { id: input.courseId }, include: INCLUDE })
    : null;
  if (!row) throw new AppError('NOT_FOUND', 'There is no such course.');
  return toRecord(row);
}

export interface ProgrammeRecord {
  id: string;
  code: string;
  title: string;
  description: string;
  kind: ProgrammeKind;
  active: boolean;
  steps: {
    position: number;
    courseId: string;
    courseCode: string;
    requiresPrevious: boolean;
    dueAfterDays: number | null;
  }[];
}

export async function listProgrammes(
  deps: Deps,
  _actor: Actor,
  input: PageInput & { kind?: ProgrammeKind },
): Promise<Page<ProgrammeRecord>> {
  const rows = await deps.db.prisma.programme.findMany({
    where: {
      ...(input.after ? { id: { gt: input.after } } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
    },
    orderBy: { id: 'asc' },
    take: input.limit + 1,
    include: { steps: { orderBy: { position: 'asc' }, include: { course: { select: { code: true } } } } },
  });
  return pageOf(
    rows.map(({ steps, createdAt: _c, ...p }) => ({
      ...p,
      steps: steps.map((s) => ({
        position: s.position,
        courseId: s.courseId,
        courseCode: s.course.code,
        requiresPrevious: s.requiresPrevious,
        dueAfterDays: s.dueAfterDays,
      })),
    })),
    input.limit,
    (p) => p.id,
  );
}
