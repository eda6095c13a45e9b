/**
 * Which session does the person mean? A session settled earlier (button, choice), "it"
 * (the last one mentioned), "the second one" (from the last list), or a course + date,
 * resolved against the catalogue. Two or more candidates become a question with choices.
 */
import type { DateRange, Intent } from '../parse/intents.ts';
import { findSessions } from '../../features/sessions/index.ts';
import { reply, say, sessionChoices, sessionsTable } from '../reply/build.ts';
import { fromListing, type SessionSummary } from '../reply/session-summary.ts';
import { coursesMeant, sessionById } from './lookups.ts';
import type { Reply } from '../types.ts';
import type { Resolved, Turn } from './turn.ts';

export type Picked = { kind: 'one'; session: SessionSummary } | { kind: 'reply'; reply: Reply };

interface SessionSlots {
  course?: string;
  when?: DateRange;
  ref?: 'it' | 'ordinal';
  ordinal?: number;
}

export async function pickSession(
  turn: Turn,
  intent: Intent,
  resolved: Resolved,
  options: { verb: string; instructorId?: string; includePast?: boolean } = { verb: 'book' },
): Promise<Picked> {
  const slots = intent.slots as SessionSlots;
  const zone = turn.actor.timeZone;
  const found = async (id: string | undefined): Promise<Picked | undefined> => {
    const session = await sessionById(turn, id);
    return session ? { kind: 'one', session } : undefined;
  };
  if (resolved.sessionId) {
    const picked = await found(resolved.sessionId);
    if (picked) return picked;
  }
  if (slots.ref === 'ordinal' && slots.ordinal && turn.context.lastSessionIds?.length) {
    const picked = await found(turn.context.lastSessionIds[slots.ordinal - 1]);
    if (picked) return picked;
  }
  if (slots.ref === 'it' && !slots.course) {
    const picked = await found(turn.context.lastSessionId);
    if (picked) return picked;
    return {
      kind: 'reply',
      reply: reply(
        `I'm not sure which session you mean by "it". Which course would you like to ${options.verb}?`,
        { next: [say('Show upcoming sessions', 'what sessions are there next month?')] },
      ),
    };
  }

  let courseIds: string[] | undefined;
  let courseWords = '';
  if (slots.course) {
    const matches = await coursesMeant(turn, slots.course);
    if (matches.length === 0) {
      return {
        kind: 'reply',
        reply: reply(`I couldn't find a course matching "${slots.course}".`, {
          next: [say('What courses are there?', 'what sessions are coming up?'), say('Help', 'help')],
        }),
      };
    }
    courseIds = matches.map((m) => m.id);
    courseWords = matches.length === 1 ? matches[0]!.title : slots.course;
  } else if (!slots.when && turn.context.lastCourseId) {
    courseIds = [turn.context.lastCourseId];
  }
  if (!courseIds && !slots.when && !options.instructorId) {
    return {
      kind: 'reply',
      reply: reply(
        `Which session would you like to ${options.verb}? Tell me the course and, if you know it, the date — e.g. "first aid on Tuesday".`,
        { next: [say('Show upcoming sessions', 'what sessions are coming up?')], awaitingAnswer: true },
      ),
    };
  }
  const from = slots.when
    ? new Date(slots.when.from)
    : options.includePast
      ? new Date(turn.now.getTime() - 14 * 86_400_000)
      : turn.now;
  const sessions = (
    await findSessions(turn.deps, turn.actor, {
      courseIds,
      from,
      to: slots.when ? new Date(slots.when.to) : undefined,
      overlapping: true,
      instructorId: options.instructorId,
      includeCompleted: options.includePast,
      limit: 6,
    })
  ).map(fromListing);
  if (sessions.length === 0) {
    const what = courseWords || 'a session';
    const when = slots.when?.text ? ` ${slots.when.text}` : '';
    return {
      kind: 'reply',
      reply: reply(`I couldn't find ${what}${when} to ${options.verb}.`, {
        next: [
          say('Other dates', courseWords ? `${courseWords} sessions` : 'what sessions are coming up?'),
          say('My bookings', 'what am I booked on?'),
        ],
      }),
    };
  }
  if (sessions.length === 1) return { kind: 'one', session: sessions[0]! };
  const prompt = `Which one would you like to ${options.verb}?`;
  turn.context.lastSessionIds = sessions.map((s) => s.id);
  turn.pending = { kind: 'choose_session', intent, sessionIds: sessions.map((s) => s.id), prompt };
  return {
    kind: 'reply',
    reply: reply(
      `${sessions.length} sessions match. ${prompt} (answer with a number, "the second one", or press a choice)`,
      {
        blocks: [
          sessionsTable(sessions, zone, undefined, turn.locale),
          sessionChoices(sessions, zone, prompt, turn.locale),
        ],
        next: [{ label: 'Never mind', actionId: 'confirm', value: 'no' }],
        awaitingAnswer: true,
      },
    ),
  };
}

export function remember(turn: Turn, session: SessionSummary): void {
  turn.context.lastSessionId = session.id;
  turn.context.lastCourseId = session.courseId;
}
