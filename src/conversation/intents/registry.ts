/** Intent name → handler. Intents whose use case has not landed yet say so plainly. */
import { reply, say } from '../reply/build.ts';
import type { IntentName } from '../parse/intents.ts';
import { handleHelp } from './help.ts';
import { handleFindSessions, handleMyBookings, handleSessionRoster } from './sessions.ts';
import { handleUnknown } from './unknown.ts';
import { handleRecommend } from './recommend.ts';
import { handleNudge } from './nudge.ts';
import type { IntentHandler, IntentHandlers } from './turn.ts';

const WHAT: Partial<Record<IntentName, string>> = {
  book_session: 'Booking', join_waitlist: 'Joining a waitlist', cancel_booking: 'Cancelling', my_learning: 'Your learning record',
  launch_course: 'Starting online courses', my_certificates: 'Certificates', recommend: 'Recommendations',
  team_compliance: 'Team compliance', nudge: 'Reminders', approve_request: 'Approvals', record_attendance: 'Attendance',
  schedule_sessions: 'Scheduling', add_cost: 'Costs', report: 'Reports',
};

const notYet = <N extends IntentName>(name: N): IntentHandler<N> => async () =>
  reply(`${WHAT[name] ?? 'That'} is not available in this version of Rollcall yet. Nothing was changed.`, { next: [say('Find sessions', 'what sessions are coming up?'), say('Help', 'help')] });

export const INTENT_HANDLERS: IntentHandlers = {
  help: handleHelp,
  find_sessions: handleFindSessions,
  my_bookings: handleMyBookings,
  session_roster: handleSessionRoster,
  unknown: handleUnknown,
  book_session: notYet('book_session'),
  join_waitlist: notYet('join_waitlist'),
  cancel_booking: notYet('cancel_booking'),
  my_learning: notYet('my_learning'),
  launch_course: notYet('launch_course'),
  my_certificates: notYet('my_certificates'),
  recommend: handleRecommend,
  team_compliance: notYet('team_compliance'),
  nudge: handleNudge,
  approve_request: notYet('approve_request'),
  record_attendance: notYet('record_attendance'),
  schedule_sessions: notYet('schedule_sessions'),
  add_cost: notYet('add_cost'),
  report: notYet('report'),
};
