/** Read-only session intents: finding sessions, my bookings, a session's roster. */
import { isAdmin, isInstructor } from '../../features/people/index.ts';
import { formatRange } from '../../shared/time.ts';
import { findSessions } from '../../features/sessions/index.ts';
import { listRegistrations } from '../../features/registrations/index.ts';
import { viewSessionRoster } from '../../features/attendance/index.ts';
import { reply, say, sessionLine, sessionsTable } from '../reply/build.ts';
import { fromListing, type SessionSummary } from '../reply/session-summary.ts';
import { coursesMeant, namesCourse } from './lookups.ts';
import type { ReplyButton } from '../types.ts';
import { pickSession, remember } from './pick-session.ts';
import type { IntentHandler } from './turn.ts';

const DEFAULT_WINDOW_DAYS = 60;

export const handleFindSessions: IntentHandler<'find_sessions'> = async (turn, intent) => {
  const zone = turn.actor.timeZone;
  const { course, when } = intent.slots;
  let courseIds: string[] | undefined;
  let title = 'Upcoming sessions';
  if (course) {
    const matches = await coursesMeant(turn, course);
    if (matches.length === 0)
      return reply(`I couldn't find a course matching "${course}".`, {
        next: [
          say('All upcoming sessions', 'what sessions are coming up?'),
          say('Recommend something', 'what should I learn next?'),
        ],
      });
    courseIds = matches.map((m) => m.id);
    title = matches.map((m) => m.title).join(' / ');
    const elearning = matches.filter((m) => m.kind === 'elearning');
    if (elearning.length === matches.length) {
      return reply(`${title} is online learning: no sessions to book — you can start it any time.`, {
        next: [say(`Start ${elearning[0]!.title}`, `start ${elearning[0]!.code}`)],
      });
    }
  }
  const from = when ? new Date(when.from) : turn.now;
  const to = when ? new Date(when.to) : new Date(turn.now.getTime() + DEFAULT_WINDOW_DAYS * 86_400_000);
  const window = { from: from < turn.now ? turn.now : from, to, limit: 8 };
  const sessions: SessionSummary[] = (
    await findSessions(turn.deps, turn.actor, { ...window, courseIds })
  ).map(fromListing);
  const period = when?.text ? ` ${when.text}` : ` in the next ${DEFAULT_WINDOW_DAYS} days`;
  if (sessions.length === 0) {
    return reply(`No ${course ? `${title} ` : ''}sessions${period}.`, {
      next: [
        say('Later dates', course ? `${course} sessions` : 'what sessions are coming up?'),
        say('Join a waitlist', 'put me on the waitlist'),
      ],
    });
  }
  turn.context.lastSessionIds = sessions.map((s) => s.id);
  if (sessions.length === 1) remember(turn, sessions[0]!);
  if (courseIds?.length === 1) turn.context.lastCourseId = courseIds[0];
  const next: ReplyButton[] = sessions.slice(0, 3).map((s, i) => {
    const full = s.seatsTaken >= s.capacity;
    return {
      label: `${full ? 'Waitlist' : 'Book'} #${i + 1}`,
      actionId: full ? 'join_waitlist' : 'book_session',
      value: s.id,
      ...(i === 0 ? { style: 'primary' as const } : {}),
    };
  });
  next.push(say('My bookings', 'what am I booked on?'));
  const text =
    sessions.length === 1
      ? `One session${period}: ${sessionLine(sessions[0]!, zone, turn.locale)}.`
      : `${sessions.length} sessions${period}. Times are in ${zone}.`;
  return reply(text, {
    blocks: [sessionsTable(sessions, zone, course ? title : undefined, turn.locale)],
    next,
  });
};

