/**
 * Booking intents wired to the TMS use cases: book, join a waitlist, cancel, approve or
 * decline a request. The conversation decides what is meant and asks when needed; the use
 * cases decide what is allowed (the Actor is always the person who wrote the message).
 */
import {
  approveRegistration,
  bookSession,
  cancelRegistration,
  declineRegistration,
  getRegistration,
  listPendingApprovals,
  listRegistrations,
} from '../../features/registrations/index.ts';
import { formatRange } from '../../shared/time.ts';
import { confirmButtons, reply, say, sessionChoices, sessionLine } from '../reply/build.ts';
import type { SessionSummary } from '../reply/session-summary.ts';
import { coursesMeant, sessionById } from './lookups.ts';
import type { Channel, ReplyButton } from '../types.ts';
import { pickPerson } from './people.ts';
import { pickSession, remember } from './pick-session.ts';
import { myJourneys } from '../../features/journeys/index.ts';
import { takeNextStep } from './journeys.ts';
import type { IntentHandler, Turn } from './turn.ts';

const channelOf = (turn: Turn): Channel => turn.channel;
/** Bookings a person can still cancel from chat (attended and no-show are history). */
const CANCELLABLE = ['confirmed', 'pending_approval', 'offered', 'waitlisted'];
const when = (turn: Turn, s: SessionSummary) =>
  formatRange(s.startsAt, s.endsAt, turn.actor.timeZone, turn.locale);

export const handleBookSession: IntentHandler<'book_session'> = async (turn, intent, resolved) => {
  // "book the next step": the next open step of the journey the person is on.
  if (intent.slots.course && /^(the )?(next )?step$/.test(intent.slots.course.trim())) {
    const open = (await myJourneys(turn.deps, turn.actor)).filter((j) => j.next);
    if (open.length === 1) return takeNextStep(turn, open[0]!);
    return reply(
      open.length
        ? `Which journey? You are on ${open.map((j) => j.title).join(' and ')}.`
        : 'You have no open journey step to book.',
      { next: [say('My journeys', 'my journeys')] },
    );
  }
  if (intent.slots.person?.kind === 'team') {
    return reply(
      'I book one person at a time from chat. Name who to book, e.g. "book Priya on Thursday\'s Excel session".',
      { next: [say('Team compliance', 'how is my team doing on compliance?')] },
    );
  }
  const who = await pickPerson(turn, intent, intent.slots.person, resolved);
  if (who.kind === 'reply') return who.reply;
  const picked = await pickSession(
    turn,
    intent,
    { ...resolved, sessionId: resolved.sessionId },
    { verb: 'book' },
  );
  if (picked.kind === 'reply') return picked.reply;
  const session = picked.session;
  remember(turn, session);
  const forOther = who.kind === 'one';
  const personId = forOther ? who.person.id : turn.actor.personId;

  if (forOther && !resolved.confirmed) {
    // Only a preview: whether there is a seat is decided when the booking is made.
    const full = session.seatsTaken >= session.capacity;
    turn.pending = {
      kind: 'confirm',
      intent,
      resolved: { sessionId: session.id, personId },
      prompt: 'book someone else',
    };
    return reply(
      `Book ${who.person.name} on ${sessionLine(session, turn.actor.timeZone, turn.locale)}?${full ? ' It is full, so they would join the waitlist.' : ''}`,
      { next: confirmButtons(`Yes, book ${who.person.name.split(' ')[0]}`), awaitingAnswer: true },
    );
  }
  // A person booking themself is asked before joining a waitlist; bookSession tells us,
  // under the session lock, whether the session is full (and then books nothing).
  const result = await bookSession(turn.deps, turn.actor, {
    sessionId: session.id,
    personId,
    channel: channelOf(turn),
    whenFull: forOther || resolved.confirmed ? 'waitlist' : 'report',
  });
  if (result.kind === 'full') {
    turn.pending = {
      kind: 'confirm',
      intent: { intent: 'join_waitlist', slots: {} },
      resolved: { sessionId: session.id },
      prompt: 'join the waitlist',
    };
    return reply(
      `${session.courseTitle} on ${when(turn, session)} is full${result.waitlisted ? ` (${result.waitlisted} already waiting)` : ''}. Shall I put you on the waitlist? ${
        result.waitlistMode === 'offer'
          ? 'If a seat frees up, it is offered to you for a while and you accept it or let it go.'
          : "You'll get the seat automatically if one frees up."
      }`,
      {
        next: [
          ...confirmButtons('Yes, join the waitlist'),
          say('Other dates', `${session.courseCode} sessions`),
        ],
        awaitingAnswer: true,
      },
    );
  }
  turn.context.lastRegistrationId = result.registrationId;
  const name = forOther ? who.person.name : 'You';
  const next: ReplyButton[] = [
    {
      label: 'Cancel this booking',
      actionId: 'cancel_booking',
      value: result.registrationId,
      style: 'danger',
    },
    say('My bookings', forOther ? 'what am I booked on?' : 'what am I booked on?'),
  ];
  switch (result.kind) {
    case 'confirmed':
      return reply(
        `${name === 'You' ? "You're" : `${name} is`} booked on ${session.courseTitle}, ${when(turn, session)}, ${session.where}.${result.overbooked ? ' (overbooked)' : ''}`,
        { next },
      );
    case 'waitlisted':
      return reply(
        `${name === 'You' ? "You're" : `${name} is`} on the waitlist for ${session.courseTitle}, ${when(turn, session)} — number ${result.position} in the queue.`,
        { next },
      );
    case 'pending_approval':
      return reply(
        `${session.courseTitle} needs manager approval, so I've held a seat for ${name === 'You' ? 'you' : name} on ${when(turn, session)}${
          // Say only what was queued: the request goes to a manager; without one, nobody is told.
          result.approverId
            ? ' and asked your manager to approve it.'
            : '. There is no manager on record to ask, so an admin has to approve it under "pending approvals".'
        }`,
        { next },
      );
  }
};

