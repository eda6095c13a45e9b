/**
 * Course references as people write them ("first aid", "the excel one", "FA-101", "forklfit")
 * resolved against the catalogue: code, title words, tags, with one typo forgiven per word.
 * The catalogue is small (tens to hundreds of courses), so it is read and scored in memory.
 */
import type { DbClient } from '../../db/transaction.ts';
import { distance } from '../parse/normalise.ts';

export interface CourseMatch {
  id: string;
  code: string;
  title: string;
  kind: string;
  score: number;
}

const IGNORED = new Set([
  'the',
  'a',
  'an',
  'one',
  'course',
  'session',
  'class',
  'training',
  'on',
  'for',
  'of',
  'and',
  'in',
  'skills',
  'essentials',
  'basics',
  'awareness',
  'foundations',
  'at',
  'work',
]);

export async function resolveCourse(db: DbClient, text: string): Promise<CourseMatch[]> {
  const courses = await db.course.findMany({
    where: { active: true },
    select: { id: true, code: true, title: true, kind: true, tags: true },
  });
  return scoreCourses(courses, text);
}

export function scoreCourses(
  courses: { id: string; code: string; title: string; kind: string; tags: string[] }[],
  text: string,
): CourseMatch[] {
  const query = text.toLowerCase().trim();
  const compactQuery = query.replace(/[^a-z0-9]/g, '');
  const words = query.split(/[^a-z0-9&]+/).filter((w) => w.length > 1 && !IGNORED.has(w));
  const matches: CourseMatch[] = [];
  for (const course of courses) {
    const code = course.code.toLowerCase();
    let score = 0;
    if (compactQuery === code.replace(/[^a-z0-9]/g, '')) score = 100;
    else if (query === course.title.toLowerCase()) score = 90;
    else if (words.length) {
      const titleWords = course.title
        .toLowerCase()
        .split(/[^a-z0-9&]+/)
        .filter(Boolean);
      const tagWords = course.tags.flatMap((t) => t.toLowerCase().split(/\s+/));
      const phraseInTitle =
        course.title.toLowerCase().includes(query) || course.tags.some((t) => t.toLowerCase() === query);
      let hits = 0;
      for (const w of words) {
        if (titleWords.includes(w) || code.startsWith(w)) hits += 1;
        else if (tagWords.includes(w)) hits += 0.8;
        else if (
          w.length >= 5 &&
          [...titleWords, ...tagWords].some((t) => t.length >= 4 && distance(w, t, 1) <= 1)
        )
          hits += 0.7;
      }
      if (hits > 0) score = Math.round((60 * hits) / words.length) + (phraseInTitle ? 20 : 0);
    }
    if (score >= 30)
      matches.push({ id: course.id, code: course.code, title: course.title, kind: course.kind, score });
  }
  return matches.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
}

/** The clear winners: the top score and any within a few points of it ("forklift" → theory and practical). */
export function bestMatches(matches: CourseMatch[]): CourseMatch[] {
  const top = matches[0]?.score;
  return top === undefined ? [] : matches.filter((m) => m.score >= top - 5);
}
