/**
 * Follow-ups resolved against what the dialogue last showed: a pick from the last session list
 * ("the second one", "that one", "the Manchester one", "the afternoon one"), a repeat for
 * someone else ("same for Sam"), a repeat for another period ("and next month?"), and a
 * correction of the pending draft ("no, Thursday", "yes but for Priya"). The intent handlers
 * do the work, so every repeat goes through the same use cases and the same rights checks.
 */
import type { Intent, FollowUp, IntentName } from '../parse/intents.ts';
import { ZIntent } from '../parse/intents.ts';
import { confirmButtons, reply, say, sessionChoices, sessionLine, sessionsTable } from '../reply/build.ts';
import type { SessionSummary } from '../reply/session-summary.ts';
import { sessionById } from '../intents/lookups.ts';
import { pickSession } from '../intents/pick-session.ts';
import type { Resolved, Turn } from '../intents/turn.ts';
import type { Reply } from '../types.ts';
import type { Pending } from './state.ts';

export type RunIntent = (turn: Turn, intent: Intent, resolved: Resolved) => Promise<Reply>;
export interface FollowUpResult {
  intent: Intent;
  reply: Reply;
}

/** What picking from a list goes on to do, by the intent that showed the list. */
const ACT_ON_PICK: Partial<Record<IntentName, IntentName>> = {
  find_sessions: 'book_session',
  my_bookings: 'session_roster',
};
/** Intents whose pick from a list is the session they act on. */
const SESSION_INTENTS = new Set<IntentName>([
  'book_session',
  'join_waitlist',
  'cancel_booking',
  'session_roster',
  'record_attendance',
  'add_cost',
]);
/** Questions a new period can be asked again of, and the slot holding the period. */
const PERIOD_SLOT: Partial<Record<IntentName, 'when' | 'period'>> = {
  find_sessions: 'when',
  my_bookings: 'when',
  session_roster: 'when',
  report: 'period',
};
/** Changes made for one person that "same for Sam" can repeat for another. */
export const REPEATABLE = new Set<IntentName>([
  'book_session',
  'cancel_booking',
  'join_waitlist',
  'my_learning',
  'my_certificates',
  'record_attendance',
  'nudge',
]);

const PART_OF_DAY: Record<string, [number, number]> = {
  morning: [0, 12],
  afternoon: [12, 17],
  evening: [17, 24],
};

export async function resolveFollowUp(
  turn: Turn,
  followUp: FollowUp,
  pending: Pending | undefined,
  run: RunIntent,
): Promise<FollowUpResult | undefined> {
  switch (followUp.kind) {
    case 'ordinal':
    case 'that':
    case 'attribute':
      return pickFromList(turn, followUp, pending, run);
    case 'same_for':
      return sameFor(turn, followUp, run);
    case 'and_period':
      return andPeriod(turn, followUp, run);
    case 'correction':
      return correct(turn, followUp, pending, run);
  }
}

async function pickFromList(
  turn: Turn,
  followUp: FollowUp,
  pending: Pending | undefined,
  run: RunIntent,
): Promise<FollowUpResult | undefined> {
  const fromPending = pending?.kind === 'choose_session';
  const ids = fromPending ? pending.sessionIds : (turn.context.lastSessionIds ?? []);
  const listIntent = fromPending ? pending.intent : turn.context.lastListIntent;
  const name = listIntent ? (ACT_ON_PICK[listIntent.intent] ?? listIntent.intent) : 'book_session';
  if (!SESSION_INTENTS.has(name)) return undefined;
  // The intent keeps its other slots (the person being booked, the cost), never the list's date.
  const base = listIntent && listIntent.intent === name ? listIntent : { intent: name, slots: {} };
  const action = ZIntent.parse({
    intent: base.intent,
    slots: { ...base.slots, when: undefined, ref: undefined, ordinal: undefined, course: undefined },
  });
  let chosen: string[];
  if (followUp.kind === 'ordinal') {
    const at = followUp.ordinal === -1 ? ids.length - 1 : (followUp.ordinal ?? 0) - 1;
    chosen = ids[at] ? [ids[at]!] : [];
  } else if (followUp.kind === 'that') {
    const last = turn.context.lastSessionId;
    chosen = ids.length === 1 ? ids : last && (ids.length === 0 || ids.includes(last)) ? [last] : [];
    if (!chosen.length && ids.length > 1)
      return askWhich(turn, action, await summaries(turn, ids), 'Which one do you mean?');
  } else {
    const sessions = (await summaries(turn, ids)).filter((s) =>
      matches(s, followUp.attribute ?? '', turn.actor.timeZone),
    );
    if (sessions.length > 1)
      return askWhich(
        turn,
        action,
        sessions,
        `${sessions.length} of them fit "${followUp.attribute}". Which one?`,
      );
    chosen = sessions.map((s) => s.id);
  }
  if (!chosen.length) {
    return {
      intent: action,
      reply: reply(
        ids.length
          ? 'I couldn\'t tell which of the sessions I showed you mean. Say its number, e.g. "the second one".'
          : "I haven't shown you a list of sessions to pick from yet.",
        { next: [say('Upcoming sessions', 'what sessions are coming up?')] },
      ),
    };
  }
  return { intent: action, reply: await run(turn, action, { sessionId: chosen[0] }) };
}