export const handleJoinWaitlist: IntentHandler<'join_waitlist'> = async (turn, intent, resolved) => {
  if (intent.slots.person?.kind === 'team')
    return reply(
      'I put one person at a time on a waitlist. Name who, e.g. "put Priya on the Excel waitlist".',
      {
        next: [say('Team compliance', 'how is my team doing on compliance?')],
      },
    );
  const who = await pickPerson(turn, intent, intent.slots.person, resolved);
  if (who.kind === 'reply') return who.reply;
  // Someone else: the path of booking them, which asks first and waitlists them on a full session.
  if (who.kind === 'one')
    return handleBookSession(
      turn,
      { intent: 'book_session', slots: intent.slots },
      { ...resolved, personId: who.person.id },
    );
  const picked = await pickSession(turn, intent, resolved, { verb: 'join the waitlist of' });
  if (picked.kind === 'reply') return picked.reply;
  const session = picked.session;
  remember(turn, session);
  if (session.seatsTaken < session.capacity && !resolved.confirmed) {
    const left = session.capacity - session.seatsTaken;
    turn.pending = {
      kind: 'confirm',
      intent: { intent: 'book_session', slots: {} },
      resolved: { sessionId: session.id },
      prompt: 'book instead',
    };
    return reply(
      `Good news: ${session.courseTitle} on ${when(turn, session)} still has ${left} seat${left === 1 ? '' : 's'}. Book you a seat instead?`,
      { next: confirmButtons('Yes, book me'), awaitingAnswer: true },
    );
  }
  const result = await bookSession(turn.deps, turn.actor, {
    sessionId: session.id,
    channel: channelOf(turn),
  });
  turn.context.lastRegistrationId = result.registrationId;
  const next: ReplyButton[] = [
    { label: 'Leave the waitlist', actionId: 'cancel_booking', value: result.registrationId },
    say('My bookings', 'what am I booked on?'),
  ];
  if (result.kind === 'waitlisted')
    return reply(
      `You're on the waitlist for ${session.courseTitle}, ${when(turn, session)} — number ${result.position} in the queue. I'll tell you if a seat frees up.`,
      { next },
    );
  if (result.kind === 'confirmed')
    return reply(
      `A seat was free after all: you're booked on ${session.courseTitle}, ${when(turn, session)}.`,
      { next },
    );
  return reply(
    `I've held a seat for you on ${session.courseTitle}, ${when(turn, session)}; it needs your manager's approval.`,
    { next },
  );
};

