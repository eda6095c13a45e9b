/** Admins list the assignment rules that give courses to people automatically. */
import type { Deps } from '../../deps.ts';
import { pageOf, type Page, type PageInput } from '../../shared/page.ts';
import type { Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { isUuid } from '../registrations/seat-store.ts';

export interface AssignmentRuleRecord {
  id: string;
  name: string;
  courseId: string;
  departmentId: string | null;
  jobRole: string | null;
  locationId: string | null;
  hiredWithinDays: number | null;
  dueInDays: number;
  active: boolean;
  createdAt: Date;
}

export async function listAssignmentRules(
  deps: Deps,
  actor: Actor,
  input: PageInput & { courseId?: string; active?: boolean },
): Promise<Page<AssignmentRuleRecord>> {
  assertAdmin(actor, 'see assignment rules');
  if (input.courseId !== undefined && !isUuid(input.courseId)) return { items: [], nextAfter: null };
  const rows = await deps.db.prisma.assignmentRule.findMany({
    where: {
      ...(input.after ? { id: { gt: input.after } } : {}),
      ...(input.courseId ? { courseId: input.courseId } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    },
    orderBy: { id: 'asc' },
    take: input.limit + 1,
    select: {
      id: true,
      name: true,
      courseId: true,
      departmentId: true,
      jobRole: true,
      locationId: true,
      hiredWithinDays: true,
      dueInDays: true,
      active: true,
      createdAt: true,
    },
  });
  return pageOf(rows, input.limit, (r) => r.id);
}
