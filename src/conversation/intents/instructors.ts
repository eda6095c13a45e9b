/**
 * An admin puts an instructor on a session by message: "make Dana the trainer for first aid
 * on 19 Dec", "replace Lee with Dana on the first aid session on 19 Dec". Which session and
 * who are asked for when missing (a name typed in answer is read), nothing is written before
 * a "yes", and a clash with the instructor's other sessions or leave can go ahead only with
 * a reason, which assignInstructor writes to the audit log.
 */
import { describePeople, findPeople, isAdmin, listInstructors } from '../../features/people/index.ts';
import { assignInstructor, type Conflict } from '../../features/sessions/index.ts';
import { AppError } from '../../shared/app-error.ts';
import { formatRange, toLocal } from '../../shared/time.ts';
import type { IntentOf } from '../parse/intents.ts';
import { confirmButtons, reply, say } from '../reply/build.ts';
import type { SessionSummary } from '../reply/session-summary.ts';
import type { Reply } from '../types.ts';
import { pickSession, remember } from './pick-session.ts';
import { reasonIn } from './session-changes.ts';
import type { IntentHandler, Turn } from './turn.ts';

type AssignIntent = IntentOf<'assign_instructor'>;

/** The draft kept while a question is open: the session is "it" (remembered), the rest as said. */
const onThatSession = (intent: AssignIntent): AssignIntent => {
  const { course: _c, when: _w, ordinal: _o, ...rest } = intent.slots;
  return { ...intent, slots: { ...rest, ref: 'it' } };
};

/** Someone on the session whose name starts with the words ("lee", "lee park"). */
function namedAmong<T extends { name: string }>(people: T[], words: string): T[] {
  const wanted = words.toLowerCase().trim();
  const exact = people.filter((p) => p.name.toLowerCase() === wanted);
  if (exact.length) return exact;
  return people.filter((p) =>
    p.name
      .toLowerCase()
      .split(/\s+/)
      .some((part, i, parts) => parts.slice(i).join(' ').startsWith(wanted)),
  );
}

function askWho(
  turn: Turn,
  intent: AssignIntent,
  session: SessionSummary,
  options: { id: string; name: string }[],
): Reply {
  const prompt = `Who should teach ${session.courseTitle}, ${formatRange(session.startsAt, session.endsAt, turn.actor.timeZone, turn.locale)}? Pick one or type a name.`;
  turn.pending = {
    kind: 'choose_person',
    intent: onThatSession(intent),
    personIds: options.map((p) => p.id),
    prompt,
  };
  return reply(prompt, {
    blocks: [
      {
        type: 'choices',
        prompt,
        actionId: 'choose',
        choices: options.map((p, i) => ({ label: `${i + 1}. ${p.name}`, value: String(i + 1) })),
      },
    ],
    next: [{ label: 'Never mind', actionId: 'confirm', value: 'no' }],
    awaitingAnswer: true,
  });
}

