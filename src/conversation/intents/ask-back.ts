/**
 * Replies for messages that are not a request to act on: too unsure to act ("Did you mean …"
 * with the likeliest readings as buttons), small talk and other topics (a friendly redirect),
 * and messages in another language. Each reply lists things one can ask, as buttons.
 */
import type { Actor } from '../../features/people/index.ts';
import type { Alternative, UnderstoodIntentName } from '../parse/intents.ts';
import { reply, say } from '../reply/build.ts';
import type { Reply, ReplyButton } from '../types.ts';
import { helpText } from './help.ts';

/**
 * How each reading is offered back: words that fit "Did you mean: …" and the canonical
 * utterance a press sends (through `say`, so pressing runs exactly that reading).
 */
const READINGS: Partial<Record<UnderstoodIntentName, { label: string; utterance: string }>> = {
  help: { label: 'what I can do', utterance: 'help' },
  find_sessions: { label: 'upcoming sessions', utterance: 'what sessions are coming up?' },
  book_session: { label: 'booking a session', utterance: 'book me on a session' },
  join_waitlist: { label: 'joining a waitlist', utterance: 'put me on the waitlist' },
  cancel_booking: { label: 'cancelling a booking', utterance: 'cancel my booking' },
  my_bookings: { label: 'your bookings', utterance: 'what am I booked on?' },
  my_learning: { label: 'your learning', utterance: 'my learning' },
  launch_course: { label: 'starting a course', utterance: 'start a course' },
  my_certificates: { label: 'your certificates', utterance: 'my certificates' },
  recommend: { label: 'what to learn next', utterance: 'what should I learn next?' },
  team_compliance: { label: "your team's compliance", utterance: 'how is my team doing on compliance?' },
  nudge: { label: 'reminding people', utterance: 'remind the overdue ones' },
  approve_request: { label: 'requests to approve', utterance: 'show pending approvals' },
  session_roster: { label: 'a session roster', utterance: "who's on my sessions this week?" },
  record_attendance: { label: 'marking attendance', utterance: 'mark attendance' },
  schedule_sessions: { label: 'scheduling sessions', utterance: 'schedule sessions' },
  add_cost: { label: 'adding a cost', utterance: 'add a cost' },
  report: { label: 'a report', utterance: 'compliance report' },
  open_web_chat: { label: 'the web chat', utterance: 'open Rollcall in my browser' },
  my_journeys: { label: 'your learning journeys', utterance: 'my journeys' },
  journey_progress: { label: 'your journey progress', utterance: 'my journeys' },
  start_journey: { label: 'starting a learning journey', utterance: 'start a learning journey' },
  assign_instructor: { label: 'assigning an instructor', utterance: 'assign an instructor to a session' },
  add_vendor: { label: 'adding a vendor', utterance: 'add a vendor' },
  raise_purchase_order: { label: 'raising a purchase order', utterance: 'raise a purchase order' },
  set_certificate_validity: { label: 'certificate validity', utterance: 'change a certificate validity' },
};

/** A guess below this share is noise, not a reading worth a button. */
const WORTH_OFFERING = 0.1;

/** The readings worth offering: ones with an utterance, best first, at most three. */
export function offerable(alternatives: Alternative[]): { label: string; utterance: string }[] {
  const seen = new Set<string>();
  const out: { label: string; utterance: string }[] = [];
  for (const a of alternatives) {
    const reading = READINGS[a.intent];
    if (a.confidence < WORTH_OFFERING) continue;
    if (!reading || seen.has(reading.utterance)) continue;
    seen.add(reading.utterance);
    out.push(reading);
  }
  return out.slice(0, 3);
}

/** "Did you mean: your team's compliance · a session roster?" — one button per reading. */
export function didYouMean(readings: { label: string; utterance: string }[]): Reply {
  const buttons: ReplyButton[] = readings.map((r) => say(capitalise(r.label), r.utterance));
  return reply(`I'm not sure what you meant. Did you mean: ${readings.map((r) => r.label).join(' · ')}?`, {
    next: [...buttons, say('Something else (help)', 'help')],
  });
}

/** Small talk or another topic: a friendly answer, then what one can ask. */
export function smallTalkReply(actor: Actor, understood: 'small_talk' | 'out_of_domain'): Reply {
  const lead =
    understood === 'small_talk'
      ? `Hi ${actor.name.split(' ')[0]}! I'm Rollcall, your training assistant.`
      : "That's outside what I know about — I only do training.";
  return withExamples(actor, `${lead} Here is what you can ask me:`);
}

/** A message in another language: say so plainly, in English, with examples to press. */
export function otherLanguageReply(actor: Actor): Reply {
  return withExamples(actor, 'Sorry — I can only read English for now. For example, you can ask:');
}

function withExamples(actor: Actor, lead: string): Reply {
  const { examples } = helpText(actor);
  const shown = examples.slice(0, 4);
  return reply(
    `${lead}\n${shown.map(([, text]) => `• "${text}"`).join('\n')}\nType \`help\` for everything.`,
    {
      next: shown.map(([label, text]) => say(label, text)),
    },
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
