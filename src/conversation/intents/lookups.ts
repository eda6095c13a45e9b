/**
 * The reads intent handlers share, each a call to a use case with the person asking as the
 * Actor: which courses a phrase means, one session as replies show it.
 */
import {
  type CourseMatch,
  MIN_MATCH_SCORE,
  matchCourses,
  scoreCourse,
} from '../../features/catalogue/index.ts';
import { getSession } from '../../features/sessions/index.ts';
import { isAppError } from '../../shared/app-error.ts';
import { fromListing, type SessionSummary } from '../reply/session-summary.ts';
import type { Turn } from './turn.ts';

/** The courses a phrase most likely means (one, or a few that fit equally well). */
export async function coursesMeant(turn: Turn, text: string): Promise<CourseMatch[]> {
  return (await matchCourses(turn.deps, turn.actor, { text })).best;
}

/** Whether a row's course is the one a phrase names, by the same scoring the catalogue uses. */
export function namesCourse(courseTitle: string, phrase: string): boolean {
  return scoreCourse(phrase, { code: '', title: courseTitle, tags: [], description: '' }) >= MIN_MATCH_SCORE;
}

/** One session by id, or undefined when it does not exist (an old button, a stale "it"). */
export async function sessionById(
  turn: Turn,
  sessionId: string | undefined,
): Promise<SessionSummary | undefined> {
  if (!sessionId) return undefined;
  try {
    return fromListing(await getSession(turn.deps, turn.actor, { sessionId }));
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}