export const handleCancelBooking: IntentHandler<'cancel_booking'> = async (turn, intent, resolved) => {
  const who = await pickPerson(turn, intent, intent.slots.person, resolved);
  if (who.kind === 'reply') return who.reply;
  const personId = who.kind === 'one' ? who.person.id : turn.actor.personId;
  let registrationId = resolved.registrationId;
  if (!registrationId && intent.slots.ref === 'it' && !intent.slots.course && turn.context.lastRegistrationId)
    registrationId = turn.context.lastRegistrationId;
  if (!registrationId) {
    let bookings = (await listRegistrations(turn.deps, turn.actor, { personId })).filter((b) =>
      CANCELLABLE.includes(b.status),
    );
    if (resolved.sessionId) bookings = bookings.filter((b) => b.session.id === resolved.sessionId);
    if (intent.slots.when) {
      const from = new Date(intent.slots.when.from);
      const to = new Date(intent.slots.when.to);
      bookings = bookings.filter((b) => b.session.startsAt < to && b.session.endsAt > from);
    }
    if (intent.slots.course) {
      const ids = new Set((await coursesMeant(turn, intent.slots.course)).map((m) => m.id));
      bookings = bookings.filter((b) => ids.has(b.session.courseId));
    }
    if (intent.slots.ref === 'ordinal' && intent.slots.ordinal && turn.context.lastSessionIds) {
      const sessionId = turn.context.lastSessionIds[intent.slots.ordinal - 1];
      bookings = bookings.filter((b) => b.session.id === sessionId);
    }
    if (bookings.length === 0) {
      return reply(
        `I couldn't find ${who.kind === 'one' ? `a booking of ${who.person.name}'s` : 'a booking of yours'} matching that.`,
        { next: [say('My bookings', 'what am I booked on?')] },
      );
    }
    if (bookings.length > 1) {
      const sessions = (await Promise.all(bookings.map((b) => sessionById(turn, b.session.id)))).filter(
        (found): found is SessionSummary => found !== undefined,
      );
      const prompt = 'Which booking should I cancel?';
      turn.context.lastSessionIds = sessions.map((s) => s.id);
      turn.pending = { kind: 'choose_session', intent, sessionIds: sessions.map((s) => s.id), prompt };
      return reply(`${prompt} (answer with a number or press a choice)`, {
        blocks: [sessionChoices(sessions, turn.actor.timeZone, prompt, turn.locale)],
        next: [{ label: 'Never mind', actionId: 'confirm', value: 'no' }],
        awaitingAnswer: true,
      });
    }
    registrationId = bookings[0]!.registrationId;
  }
  const registration = await getRegistration(turn.deps, turn.actor, { registrationId });
  const session = await sessionById(turn, registration.sessionId);
  const forOther = registration.personId !== turn.actor.personId;
  if (session && forOther && !resolved.confirmed) {
    turn.pending = {
      kind: 'confirm',
      intent,
      resolved: { registrationId },
      prompt: 'cancel for someone else',
    };
    return reply(
      `Cancel ${registration.personName}'s place on ${session.courseTitle}, ${when(turn, session)}? They will be told.`,
      { next: confirmButtons('Yes, cancel it'), awaitingAnswer: true },
    );
  }
  const result = await cancelRegistration(turn.deps, turn.actor, { registrationId });
  turn.context.lastRegistrationId = undefined;
  const what = session ? `${session.courseTitle}, ${when(turn, session)}` : 'that session';
  const promoted = result.fills.length ? ' The seat went to the next person on the waitlist.' : '';
  return reply(
    `Cancelled ${forOther ? `${registration.personName}'s` : 'your'} place on ${what}.${promoted}`,
    {
      next: [
        say('Find another date', session ? `${session.courseCode} sessions` : 'what sessions are coming up?'),
        say('My bookings', 'what am I booked on?'),
      ],
    },
  );
};

