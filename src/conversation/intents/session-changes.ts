/**
 * An admin moves or cancels one session by message: "reschedule the First Aid session on
 * 10 Dec to 11 Dec", "cancel the First Aid session on 17 Dec because the trainer is ill".
 * Which session is asked when unclear, what is missing is asked for, and nothing is written
 * before a "yes". Everyone booked is told by the use cases, through the outbox.
 */
import { isAdmin } from '../../features/people/index.ts';
import { cancelSession, rescheduleSession } from '../../features/sessions/index.ts';
import { AppError } from '../../shared/app-error.ts';
import { formatRange, toLocal } from '../../shared/time.ts';
import { confirmButtons, reply, say } from '../reply/build.ts';
import { pickSession, remember } from './pick-session.ts';
import type { IntentHandler } from './turn.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (d: { year: number; month: number; day: number }) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
const hm = (d: { hour: number; minute: number }) => `${pad(d.hour)}:${pad(d.minute)}`;
const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/** The reason given after a "yes" ("yes, because the trainer is ill"), or undefined. */
export function reasonIn(answer: unknown): string | undefined {
  if (typeof answer !== 'string') return undefined;
  const reason = answer
    .trim()
    .replace(/^(yes|yeah|yep|ok|okay|sure|go ahead|do it|override)\b[\s,.:;!-]*/i, '')
    .replace(/^(anyway|regardless)\b[\s,.:;-]*/i, '')
    .replace(/^(because|as|since|due to|reason:?)\s+/i, '')
    .trim();
  return reason.length >= 3 ? reason.slice(0, 300) : undefined;
}

const adminsOnly = (what: string) =>
  reply(`Only an admin can ${what} a session.`, {
    next: [say('Find sessions', 'what sessions are coming up?')],
  });

export const handleRescheduleSession: IntentHandler<'reschedule_session'> = async (
  turn,
  intent,
  resolved,
) => {
  if (!isAdmin(turn.actor)) return adminsOnly('reschedule');
  const picked = await pickSession(turn, intent, resolved, { verb: 'reschedule' });
  if (picked.kind === 'reply') return picked.reply;
  const session = picked.session;
  remember(turn, session);
  const zone = session.timeZone;
  const current = formatRange(session.startsAt, session.endsAt, turn.actor.timeZone, turn.locale);
  const to = intent.slots.to;
  if (!to) {
    return reply(
      `To when should ${session.courseTitle}, ${current}, move? e.g. "reschedule it to 11 Dec" or "to 11 Dec at 1pm".`,
      { next: [say('Help', 'help')] },
    );
  }
  const start = toLocal(session.startsAt, zone);
  const end = toLocal(session.endsAt, zone);
  if (ymd(start) !== ymd(end))
    return reply(
      `${session.courseTitle}, ${current}, runs over several days: move it day by day in the admin API.`,
      { next: [say('Roster', 'roster for it')] },
    );
  // A date keeps the session's own times; a time given ("at 1pm") moves the start, same length.
  const target = toLocal(new Date(to.from), to.hasTime ? zone : turn.actor.timeZone);
  const length = session.endsAt.getTime() - session.startsAt.getTime();
  const newStart = to.hasTime ? hm(target) : hm(start);
  const startMinutes = Number(newStart.slice(0, 2)) * 60 + Number(newStart.slice(3));
  const endMinutes = startMinutes + Math.round(length / 60_000);
  if (endMinutes >= 24 * 60)
    return reply('That would run past midnight. Pick an earlier start.', { next: [say('Help', 'help')] });
  const day = {
    date: ymd(target),
    start: newStart,
    end: `${pad(Math.floor(endMinutes / 60))}:${pad(endMinutes % 60)}`,
  };
  if (!resolved.confirmed) {
    turn.pending = { kind: 'confirm', intent, resolved: { sessionId: session.id }, prompt: 'reschedule' };
    return reply(
      `Move ${session.courseTitle} from ${current} to ${day.date} ${day.start}–${day.end} (${zone})? ${session.seatsTaken + session.waitlisted ? `The ${people(session.seatsTaken + session.waitlisted)} booked or waiting will be told.` : 'Nobody is booked yet.'}`,
      { next: confirmButtons('Yes, move it'), awaitingAnswer: true },
    );
  }
  const result = await rescheduleSession(turn.deps, turn.actor, { sessionId: session.id, days: [day] });
  return reply(
    `Moved ${session.courseTitle} to ${formatRange(result.startsAt, result.endsAt, turn.actor.timeZone, turn.locale)}. ${result.notified ? `${people(result.notified)} will be told.` : 'Nobody was booked, so nobody needed telling.'}`,
    { next: [say('Roster', 'roster for it')] },
  );
};

export const handleCancelSession: IntentHandler<'cancel_session'> = async (turn, intent, resolved) => {
  if (!isAdmin(turn.actor)) return adminsOnly('cancel');
  const picked = await pickSession(turn, intent, resolved, { verb: 'cancel' });
  if (picked.kind === 'reply') return picked.reply;
  const session = picked.session;
  remember(turn, session);
  const current = `${session.courseTitle}, ${formatRange(session.startsAt, session.endsAt, turn.actor.timeZone, turn.locale)}`;
  const reason = intent.slots.reason ?? reasonIn(resolved.answer);
  const affected = session.seatsTaken + session.waitlisted;
  if (!resolved.confirmed || !reason) {
    turn.pending = { kind: 'confirm', intent, resolved: { sessionId: session.id }, prompt: 'cancel session' };
    const told = affected
      ? `The ${people(affected)} booked or waiting will be told and the waitlist closed.`
      : 'Nobody is booked yet.';
    return reason
      ? reply(`Cancel ${current} because ${reason}? ${told}`, {
          next: confirmButtons('Yes, cancel it'),
          awaitingAnswer: true,
        })
      : reply(
          `Cancel ${current}? ${told} Reply "yes, because …" with the reason: the people booked will see it.`,
          { next: [{ label: 'No, leave it', actionId: 'confirm', value: 'no' }], awaitingAnswer: true },
        );
  }
  try {
    const result = await cancelSession(turn.deps, turn.actor, { sessionId: session.id, reason });
    return reply(
      `Cancelled ${current}. ${result.notified ? `${people(result.notified)} will be told, and the waitlist is closed.` : 'Nobody was booked.'}`,
      { next: [say('Find sessions', `${session.courseCode} sessions`)] },
    );
  } catch (error) {
    if (error instanceof AppError) return reply(error.userMessage, { next: [say('Help', 'help')] });
    throw error;
  }
};
