/**
 * An admin moves someone's booking or changes a session's size by message: "move Sam
 * Brooks to the First Aid session on 17 Dec", "raise the capacity of the First Aid session
 * on 10 Dec to 4". What is missing is asked for, nothing is written before a "yes", and the
 * use cases tell the people concerned (the one moved, the ones promoted from the waitlist).
 */
import { describePeople, findPeople, isAdmin } from '../../features/people/index.ts';
import {
  changeCapacity,
  listRegistrations,
  transferRegistration,
  type SeatFill,
} from '../../features/registrations/index.ts';
import { formatRange } from '../../shared/time.ts';
import { confirmButtons, reply, say } from '../reply/build.ts';
import { pickSession, remember } from './pick-session.ts';
import type { IntentHandler, Turn } from './turn.ts';
import type { Reply } from '../types.ts';

const adminsOnly = (what: string) =>
  reply(`Only an admin can ${what}.`, { next: [say('My bookings', 'what am I booked on?')] });

/** "2 people moved up from the waitlist, in order: Ann, Bo (told)." */
async function promotedWords(turn: Turn, fills: SeatFill[]): Promise<string> {
  if (fills.length === 0) return '';
  const people = await describePeople(turn.deps, turn.actor, { personIds: fills.map((f) => f.personId) });
  const name = new Map(people.map((p) => [p.id, p.name]));
  const words = fills.map(
    (f) =>
      `${name.get(f.personId) ?? 'someone'}${f.kind === 'offered' ? ' (offered the seat)' : f.kind === 'promoted_pending_approval' ? ' (awaiting approval)' : ''}`,
  );
  return ` ${fills.length === 1 ? '1 person' : `${fills.length} people`} moved up from the waitlist, in order: ${words.join(', ')}; they have been sent a message.`;
}

export const handleTransferRegistration: IntentHandler<'transfer_registration'> = async (
  turn,
  intent,
  resolved,
) => {
  if (!isAdmin(turn.actor)) return adminsOnly("move someone else's booking");
  let personId = typeof resolved.personId === 'string' ? resolved.personId : undefined;
  let personName = '';
  if (!personId) {
    const name = intent.slots.person?.kind === 'name' ? intent.slots.person.name : undefined;
    if (!name)
      return reply('Whose booking should move? e.g. "move Sam Brooks to the First Aid session on 17 Dec".', {
        next: [say('Help', 'help')],
      });
    const found = await findPeople(turn.deps, turn.actor, { name });
    if (found.length !== 1)
      return reply(
        found.length
          ? `"${name}" could be ${found.map((p) => p.name).join(' or ')}. Use the full name.`
          : `I couldn't find anyone called "${name}".`,
        { next: [say('Help', 'help')] },
      );
    personId = found[0]!.id;
    personName = found[0]!.name;
  } else {
    personName = (await describePeople(turn.deps, turn.actor, { personIds: [personId] }))[0]?.name ?? 'them';
  }
  const picked = await pickSession(turn, intent, resolved, { verb: `move ${personName} to` });
  if (picked.kind === 'reply') {
    // A question about which session keeps who is being moved.
    if (turn.pending?.kind === 'choose_session')
      turn.pending.intent = {
        ...intent,
        slots: { ...intent.slots, person: { kind: 'name', name: personName } },
      };
    return picked.reply;
  }
  const target = picked.session;
  remember(turn, target);
  const bookings = (await listRegistrations(turn.deps, turn.actor, { personId })).filter(
    (r) =>
      r.session.courseId === target.courseId &&
      r.session.id !== target.id &&
      (!intent.slots.from ||
        (r.session.startsAt >= new Date(intent.slots.from.from) &&
          r.session.startsAt < new Date(intent.slots.from.to))),
  );
  if (bookings.length !== 1)
    return reply(
      bookings.length
        ? `${personName} has ${bookings.length} bookings on ${target.courseTitle}. Say which one it moves from, e.g. "from the one on 10 Dec".`
        : `${personName} has no other booking on ${target.courseTitle} to move.`,
      { next: [say('Help', 'help')] },
    );
  const from = bookings[0]!;
  const zone = turn.actor.timeZone;
  const fromWords = formatRange(from.session.startsAt, from.session.endsAt, zone, turn.locale);
  const toWords = formatRange(target.startsAt, target.endsAt, zone, turn.locale);
  if (!resolved.confirmed) {
    turn.pending = {
      kind: 'confirm',
      intent,
      resolved: { sessionId: target.id, personId },
      prompt: 'transfer',
    };
    return reply(
      `Move ${personName}'s booking on ${target.courseTitle} from ${fromWords} to ${toWords}? They will be told.`,
      { next: confirmButtons('Yes, move it'), awaitingAnswer: true },
    );
  }
  const result = await transferRegistration(turn.deps, turn.actor, {
    registrationId: from.registrationId,
    toSessionId: target.id,
    reason: 'moved by an admin',
    channel: turn.channel,
  });
  if (result.kind === 'full')
    return reply(`${target.courseTitle}, ${toWords}, is full, so ${personName} stays on ${fromWords}.`, {
      next: [say('Roster', 'roster for it')],
    });
  const where =
    result.kind === 'waitlisted'
      ? `onto the waitlist of ${toWords} (${result.position} in line)`
      : `to ${toWords}${result.status === 'pending_approval' ? ' (still awaiting approval)' : ''}`;
  return reply(
    `Moved ${personName} ${where}; they have been sent a message.${await promotedWords(turn, result.fills)}`,
    { next: [say('Roster', 'roster for it')] },
  );
};

export const handleChangeCapacity: IntentHandler<'change_capacity'> = async (turn, intent, resolved) => {
  if (!isAdmin(turn.actor)) return adminsOnly("change a session's capacity");
  const picked = await pickSession(turn, intent, resolved, { verb: 'change the capacity of' });
  if (picked.kind === 'reply') return picked.reply;
  const session = picked.session;
  remember(turn, session);
  const what = `${session.courseTitle}, ${formatRange(session.startsAt, session.endsAt, turn.actor.timeZone, turn.locale)}`;
  const capacity = intent.slots.capacity;
  if (capacity === undefined)
    return reply(
      `${what} has ${session.capacity} seats (${session.seatsTaken} taken, ${session.waitlisted} waiting). To how many? e.g. "raise it to ${session.capacity + 2}".`,
      { next: [say('Roster', 'roster for it')] },
    );
  if (!resolved.confirmed) {
    turn.pending = {
      kind: 'confirm',
      intent,
      resolved: { sessionId: session.id },
      prompt: 'change capacity',
    };
    const promote = Math.min(Math.max(capacity - session.seatsTaken, 0), session.waitlisted);
    return reply(
      `Change ${what} from ${session.capacity} to ${capacity} seats?${promote ? ` The first ${promote === 1 ? 'person' : `${promote} people`} on the waitlist move up, in order.` : ''}`,
      { next: confirmButtons('Yes, change it'), awaitingAnswer: true },
    );
  }
  const result = await changeCapacity(turn.deps, turn.actor, { sessionId: session.id, capacity });
  return reply(
    `${what} now has ${result.to} seats (was ${result.from}).${await promotedWords(turn, result.fills)}`,
    { next: [say('Roster', 'roster for it')] },
  );
};