export const handleAssignInstructor: IntentHandler<'assign_instructor'> = async (turn, intent, resolved) => {
  if (!isAdmin(turn.actor))
    return reply('Only an admin can put instructors on sessions.', {
      next: [say('Find sessions', 'what sessions are coming up?')],
    });
  const picked = await pickSession(turn, intent, resolved, { verb: 'assign an instructor to' });
  if (picked.kind === 'reply') return picked.reply;
  const session = picked.session;
  remember(turn, session);
  const zone = turn.actor.timeZone;
  const what = `${session.courseTitle}, ${formatRange(session.startsAt, session.endsAt, zone, turn.locale)}`;

  // Who teaches: a choice already made, else the name said, else asked from the list.
  let person: { id: string; name: string } | undefined;
  if (typeof resolved.personId === 'string') {
    person = (await describePeople(turn.deps, turn.actor, { personIds: [resolved.personId] }))[0];
  } else if (intent.slots.person?.kind === 'name' && intent.slots.person.name) {
    const name = intent.slots.person.name;
    const found = await findPeople(turn.deps, turn.actor, { name, role: 'instructor' });
    if (found.length === 0)
      return reply(`I couldn't find an instructor called "${name}".`, {
        next: [say('Pick from the list', `assign an instructor to it`)],
      });
    if (found.length > 1)
      return askWho(turn, { ...intent, slots: { ...intent.slots, person: undefined } }, session, found);
    person = found[0];
  }
  if (!person) {
    const everyone = (await listInstructors(turn.deps, turn.actor)).filter(
      (p) => !session.instructorIds.includes(p.id),
    );
    if (everyone.length === 0)
      return reply('Every instructor already teaches that session.', {
        next: [say('Roster', 'roster for it')],
      });
    return askWho(turn, intent, session, everyone);
  }
  if (session.instructorIds.includes(person.id) && !intent.slots.replaces)
    return reply(`${person.name} already teaches ${what}.`, { next: [say('Roster', 'roster for it')] });

  // Whom they stand in for, among the session's instructors.
  let replaced: { id: string; name: string } | undefined;
  if (intent.slots.replaces) {
    const teaching = await describePeople(turn.deps, turn.actor, { personIds: session.instructorIds });
    const matches = namedAmong(teaching, intent.slots.replaces);
    if (matches.length !== 1)
      return reply(
        `${matches.length ? `"${intent.slots.replaces}" could be ${matches.map((m) => m.name).join(' or ')}` : `"${intent.slots.replaces}" does not teach ${what}`}. Its instructors: ${teaching.map((t) => t.name).join(', ') || 'none yet'}.`,
        { next: [say('Roster', 'roster for it')] },
      );
    replaced = matches[0];
    const first = toLocal(session.startsAt, session.timeZone);
    const last = toLocal(new Date(session.endsAt.getTime() - 1), session.timeZone);
    if (first.year !== last.year || first.month !== last.month || first.day !== last.day)
      return reply(`${what} runs over several days: say which day ${person.name} covers in the admin API.`, {
        next: [say('Roster', 'roster for it')],
      });
  }
  const role = replaced ? 'substitute' : session.instructorIds.length ? 'co' : 'lead';
  const roleWords = replaced
    ? `in place of ${replaced.name}`
    : role === 'co'
      ? 'as a co-instructor'
      : 'as the lead instructor';

  const conflictSeen = resolved.conflict === true;
  const reason = conflictSeen ? reasonIn(resolved.answer) : undefined;
  const draft = {
    kind: 'confirm' as const,
    intent: onThatSession(intent),
    resolved: { sessionId: session.id, personId: person.id, ...(conflictSeen ? { conflict: true } : {}) },
    prompt: 'assign instructor',
  };
  if (!resolved.confirmed || (conflictSeen && !reason)) {
    turn.pending = draft;
    return conflictSeen
      ? reply(
          'Tell me why it should go ahead despite the clash, e.g. "yes, because the other session moves".',
          {
            next: [{ label: 'No, leave it', actionId: 'confirm', value: 'no' }],
            awaitingAnswer: true,
          },
        )
      : reply(`Put ${person.name} on ${what} ${roleWords}?`, {
          next: confirmButtons('Yes, assign'),
          awaitingAnswer: true,
        });
  }
  try {
    const result = await assignInstructor(turn.deps, turn.actor, {
      sessionId: session.id,
      personId: person.id,
      role,
      ...(replaced ? { dayIndex: 0, replacesPersonId: replaced.id } : {}),
      ...(reason ? { override: { reason } } : {}),
    });
    return reply(
      `${person.name} now teaches ${what} ${roleWords}.${result.overriddenConflicts.length ? ` Assigned despite the clash because ${reason}.` : ''}`,
      { next: [say('Roster', 'roster for it')] },
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'INSTRUCTOR_CONFLICT') {
      const conflicts = (error.details?.conflicts ?? []) as Conflict[];
      turn.pending = { ...draft, resolved: { ...draft.resolved, conflict: true } };
      return reply(
        `${person.name} is busy then. To assign anyway, reply "yes, because …" with the reason (it goes in the audit log).`,
        {
          blocks: [
            {
              type: 'table',
              columns: ['Clash', 'When'],
              rows: conflicts.map((c) => [
                c.kind === 'leave' ? `on leave${c.note ? ` (${c.note})` : ''}` : c.courseTitle,
                formatRange(c.startsAt, c.endsAt, zone, turn.locale),
              ]),
            },
          ],
          next: [{ label: 'No, leave it', actionId: 'confirm', value: 'no' }],
          awaitingAnswer: true,
        },
      );
    }
    return reply(error.userMessage, { next: [say('Roster', 'roster for it')] });
  }
};
