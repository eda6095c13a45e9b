/**
 * A message the parser (and the LLM, when configured) could not place. If it names a course
 * ("first aid?"), show its sessions; otherwise say what I can do, never just "error".
 */
import { reply, say } from '../reply/build.ts';
import { handleFindSessions } from './sessions.ts';
import { readYesNo } from '../dialogue/answers.ts';
import { coursesMeant } from './lookups.ts';
import type { IntentHandler } from './turn.ts';

/** A loose message names a course when it matches at least a title phrase or a tag. */
const NAMES_A_COURSE = 55;

export const handleUnknown: IntentHandler<'unknown'> = async (turn, _intent, resolved) => {
  const text = typeof resolved.text === 'string' ? resolved.text : '';
  if (text && text.length <= 60) {
    const matches = await coursesMeant(turn, text);
    if (matches.length > 0 && matches[0]!.score >= NAMES_A_COURSE)
      return handleFindSessions(turn, { intent: 'find_sessions', slots: { course: text } }, {});
  }
  if (readYesNo(text)) {
    return reply(
      "I wasn't waiting for an answer just then, so nothing happened. What would you like to do?",
      {
        next: [
          say('My bookings', 'what am I booked on?'),
          say('Find sessions', 'what sessions are coming up?'),
          say('Help', 'help'),
        ],
      },
    );
  }
  const nonLatin = /[^\u0000-\u024f\s\d\p{P}\p{S}]/u.test(text);
  const lead = nonLatin ? 'Sorry, I only understand English for now.' : "Sorry, I didn't understand that.";
  return reply(
    `${lead} I can find and book training sessions, show your bookings and learning, and more. Try "what first aid sessions are there next month?" or type \`help\`.`,
    {
      next: [
        say('Find sessions', 'what sessions are coming up?'),
        say('My bookings', 'what am I booked on?'),
        say('Help', 'help'),
      ],
    },
  );
};