export const handleMyBookings: IntentHandler<'my_bookings'> = async (turn, intent) => {
  const zone = turn.actor.timeZone;
  const when = intent.slots.when;
  const from = when ? new Date(when.from) : turn.now;
  const to = when ? new Date(when.to) : undefined;
  const bookings = (await listRegistrations(turn.deps, turn.actor, { upcomingOnly: true }))
    .filter((b) => ['confirmed', 'pending_approval', 'offered', 'waitlisted'].includes(b.status))
    .filter((b) => b.session.endsAt > from && (!to || b.session.startsAt < to))
    .filter((b) => !intent.slots.course || namesCourse(b.session.courseTitle, intent.slots.course));
  if (bookings.length === 0) {
    const what = intent.slots.course ? ` for ${intent.slots.course}` : '';
    return reply(`You're not booked on anything${what}${when?.text ? ` ${when.text}` : ' coming up'}.`, {
      next: [say('Find sessions', 'what sessions are coming up?'), say('My learning', 'my learning')],
    });
  }
  const label = (b: (typeof bookings)[number]) =>
    b.status === 'waitlisted'
      ? `Waitlisted (#${b.waitlistPosition ?? '?'})`
      : ((
          {
            confirmed: 'Booked',
            pending_approval: 'Awaiting approval',
            offered: 'Seat offered — accept it',
          } as Record<string, string>
        )[b.status] ?? b.status);
  const where = (b: (typeof bookings)[number]) =>
    b.session.venueName ?? (b.session.meetingUrl ? 'Online' : 'TBC');
  turn.context.lastSessionIds = bookings.map((b) => b.session.id);
  if (bookings.length === 1) {
    turn.context.lastSessionId = bookings[0]!.session.id;
    turn.context.lastRegistrationId = bookings[0]!.registrationId;
  }
  return reply(
    `You have ${bookings.length} upcoming booking${bookings.length === 1 ? '' : 's'} (times in ${zone}):`,
    {
      blocks: [
        {
          type: 'table',
          columns: ['Course', 'When', 'Where', 'Status'],
          rows: bookings.map((b) => [
            b.session.courseTitle,
            formatRange(b.session.startsAt, b.session.endsAt, zone, turn.locale),
            where(b),
            label(b),
          ]),
        },
      ],
      next: [
        ...bookings.slice(0, 3).map((b) => ({
          label: `Cancel ${b.session.courseTitle.split(' ')[0]} ${formatRange(b.session.startsAt, b.session.endsAt, zone, turn.locale).split(',')[0]}`,
          actionId: 'cancel_booking' as const,
          value: b.registrationId,
        })),
        say('Find more sessions', 'what sessions are coming up?'),
      ],
    },
  );
};

/**
 * A session's roster: its instructors and admins see everyone; a manager only their
 * reporting line on it; anyone else only themself (viewSessionRoster decides).
 */
export const handleSessionRoster: IntentHandler<'session_roster'> = async (turn, intent, resolved) => {
  const zone = turn.actor.timeZone;
  const mineOnly = isInstructor(turn.actor) && !isAdmin(turn.actor) && !intent.slots.course;
  const picked = await pickSession(turn, intent, resolved, {
    verb: 'see the roster of',
    instructorId: mineOnly ? turn.actor.personId : undefined,
    includePast: true,
  });
  if (picked.kind === 'reply') return picked.reply;
  const session = picked.session;
  remember(turn, session);
  const { scope, lines } = await viewSessionRoster(turn.deps, turn.actor, { sessionId: session.id });
  const seesAll = scope === 'everyone';
  const statusWords: Record<string, string> = {
    confirmed: 'Booked',
    pending_approval: 'Awaiting approval',
    offered: 'Offered',
    waitlisted: 'Waitlisted',
    attended: 'Attended',
    partial: 'Partial',
    no_show: 'No-show',
  };
  const heading = `${session.courseTitle}, ${formatRange(session.startsAt, session.endsAt, zone, turn.locale)} — ${session.seatsTaken}/${session.capacity} seats taken${session.waitlisted ? `, ${session.waitlisted} waitlisted` : ''}.`;
  const text = seesAll
    ? heading
    : `${heading} You can see ${lines.length ? 'only people in your reporting line' : 'nobody from your reporting line'} on it.`;
  return reply(text, {
    blocks: lines.length
      ? [
          {
            type: 'table',
            columns: ['Name', 'Status'],
            rows: lines.map((l) => [l.name, statusWords[l.status] ?? l.status]),
          },
        ]
      : [],
    next: seesAll
      ? [say('Mark attendance', 'mark attendance'), say('Find sessions', 'what sessions are coming up?')]
      : [say('Book me on it', 'book me on it'), say('My bookings', 'what am I booked on?')],
  });
};
