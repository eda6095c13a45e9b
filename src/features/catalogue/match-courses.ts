/**
 * "book me on first aid", "start the GDPR course": which active courses a phrase in a
 * message means, best first, with the clear winners marked. The catalogue is open to every
 * person, so any actor may ask.
 */
import type { Deps } from '../../deps.ts';
import type { CourseKind } from '../../generated/prisma/enums.ts';
import type { Actor } from '../people/actor.ts';
import { clearWinners, rankCourses } from './course-match.ts';

export interface CourseMatch {
  id: string;
  code: string;
  title: string;
  kind: CourseKind;
  score: number;
}

export interface MatchCoursesResult {
  /** Every match, best first. */
  matches: CourseMatch[];
  /** The top match and any within a few points of it: what the phrase most likely means. */
  best: CourseMatch[];
}

export async function matchCourses(
  deps: Deps,
  _actor: Actor,
  input: { text: string },
): Promise<MatchCoursesResult> {
  const text = input.text.trim().slice(0, 200);
  if (!text) return { matches: [], best: [] };
  const courses = await deps.db.prisma.course.findMany({
    where: { active: true },
    select: { id: true, code: true, title: true, kind: true, tags: true, description: true },
  });
  const matches = rankCourses(text, courses).map(({ course, score }) => ({
    id: course.id,
    code: course.code,
    title: course.title,
    kind: course.kind,
    score,
  }));
  return { matches, best: clearWinners(matches) };
}
