import { isAdmin, isInstructor, type Actor } from '../../features/people/index.ts';
import { reply, say } from '../reply/build.ts';
import type { IntentHandler } from './turn.ts';

/** What this person can ask, by role, with examples they can press. */
export function helpText(actor: Actor): { lines: string[]; examples: [string, string][] } {
  const lines = [
    '*Training:* "what first aid sessions are there next month?", "book me on Fire Safety on Tuesday", "put me on the waitlist", "cancel my Friday booking", "what am I booked on?"',
    '*Learning:* "what have I completed?", "what\'s overdue?", "start the GDPR course", "send me my forklift certificate", "what should I learn next?"',
  ];
  const examples: [string, string][] = [
    ['Find sessions', 'what sessions are there next month?'],
    ['My bookings', 'what am I booked on?'],
    ['My learning', "what's overdue?"],
  ];
  if (actor.isManager) {
    lines.push(
      '*Your team:* "how is my team doing on compliance?", "who expires in the next 60 days?", "remind the overdue ones", "approve Sam\'s request", "book Priya on Thursday\'s Excel session"',
    );
    examples.unshift(['Team compliance', 'how is my team doing on compliance?']);
  }
  if (isInstructor(actor)) {
    lines.push('*Your sessions:* "who\'s on my session tomorrow?", "mark attendance", "Bob was a no-show"');
    examples.unshift(['My rosters', "who's on my sessions this week?"]);
  }
  if (isAdmin(actor)) {
    lines.push(
      '*Admin:* "schedule First Aid every Tuesday 9am-4pm for 4 weeks in Room 2 with Dana and Lee, 12 seats", "add a venue cost of £400 to that session", "cost per learner for the Leadership programme this quarter", "compliance report for Operations as CSV", "attendance vs registrations last month"',
    );
    examples.unshift(['Compliance report', 'compliance report as CSV']);
  }
  return { lines, examples };
}

export const handleHelp: IntentHandler<'help'> = async (turn) => {
  const { lines, examples } = helpText(turn.actor);
  const text = `Hi ${turn.actor.name.split(' ')[0]}, here is what you can ask me:\n${lines.map((l) => `• ${l}`).join('\n')}`;
  return reply(text, { next: examples.slice(0, 4).map(([label, t]) => say(label, t)) });
};
