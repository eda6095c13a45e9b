/**
 * "What should I learn next?": active courses the person has not completed (or whose
 * completion has expired), ranked by what they are assigned first, then by courses that
 * unlock a next step (their prerequisites are met), then by topics they already study
 * (shared tags), optionally narrowed to a topic.
 */
import type { Deps } from '../../deps.ts';
import type { Actor } from '../people/actor.ts';

export interface Recommendation {
  courseId: string;
  code: string;
  title: string;
  kind: string;
  reason: string;
}

export async function recommendCourses(deps: Deps, actor: Actor, input: { topic?: string; limit?: number } = {}): Promise<Recommendation[]> {
  const db = deps.db.prisma;
  const now = deps.clock.now();
  const [courses, completions, enrollments] = await Promise.all([
    db.course.findMany({ where: { active: true }, select: { id: true, code: true, title: true, kind: true, tags: true, description: true, prerequisites: { select: { requiredCourseId: true } } } }),
    db.completion.findMany({ where: { personId: actor.personId }, select: { courseId: true, expiresAt: true } }),
    db.enrollment.findMany({ where: { personId: actor.personId, status: 'active' }, select: { courseId: true, dueAt: true } }),
  ]);
  const valid = new Set(completions.filter((c) => !c.expiresAt || c.expiresAt > now).map((c) => c.courseId));
  const everDone = new Set(completions.map((c) => c.courseId));
  const assigned = new Map(enrollments.map((e) => [e.courseId, e.dueAt]));
  const myTags = new Set(courses.filter((c) => everDone.has(c.id)).flatMap((c) => c.tags));
  const topic = input.topic?.toLowerCase().trim();
  const scored = courses
    .filter((c) => !valid.has(c.id))
    .filter((c) => !topic || [c.title, c.description, ...c.tags].some((t) => t.toLowerCase().includes(topic)))
    .map((c) => {
      const prerequisitesMet = c.prerequisites.every((p) => valid.has(p.requiredCourseId));
      const shared = c.tags.filter((t) => myTags.has(t)).length;
      let score = shared;
      let reason = shared ? `builds on ${c.tags.find((t) => myTags.has(t))} training you have done` : 'broadens your skills';
      if (!prerequisitesMet) score -= 10;
      if (c.prerequisites.length && prerequisitesMet) {
        score += 5;
        reason = 'you have done its prerequisite, so it is your next step';
      }
      if (everDone.has(c.id)) {
        score += 8;
        reason = 'your completion has expired: time to renew';
      }
      if (assigned.has(c.id)) {
        score += 20;
        reason = 'it is assigned to you';
      }
      return { course: c, score, reason };
    })
    .sort((a, b) => b.score - a.score || a.course.title.localeCompare(b.course.title));
  return scored.slice(0, input.limit ?? 3).map(({ course, reason }) => ({ courseId: course.id, code: course.code, title: course.title, kind: course.kind, reason }));
}
