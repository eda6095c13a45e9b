/**
 * "Completions last quarter": how many completions each course had in a period. An admin
 * sees the organisation, a manager their reporting line; a department narrows either.
 * Anyone else is refused (their own record is "my learning").
 */
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { isAdmin, type Actor } from '../people/actor.ts';
import { reportingLineIds } from '../people/reporting-line.ts';

export interface CompletionsReportInput {
  from: Date;
  to: Date;
  departmentId?: string;
}

export interface CompletionsByCourse {
  courseId: string;
  courseTitle: string;
  completions: number;
}

/** Most completed first. Throws FORBIDDEN for people who are neither admins nor managers. */
export async function completionsReport(
  deps: Deps,
  actor: Actor,
  input: CompletionsReportInput,
): Promise<CompletionsByCourse[]> {
  if (!isAdmin(actor) && !actor.isManager)
    throw new AppError(
      'FORBIDDEN',
      'Completion reports are for managers and admins. I can show your own record.',
    );
  if (!(input.from < input.to)) throw new AppError('VALIDATION', 'The period must end after it starts.');
  const db = deps.db.prisma;
  const line = isAdmin(actor) ? undefined : await reportingLineIds(db, actor.personId);
  const grouped = await db.completion.groupBy({
    by: ['courseId'],
    where: {
      completedAt: { gte: input.from, lt: input.to },
      ...(line ? { personId: { in: line } } : {}),
      ...(input.departmentId ? { person: { departmentId: input.departmentId } } : {}),
    },
    _count: { _all: true },
  });
  const titles = new Map(
    (
      await db.course.findMany({
        where: { id: { in: grouped.map((g) => g.courseId) } },
        select: { id: true, title: true },
      })
    ).map((c) => [c.id, c.title]),
  );
  return grouped
    .map((g) => ({
      courseId: g.courseId,
      courseTitle: titles.get(g.courseId) ?? '?',
      completions: g._count._all,
    }))
    .sort((a, b) => b.completions - a.completions || a.courseTitle.localeCompare(b.courseTitle));
}
