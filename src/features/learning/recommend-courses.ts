/**
 * "What should I learn next?": a short, explainable list. In order:
 *   1. required but missing: courses behind a compliance requirement that is overdue, due
 *      or expiring for this person (most urgent first);
 *   2. assigned and not yet done (earliest due first);
 *   3. related to what they completed (shared tags), then what colleagues in the same job
 *      role completed. Every item carries the reason in plain words.
 */
import type { Deps } from '../../deps.ts';
import type { CourseKind } from '../../generated/prisma/enums.ts';
import type { Actor } from '../people/actor.ts';
import { assertCanActFor } from '../people/authorize.ts';
import { complianceStatus } from '../compliance/compliance-status.ts';

export type RecommendationReason = 'required' | 'assigned' | 'related' | 'peers';

export interface Recommendation {
  courseId: string;
  courseCode: string;
  courseTitle: string;
  kind: CourseKind;
  reason: RecommendationReason;
  /** Plain words, e.g. "Required for Data protection (annual): overdue". */
  because: string;
}

const URGENCY = { overdue: 0, due: 1, expiring: 2 } as const;

export async function recommendCourses(
  deps: Deps,
  actor: Actor,
  input: { personId?: string; limit?: number },
): Promise<Recommendation[]> {
  const personId = input.personId ?? actor.personId;
  const limit = Math.min(Math.max(input.limit ?? 5, 1), 20);
  const db = deps.db.prisma;
  await assertCanActFor(db, actor, personId);
  const now = deps.clock.now();
  const out: Recommendation[] = [];
  const taken = new Set<string>();
  const push = (r: Recommendation) => {
    if (taken.has(r.courseId) || out.length >= limit) return;
    taken.add(r.courseId);
    out.push(r);
  };

  const [{ rows }, valid, courses] = await Promise.all([
    complianceStatus(deps, actor, {
      scope: { kind: 'person', personId },
      includeNotApplicable: false,
    }),
    db.completion.findMany({
      where: { personId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      select: { courseId: true },
    }),
    db.course.findMany({
      where: { active: true },
      select: { id: true, code: true, title: true, kind: true, tags: true },
    }),
  ]);
  const courseBy = new Map(courses.map((c) => [c.id, c]));
  const done = new Set(valid.map((c) => c.courseId));
  const item = (courseId: string, reason: RecommendationReason, because: string): Recommendation | null => {
    const c = courseBy.get(courseId);
    return c && !done.has(courseId)
      ? { courseId, courseCode: c.code, courseTitle: c.title, kind: c.kind, reason, because }
      : null;
  };

  // 1. Required but missing.
  const urgent = rows
    .filter((r): r is typeof r & { status: keyof typeof URGENCY } => r.status in URGENCY)
    .sort((a, b) => URGENCY[a.status] - URGENCY[b.status]);
  for (const row of urgent) {
    const label =
      row.status === 'expiring' ? `expires ${row.expiresAt?.toISOString().slice(0, 10)}` : row.status;
    for (const e of row.evidence) {
      const needsIt =
        !e.completionId || (e.expiresAt && e.expiresAt.getTime() <= now.getTime() + 60 * 86_400_000);
      const r = needsIt
        ? item(e.courseId, 'required', `Required for ${row.requirementName}: ${label}`)
        : null;
      if (r) push(r);
    }
  }
  // 2. Assigned.
  const assigned = await db.enrollment.findMany({
    where: { personId, status: 'active' },
    orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }],
    select: { courseId: true, dueAt: true },
    take: limit * 2,
  });
  for (const e of assigned) {
    const r = item(
      e.courseId,
      'assigned',
      e.dueAt ? `Assigned to you, due ${e.dueAt.toISOString().slice(0, 10)}` : 'Assigned to you',
    );
    if (r) push(r);
  }
  if (out.length >= limit) return out;

  // 3a. Related by tags of what they completed.
  const completedCourses = [...done].map((id) => courseBy.get(id)).filter((c) => c !== undefined);
  const related = courses
    .filter((c) => !done.has(c.id))
    .map((c) => {
      const from = completedCourses.find((d) =>
        d.tags.some((t) => c.tags.includes(t) && !GENERIC_TAGS.has(t)),
      );
      return {
        c,
        from,
        shared: from ? c.tags.filter((t) => from.tags.includes(t) && !GENERIC_TAGS.has(t)) : [],
      };
    })
    .filter((x) => x.from)
    .sort((a, b) => b.shared.length - a.shared.length || a.c.code.localeCompare(b.c.code));
  for (const x of related) {
    const r = item(x.c.id, 'related', `Because you completed ${x.from!.title} (${x.shared.join(', ')})`);
    if (r) push(r);
  }
  if (out.length >= limit) return out;

  // 3b. What people in the same job role completed (one grouped query).
  const peers = await db.$queryRaw<{ courseId: string; people: number; jobRole: string }[]>`
    SELECT c."courseId"::text AS "courseId", count(DISTINCT c."personId")::int AS people, me."jobRole" AS "jobRole"
    FROM "Person" me
    JOIN "Person" peer ON peer."jobRole" = me."jobRole" AND peer.id <> me.id AND peer.status = 'active'
    JOIN "Completion" c ON c."personId" = peer.id
    WHERE me.id = ${personId}::uuid AND me."jobRole" IS NOT NULL
    GROUP BY c."courseId", me."jobRole"
    ORDER BY people DESC, c."courseId"
    LIMIT 50`;
  for (const p of peers) {
    const r = item(
      p.courseId,
      'peers',
      `${p.people} ${p.people === 1 ? 'colleague' : 'colleagues'} who are also ${p.jobRole} took it`,
    );
    if (r) push(r);
  }
  return out;
}

/** Tags too broad to say two courses are related. */
const GENERIC_TAGS = new Set(['compliance', 'skills', 'synthetic']);