export const handleApproveRequest: IntentHandler<'approve_request'> = async (turn, intent, resolved) => {
  const decision = intent.slots.decision;
  const zone = turn.actor.timeZone;
  if (resolved.registrationId && resolved.confirmed) {
    const input = { registrationId: resolved.registrationId };
    const result =
      decision === 'decline'
        ? await declineRegistration(turn.deps, turn.actor, input)
        : await approveRegistration(turn.deps, turn.actor, input);
    const session = await sessionById(turn, result.sessionId);
    return reply(
      `${decision === 'decline' ? 'Declined' : 'Approved'}${session ? `: ${session.courseTitle}, ${formatRange(session.startsAt, session.endsAt, zone, turn.locale)}` : ''}. They have been told.`,
      {
        next: [
          say('Other requests', 'show pending approvals'),
          say('Team compliance', 'how is my team doing on compliance?'),
        ],
      },
    );
  }
  let requests = await listPendingApprovals(turn.deps, turn.actor);
  if (intent.slots.person?.name) {
    const name = intent.slots.person.name.toLowerCase();
    requests = requests.filter(
      (r) =>
        r.person.name
          .toLowerCase()
          .split(/\s+/)
          .some((part) => part.startsWith(name)) || r.person.email.startsWith(name),
    );
  }
  if (intent.slots.course) {
    const ids = new Set((await coursesMeant(turn, intent.slots.course)).map((m) => m.code));
    requests = requests.filter((r) => ids.has(r.session.course.code));
  }
  if (requests.length === 0) {
    return reply(
      intent.slots.person?.name
        ? `There is no request from ${intent.slots.person.name} waiting for you.`
        : 'No requests are waiting for your approval.',
      { next: [say('Team compliance', 'how is my team doing on compliance?')] },
    );
  }
  const describe = (r: (typeof requests)[number]) =>
    `${r.person.name}: ${r.session.course.title}, ${formatRange(r.session.startsAt, r.session.endsAt, zone, turn.locale)}`;
  if (requests.length === 1 && (intent.slots.person?.name || resolved.registrationId)) {
    const r = requests[0]!;
    turn.pending = { kind: 'confirm', intent, resolved: { registrationId: r.id }, prompt: decision };
    return reply(`${decision === 'decline' ? 'Decline' : 'Approve'} ${describe(r)}?`, {
      next: confirmButtons(decision === 'decline' ? 'Yes, decline' : 'Yes, approve'),
      awaitingAnswer: true,
    });
  }
  return reply(`${requests.length} request${requests.length === 1 ? '' : 's'} waiting for you:`, {
    blocks: [
      {
        type: 'table',
        columns: ['Who', 'Course', 'When'],
        rows: requests.map((r) => [
          r.person.name,
          r.session.course.title,
          formatRange(r.session.startsAt, r.session.endsAt, zone, turn.locale),
        ]),
      },
    ],
    next: requests.slice(0, 2).flatMap((r) => [
      {
        label: `Approve ${r.person.name.split(' ')[0]}`,
        actionId: 'approve_request',
        value: r.id,
        style: 'primary' as const,
      },
      { label: `Decline ${r.person.name.split(' ')[0]}`, actionId: 'decline_request', value: r.id },
    ]),
  });
};