async function summaries(turn: Turn, ids: string[]): Promise<SessionSummary[]> {
  const found = await Promise.all(ids.map((id) => sessionById(turn, id)));
  return found.filter((s): s is SessionSummary => s !== undefined);
}

/** Whether a word picks this session: its place, its course, its part of day or its weekday. */
function matches(s: SessionSummary, attribute: string, zone: string): boolean {
  const word = attribute.toLowerCase().trim();
  if (!word) return false;
  // Read, not shown: en-GB here only turns the instant into an hour and an English weekday
  // to compare with the words typed, whatever the reader's locale.
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: zone }).format(
      s.startsAt,
    ),
  );
  const part = PART_OF_DAY[word];
  if (part) return hour >= part[0] && hour < part[1];
  const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: zone })
    .format(s.startsAt)
    .toLowerCase();
  if (
    weekday === word ||
    (weekday.startsWith(word.slice(0, 3)) && word.length >= 3 && /^(mon|tue|wed|thu|fri|sat|sun)/.test(word))
  )
    return true;
  return [s.where, s.courseTitle, s.courseCode].some((v) => v.toLowerCase().includes(word));
}

function askWhich(turn: Turn, intent: Intent, sessions: SessionSummary[], prompt: string): FollowUpResult {
  const zone = turn.actor.timeZone;
  turn.context.lastSessionIds = sessions.map((s) => s.id);
  turn.pending = { kind: 'choose_session', intent, sessionIds: sessions.map((s) => s.id), prompt };
  return {
    intent,
    reply: reply(prompt, {
      blocks: [
        sessionsTable(sessions, zone, undefined, turn.locale),
        sessionChoices(sessions, zone, prompt, turn.locale),
      ],
      next: [{ label: 'Never mind', actionId: 'confirm', value: 'no' }],
      awaitingAnswer: true,
    }),
  };
}

async function sameFor(turn: Turn, followUp: FollowUp, run: RunIntent): Promise<FollowUpResult> {
  const last = turn.context.lastAction;
  if (!last || !followUp.person) {
    const intent: Intent = { intent: 'unknown', slots: {} };
    return {
      intent,
      reply: reply(
        'I\'m not sure what to do again — tell me the whole request, e.g. "book Sam on first aid on Tuesday".',
        {
          next: [say('Help', 'help')],
        },
      ),
    };
  }
  const checked = ZIntent.safeParse({
    intent: last.intent.intent,
    slots: { ...last.intent.slots, person: followUp.person },
  });
  const intent = checked.success ? checked.data : last.intent;
  return { intent, reply: await run(turn, intent, last.sessionId ? { sessionId: last.sessionId } : {}) };
}

