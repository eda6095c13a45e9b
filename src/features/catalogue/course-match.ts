/**
 * The one course matcher, pure so it is unit-tested: scores how well a course reference
 * ("first aid", "the excel one", "gdpr", "FL-201", "forklfit") fits a catalogue entry. Used
 * by findCourses (the admin API) and matchCourses (the conversation). Explainable on
 * purpose: a code beats a title phrase beats a tag beats single words, and one typo is
 * forgiven in words of five letters or more.
 */
export interface MatchableCourse {
  code: string;
  title: string;
  tags: string[];
  description: string;
}

/** Words people wrap a course name in; they say nothing about which course. */
const FILLER = new Set([
  'the',
  'a',
  'an',
  'one',
  'ones',
  'course',
  'courses',
  'training',
  'module',
  'class',
  'session',
  'sessions',
  'on',
  'for',
  'about',
  'my',
  'me',
  'that',
  'this',
  'thing',
  'please',
  'of',
  'in',
  'to',
  'do',
  'some',
]);

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function meaningfulWords(query: string): string[] {
  return normalise(query)
    .split(' ')
    .filter((w) => w && !FILLER.has(w));
}

export function scoreCourse(query: string, course: MatchableCourse): number {
  const words = meaningfulWords(query);
  if (words.length === 0) return 0;
  const phrase = words.join(' ');
  const code = normalise(course.code);
  const compactCode = code.replace(/ /g, '');
  const title = normalise(course.title);
  const tags = course.tags.map(normalise);
  if (phrase === code || phrase.replace(/ /g, '') === compactCode) return 100;
  let score = 0;
  if (code.startsWith(phrase) || compactCode.startsWith(phrase.replace(/ /g, '')))
    score = Math.max(score, 80);
  if (` ${title} `.includes(` ${phrase} `)) score = Math.max(score, 60);
  if (tags.includes(phrase)) score = Math.max(score, 55);
  // Word by word: every query word must be found somewhere for a partial score.
  const titleWords = title.split(' ');
  const tagWords = tags.flatMap((t) => t.split(' '));
  const codeWords = code.split(' ');
  const descWords = normalise(course.description).split(' ');
  let wordScore = 0;
  for (const word of words) {
    if (codeWords.includes(word) || titleWords.includes(word)) wordScore += 12;
    else if (tagWords.includes(word)) wordScore += 10;
    else if (
      titleWords.some((t) => t.startsWith(word) && word.length >= 3) ||
      tagWords.some((t) => t.startsWith(word) && word.length >= 3)
    )
      wordScore += 7;
    else if (word.length >= 5 && [...titleWords, ...tagWords].some((t) => withinOneEdit(word, t)))
      wordScore += 6;
    else if (descWords.includes(word)) wordScore += 3;
    else return score; // a word that matches nothing: not this course (unless phrase-level hit)
  }
  return Math.max(score, Math.min(50, Math.round((wordScore * (1 + 1 / words.length)) / 1.5)));
}

/** Levenshtein distance ≤ 1, including one swap of neighbours ("forklfit"). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length === 1) return true;
    return (
      diffs.length === 2 &&
      diffs[1] === diffs[0]! + 1 &&
      a[diffs[0]!] === b[diffs[1]!] &&
      a[diffs[1]!] === b[diffs[0]!]
    );
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0, j = 0, skipped = false; i < short.length; i += 1, j += 1) {
    if (short[i] !== long[j]) {
      if (skipped) return false;
      skipped = true;
      i -= 1;
    }
  }
  return true;
}

/** Below this a course is not a match at all (a description word alone scores 3). */
export const MIN_MATCH_SCORE = 10;

/** Courses scored against `query`, matches only, best first (ties by code). */
export function rankCourses<C extends MatchableCourse>(
  query: string,
  courses: C[],
): { course: C; score: number }[] {
  return courses
    .map((course) => ({ course, score: scoreCourse(query, course) }))
    .filter((s) => s.score >= MIN_MATCH_SCORE)
    .sort((a, b) => b.score - a.score || a.course.code.localeCompare(b.course.code));
}

/**
 * The clear winners of a ranking: the top score and any within a few points of it, so
 * "forklift" keeps both the theory and the practical course.
 */
export function clearWinners<T extends { score: number }>(ranked: T[], within = 5): T[] {
  const top = ranked[0]?.score;
  return top === undefined ? [] : ranked.filter((r) => r.score >= top - within);
}
