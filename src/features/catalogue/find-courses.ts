/**
 * Catalogue look-up for chat and the API: by code, title, tag or a loose description.
 * The catalogue is hundreds of rows, so active courses are read once per call and scored in
 * memory (course-match.ts), which keeps the scoring explainable and unit-testable.
 */
import type { Deps } from '../../deps.ts';
import type { Actor } from '../people/actor.ts';
import type { CourseKind } from '../../generated/prisma/enums.ts';
import { AppError } from '../../shared/app-error.ts';
import { rankCourses } from './course-match.ts';

export interface CourseSummary {
  id: string;
  code: string;
  title: string;
  kind: CourseKind;
  description: string;
  durationMinutes: number | null;
  tags: string[];
  validityMonths: number | null;
  selfEnrol: boolean;
  needsManagerApproval: boolean;
  grantsCertificate: boolean;
  prerequisites: { code: string; title: string }[];
}

export type FindCoursesResult =
  /** One course stands out: use it without asking. */
  | { kind: 'match'; course: CourseSummary }
  /** Several fit about equally: ask which one (best first). */
  | { kind: 'ambiguous'; courses: CourseSummary[] }
  | { kind: 'none'; query: string };

export interface FindCoursesInput {
  query: string;
  kinds?: CourseKind[];
  limit?: number;
}

export async function findCourses(
  deps: Deps,
  _actor: Actor,
  input: FindCoursesInput,
): Promise<FindCoursesResult> {
  const query = input.query.trim();
  if (!query) throw new AppError('VALIDATION', 'Tell me which course: a code, a title or a topic.');
  if (query.length > 200)
    throw new AppError('VALIDATION', 'That course description is too long; try a few words.');
  const courses = await loadCatalogue(deps, input.kinds);
  const scored = rankCourses(query, courses);
  if (scored.length === 0) return { kind: 'none', query };
  const [best, second] = scored;
  // A clear winner: an exact code, or well ahead of the runner-up.
  if (!second || best!.score === 100 || best!.score >= second.score + 15)
    return { kind: 'match', course: best!.course };
  return { kind: 'ambiguous', courses: scored.slice(0, input.limit ?? 5).map((s) => s.course) };
}

/** Every active course (optionally of some kinds), with prerequisites, ordered by code. */
export async function loadCatalogue(deps: Deps, kinds?: CourseKind[]): Promise<CourseSummary[]> {
  const rows = await deps.db.prisma.course.findMany({
    where: { active: true, ...(kinds?.length ? { kind: { in: kinds } } : {}) },
    orderBy: { code: 'asc' },
    include: { prerequisites: { include: { requiredCourse: { select: { code: true, title: true } } } } },
  });
  return rows.map(toSummary);
}

/** A course row as read with its prerequisites; the summary's fields under their own names. */
type CourseRow = Omit<CourseSummary, 'prerequisites'> & {
  prerequisites?: { requiredCourse: { code: string; title: string } }[];
};

export function toSummary(row: CourseRow): CourseSummary {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    kind: row.kind,
    description: row.description,
    durationMinutes: row.durationMinutes,
    tags: row.tags,
    validityMonths: row.validityMonths,
    selfEnrol: row.selfEnrol,
    needsManagerApproval: row.needsManagerApproval,
    grantsCertificate: row.grantsCertificate,
    prerequisites: (row.prerequisites ?? []).map((p) => p.requiredCourse),
  };
}