async function andPeriod(turn: Turn, followUp: FollowUp, run: RunIntent): Promise<FollowUpResult> {
  const last = turn.context.lastQuery;
  const slot = last ? PERIOD_SLOT[last.intent] : undefined;
  if (!last || !slot || !followUp.when) {
    return {
      intent: { intent: 'unknown', slots: {} },
      reply: reply(
        `What would you like to know ${followUp.when?.text ?? 'then'}? For example "what sessions are there ${followUp.when?.text ?? 'next month'}?".`,
        {
          next: [say('Sessions then', `what sessions are there ${followUp.when?.text ?? 'next month'}?`)],
        },
      ),
    };
  }
  const intent = ZIntent.parse({ intent: last.intent, slots: { ...last.slots, [slot]: followUp.when } });
  return { intent, reply: await run(turn, intent, {}) };
}

/**
 * "no, Thursday" / "yes but for Priya": the pending draft with one thing changed. A draft is
 * never lost — when the corrected one cannot be made, the old question stays open.
 */
async function correct(
  turn: Turn,
  followUp: FollowUp,
  pending: Pending | undefined,
  run: RunIntent,
): Promise<FollowUpResult | undefined> {
  if (!pending) return undefined;
  const draft = pending.intent;
  if (followUp.person) {
    const checked = ZIntent.safeParse({
      intent: draft.intent,
      slots: { ...draft.slots, person: followUp.person },
    });
    if (!checked.success || !('person' in checked.data.slots))
      return keepDraft(turn, pending, `I can't change who that is for.`);
    const resolved: Resolved = pending.kind === 'confirm' ? { ...pending.resolved } : {};
    delete resolved.personId;
    if (followUp.confirms) resolved.confirmed = true;
    const out = await run(turn, checked.data, resolved);
    return { intent: checked.data, reply: out };
  }
  if (!followUp.when) return undefined;
  const checked = ZIntent.safeParse({
    intent: draft.intent,
    slots: { ...draft.slots, when: followUp.when, ref: undefined, ordinal: undefined },
  });
  if (!checked.success || !('when' in checked.data.slots))
    return keepDraft(turn, pending, `I can't change the date of that.`);
  let corrected = checked.data;
  const resolved: Resolved = pending.kind === 'confirm' ? { ...pending.resolved } : {};
  delete resolved.confirmed;
  if (SESSION_INTENTS.has(corrected.intent)) {
    // The draft's course stays: only the date changes.
    const drafted = await sessionById(
      turn,
      typeof resolved.sessionId === 'string' ? resolved.sessionId : undefined,
    );
    if (drafted && !('course' in corrected.slots && corrected.slots.course))
      corrected = ZIntent.parse({
        intent: corrected.intent,
        slots: { ...corrected.slots, course: drafted.courseCode },
      });
    const picked = await pickSession(turn, corrected, {}, { verb: 'choose' });
    if (picked.kind === 'reply') {
      // Several fit: the question asked is the new draft. None fit: the old draft stays.
      if (turn.pending) return { intent: corrected, reply: picked.reply };
      return keepDraft(turn, pending, picked.reply.text);
    }
    turn.context.lastSessionId = picked.session.id;
    turn.pending = {
      kind: 'confirm',
      intent: corrected,
      resolved: { ...resolved, sessionId: picked.session.id },
      prompt: 'corrected',
    };
    return {
      intent: corrected,
      reply: reply(
        `Changed to ${sessionLine(picked.session, turn.actor.timeZone, turn.locale)}. Shall I go ahead?`,
        {
          next: confirmButtons('Yes, go ahead'),
          awaitingAnswer: true,
        },
      ),
    };
  }
  delete resolved.sessionId;
  const out = await run(turn, corrected, resolved);
  if (!turn.pending) return keepDraft(turn, pending, out.text);
  return { intent: corrected, reply: out };
}

function keepDraft(turn: Turn, pending: Pending, why: string): FollowUpResult {
  turn.pending = pending;
  return {
    intent: pending.intent,
    reply:
      pending.kind === 'confirm'
        ? reply(`${why} Your earlier request is still waiting — answer yes or no to it.`, {
            next: confirmButtons(),
            awaitingAnswer: true,
          })
        : reply(`${why} Your earlier question is still open: ${pending.prompt}`, {
            next: [{ label: 'Never mind', actionId: 'confirm', value: 'no' }],
            awaitingAnswer: true,
          }),
  };
}
