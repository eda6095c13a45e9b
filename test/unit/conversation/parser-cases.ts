/**
 * The parser's test set: varied utterances (typos, lower case, polite padding, British and
 * American dates, several zones) with the expected intent and key slots. Shared by the unit
 * test, scripts/parser-accuracy.ts and bench/parser.bench.ts.
 *
 * Reference clock: Saturday 28 November 2026, 09:00 UTC, unless a case says otherwise.
 * `day` is the expected local date (in the case's zone) the `when`/`period` range starts on.
 */
import type { UnderstoodIntentName } from '../../../src/conversation/parse/intents.ts';

export interface ParserCase {
  text: string;
  intent: UnderstoodIntentName;
  tz?: string;
  now?: string;
  course?: string;
  person?: string;
  team?: boolean;
  day?: string;
  filter?: string;
  amount?: string;
  currency?: string;
  category?: string;
  weekday?: number;
  count?: number;
  interval?: number;
  startTime?: string;
  capacity?: number;
  kind?: string;
  format?: string;
  withinDays?: number;
  status?: string;
  decision?: string;
  audience?: string;
  ref?: string;
  ordinal?: number;
  department?: string;
  lang?: string;
  follow?: string;
}

export const REFERENCE_NOW = '2026-11-28T09:00:00Z';
const NY = 'America/New_York';
const LA = 'America/Los_Angeles';
const TOKYO = 'Asia/Tokyo';
const SYD = 'Australia/Sydney';
const BERLIN = 'Europe/Berlin';
const KOLKATA = 'Asia/Kolkata';

const BASE: ParserCase[] = [
  // help
  { text: 'help', intent: 'help' },
  { text: 'Help!', intent: 'help' },
  { text: 'what can you do?', intent: 'help' },
  { text: 'What can I ask you?', intent: 'help' },
  { text: 'how does this work', intent: 'help' },
  { text: 'hi', intent: 'help' },
  { text: 'hello there, what can you help me with?', intent: 'help' },
  { text: '?', intent: 'help' },
  { text: 'commands', intent: 'help' },
  { text: 'how do i use this', intent: 'help' },

  // find_sessions
  {
    text: 'what first aid sessions are there next month?',
    intent: 'find_sessions',
    course: 'first aid',
    day: '2026-12-01',
  },
  { text: 'When is the next fire safety session?', intent: 'find_sessions', course: 'fire safety' },
  { text: 'any excel classes in december', intent: 'find_sessions', course: 'excel', day: '2026-12-01' },
  { text: 'show me forklift sessions', intent: 'find_sessions', course: 'forklift' },
  { text: 'are there any leadership courses coming up?', intent: 'find_sessions', course: 'leadership' },
  {
    text: 'Is there first aid training on 3/12?',
    intent: 'find_sessions',
    course: 'first aid',
    day: '2026-12-03',
  },
  {
    text: 'is there first aid training on 12/3?',
    intent: 'find_sessions',
    course: 'first aid',
    tz: NY,
    day: '2026-12-03',
  },
  { text: "what's on next week", intent: 'find_sessions', day: '2026-11-30' },
  { text: 'sessions tomorrow', intent: 'find_sessions', day: '2026-11-29' },
  { text: 'find me a negotiation class', intent: 'find_sessions', course: 'negotiation' },
  { text: 'FA-101 dates', intent: 'find_sessions', course: 'FA-101' },
  { text: 'when are the fs100 sessions', intent: 'find_sessions', course: 'FS-100' },
  { text: 'upcoming training', intent: 'find_sessions' },
  { text: 'list sessions for next month', intent: 'find_sessions', day: '2026-12-01' },
  { text: 'fire safety on Dec 3rd?', intent: 'find_sessions', course: 'fire safety', day: '2026-12-03' },
  { text: 'first aid sesions in 2 weeks', intent: 'find_sessions', course: 'first aid', day: '2026-12-12' },
  { text: 'Any spaces on the excel course?', intent: 'find_sessions', course: 'excel' },
  { text: 'what courses are available', intent: 'find_sessions' },
  {
    text: 'looking for fire training in new york next week',
    intent: 'find_sessions',
    course: 'fire',
    tz: NY,
    day: '2026-11-30',
  },
  { text: 'first aid dates this month', intent: 'find_sessions', course: 'first aid', day: '2026-11-01' },
  { text: 'When is the leadership programme running?', intent: 'find_sessions', course: 'leadership' },
  { text: 'what sessions are on friday', intent: 'find_sessions', day: '2026-12-04' },
  { text: 'is anything running on monday?', intent: 'find_sessions', day: '2026-11-30' },
  { text: 'show me the excel one', intent: 'find_sessions', course: 'excel' },
  { text: 'availability for forklift practical', intent: 'find_sessions', course: 'forklift practical' },
  { text: 'any first aid in january', intent: 'find_sessions', course: 'first aid', day: '2027-01-01' },
  { text: 'What training is available on 15 December?', intent: 'find_sessions', day: '2026-12-15' },
  { text: 'what training is available on december 15?', intent: 'find_sessions', day: '2026-12-15', tz: LA },
  {
    text: 'first aid classes tomorrow',
    intent: 'find_sessions',
    course: 'first aid',
    tz: TOKYO,
    now: '2026-11-28T20:00:00Z',
    day: '2026-11-30',
  },
  {
    text: 'fire safety sessions tomorrow',
    intent: 'find_sessions',
    course: 'fire safety',
    tz: LA,
    now: '2026-11-29T03:00:00Z',
    day: '2026-11-29',
  },

  // book_session
  {
    text: 'book me on Fire Safety on Tuesday',
    intent: 'book_session',
    course: 'fire safety',
    day: '2026-12-01',
  },
  { text: 'book me on it', intent: 'book_session', ref: 'it' },
  {
    text: "book Priya on Thursday's Excel session",
    intent: 'book_session',
    person: 'priya',
    course: 'excel',
    day: '2026-12-03',
  },
  { text: 'Could you please book me on the excel one', intent: 'book_session', course: 'excel' },
  { text: 'sign me up for first aid', intent: 'book_session', course: 'first aid' },
  {
    text: 'register me for the forklift practical on 10/12',
    intent: 'book_session',
    course: 'forklift practical',
    day: '2026-12-10',
  },
  {
    text: 'register me for the forklift practical on 12/10',
    intent: 'book_session',
    course: 'forklift practical',
    tz: NY,
    day: '2026-12-10',
  },
  {
    text: "I'd like to attend the negotiation skills workshop",
    intent: 'book_session',
    course: 'negotiation skills',
  },
  {
    text: 'boook me onto first aid next thursday',
    intent: 'book_session',
    course: 'first aid',
    day: '2026-12-03',
  },
  { text: 'enrol me in leadership foundations', intent: 'book_session', course: 'leadership foundations' },
  {
    text: 'can i join the fire safety session on tuesday?',
    intent: 'book_session',
    course: 'fire safety',
    day: '2026-12-01',
  },
  { text: 'put me down for excel essentials', intent: 'book_session', course: 'excel essentials' },
  { text: 'book sam on first aid', intent: 'book_session', person: 'sam', course: 'first aid' },
  { text: 'book my team on fire safety', intent: 'book_session', team: true, course: 'fire safety' },
  { text: 'book the second one', intent: 'book_session', ref: 'ordinal', ordinal: 2 },
  { text: 'reserve a place on FA-101', intent: 'book_session', course: 'FA-101' },
  {
    text: 'I want to go on the first aid course on the 3rd',
    intent: 'book_session',
    course: 'first aid',
    day: '2026-12-03',
  },
  { text: 'count me in for fire safety', intent: 'book_session', course: 'fire safety' },
  { text: 'save me a seat on the excel session', intent: 'book_session', course: 'excel' },
  { text: 'book me in for gdpr', intent: 'book_session', course: 'gdpr' },
  { text: 'bok me on first aid tomorow', intent: 'book_session', course: 'first aid', day: '2026-11-29' },
  {
    text: 'please register kofi for forklift practical',
    intent: 'book_session',
    person: 'kofi',
    course: 'forklift practical',
  },
  {
    text: 'book me on the 9am fire safety session on friday',
    intent: 'book_session',
    course: 'fire safety',
    day: '2026-12-04',
  },
  {
    text: 'Book me on first aid on December 3',
    intent: 'book_session',
    course: 'first aid',
    day: '2026-12-03',
    tz: SYD,
  },
  { text: 'get me onto the leadership course', intent: 'book_session', course: 'leadership' },
  { text: 'add me to the negotiation session', intent: 'book_session', course: 'negotiation' },

  // join_waitlist
  { text: 'put me on the waitlist', intent: 'join_waitlist' },
  { text: 'add me to the waiting list for first aid', intent: 'join_waitlist', course: 'first aid' },
  { text: 'waitlist me for leadership', intent: 'join_waitlist', course: 'leadership' },
  { text: 'can I go on the wait list for the excel one?', intent: 'join_waitlist', course: 'excel' },
  { text: 'join the waitlsit', intent: 'join_waitlist' },
  { text: 'put me on the waitlist for it', intent: 'join_waitlist', ref: 'it' },
  { text: 'Let me know if a place frees up on first aid', intent: 'join_waitlist', course: 'first aid' },
  {
    text: 'waiting list for fire safety on tuesday please',
    intent: 'join_waitlist',
    course: 'fire safety',
    day: '2026-12-01',
  },

  // cancel_booking
  { text: 'cancel my Friday booking', intent: 'cancel_booking', day: '2026-12-04' },
  { text: 'cancel that', intent: 'cancel_booking', ref: 'it' },
  { text: 'cancle my boking for tmrw pls', intent: 'cancel_booking', day: '2026-11-29' },
  { text: "I can't make the first aid session anymore", intent: 'cancel_booking', course: 'first aid' },
  { text: 'please cancel my fire safety booking', intent: 'cancel_booking', course: 'fire safety' },
  { text: 'take me off the excel session', intent: 'cancel_booking', course: 'excel' },
  {
    text: 'withdraw from leadership foundations',
    intent: 'cancel_booking',
    course: 'leadership foundations',
  },
  {
    text: 'drop out of first aid on the 3rd',
    intent: 'cancel_booking',
    course: 'first aid',
    day: '2026-12-03',
  },
  { text: 'cancel it', intent: 'cancel_booking', ref: 'it' },
  {
    text: "I won't be able to come to fire safety on tuesday",
    intent: 'cancel_booking',
    course: 'fire safety',
    day: '2026-12-01',
  },
  { text: 'remove me from the waitlist', intent: 'cancel_booking' },
  { text: "cancel priya's excel booking", intent: 'cancel_booking', person: 'priya', course: 'excel' },
  { text: 'Cancel my booking on 4/12', intent: 'cancel_booking', day: '2026-12-04' },
  { text: 'cancel my booking on 12/4', intent: 'cancel_booking', day: '2026-12-04', tz: NY },
  { text: 'unbook me from forklift', intent: 'cancel_booking', course: 'forklift' },

  // my_bookings
  { text: 'what am I booked on?', intent: 'my_bookings' },
  { text: 'my bookings', intent: 'my_bookings' },
  { text: 'What am i registered for next week', intent: 'my_bookings', day: '2026-11-30' },
  { text: 'am I booked on anything tomorrow?', intent: 'my_bookings', day: '2026-11-29' },
  { text: "what's on my calendar", intent: 'my_bookings' },
  { text: 'show my upcoming sessions', intent: 'my_bookings' },
  { text: 'when is my next session?', intent: 'my_bookings' },
  { text: 'where am I booked', intent: 'my_bookings' },
  { text: 'my registrations please', intent: 'my_bookings' },
  { text: 'what sessions am i on', intent: 'my_bookings' },
  { text: 'wat am i booked on', intent: 'my_bookings' },
  { text: 'what have I signed up for?', intent: 'my_bookings' },

  // my_learning
  { text: 'what have I completed?', intent: 'my_learning', filter: 'completed' },
  { text: "what's overdue?", intent: 'my_learning', filter: 'overdue' },
  { text: 'my learning', intent: 'my_learning' },
  { text: 'what do I need to do?', intent: 'my_learning', filter: 'due' },
  { text: 'am I compliant?', intent: 'my_learning' },
  { text: 'show me my training record', intent: 'my_learning' },
  { text: 'what is due', intent: 'my_learning', filter: 'due' },
  { text: 'have I done GDPR?', intent: 'my_learning', filter: 'completed' },
  { text: 'my progress', intent: 'my_learning' },
  { text: 'anything overdue for me?', intent: 'my_learning', filter: 'overdue' },
  { text: 'what training do i have outstanding', intent: 'my_learning', filter: 'due' },
  { text: 'what courses have i finished', intent: 'my_learning', filter: 'completed' },
  { text: 'my transcript', intent: 'my_learning', filter: 'completed' },
  { text: 'How am I doing?', intent: 'my_learning' },
  { text: 'what mandatory training do I have?', intent: 'my_learning', filter: 'due' },
  { text: 'my assignments', intent: 'my_learning' },
  { text: 'am i up to date on my compliance training', intent: 'my_learning' },
  { text: 'what has Sam completed?', intent: 'my_learning', person: 'sam', filter: 'completed' },
  { text: "show me Priya's training record", intent: 'my_learning', person: 'priya' },
  { text: "kofi's progress", intent: 'my_learning', person: 'kofi' },

  // launch_course
  { text: 'start the GDPR course', intent: 'launch_course', course: 'gdpr' },
  { text: 'launch forklift theory', intent: 'launch_course', course: 'forklift theory' },
  { text: 'resume information security', intent: 'launch_course', course: 'information security' },
  { text: 'open the inclusive workplace module', intent: 'launch_course', course: 'inclusive workplace' },
  {
    text: 'I want to start the security awareness course',
    intent: 'launch_course',
    course: 'security awareness',
  },
  { text: 'continue GDPR', intent: 'launch_course', course: 'gdpr' },
  { text: 'begin DEI-101', intent: 'launch_course', course: 'DEI-101' },
  { text: 'take the gdpr training', intent: 'launch_course', course: 'gdpr' },
  { text: 'start it', intent: 'launch_course', ref: 'it' },
  { text: 'let me start the online forklift theory', intent: 'launch_course', course: 'forklift theory' },

  // my_certificates
  { text: 'send me my forklift certificate', intent: 'my_certificates', course: 'forklift' },
  { text: 'my certificates', intent: 'my_certificates' },
  { text: 'can I get a copy of my first aid certificate?', intent: 'my_certificates', course: 'first aid' },
  { text: 'where is my GDPR cert', intent: 'my_certificates', course: 'gdpr' },
  { text: 'show my certifications', intent: 'my_certificates' },
  { text: 'I need proof of completion for fire safety', intent: 'my_certificates', course: 'fire safety' },
  { text: 'email me my certficate for first aid', intent: 'my_certificates', course: 'first aid' },
  { text: 'download my certs', intent: 'my_certificates' },
  {
    text: "send me Sam's first aid certificate",
    intent: 'my_certificates',
    person: 'sam',
    course: 'first aid',
  },

  // recommend
  { text: 'what should I learn next?', intent: 'recommend' },
  { text: 'recommend something', intent: 'recommend' },
  { text: 'any suggestions for me?', intent: 'recommend' },
  { text: 'what would you recommend for my career', intent: 'recommend' },
  { text: 'I want to improve my negotiation', intent: 'recommend' },
  { text: 'suggest a course about leadership', intent: 'recommend' },
  { text: 'what else could I take', intent: 'recommend' },
  { text: 'reccomend a course', intent: 'recommend' },

  // team_compliance
  { text: 'how is my team doing on compliance?', intent: 'team_compliance' },
  { text: 'who expires in the next 60 days?', intent: 'team_compliance', withinDays: 60, filter: 'expiring' },
  { text: "who's overdue?", intent: 'team_compliance', filter: 'overdue' },
  { text: 'is my team compliant', intent: 'team_compliance' },
  { text: 'team status', intent: 'team_compliance' },
  { text: "who hasn't done GDPR", intent: 'team_compliance', filter: 'overdue' },
  { text: "show me my reports' training", intent: 'team_compliance' },
  {
    text: 'who is expiring in the next 3 months',
    intent: 'team_compliance',
    withinDays: 90,
    filter: 'expiring',
  },
  { text: 'how is my team getting on with training', intent: 'team_compliance' },
  { text: 'which of my people are overdue', intent: 'team_compliance', filter: 'overdue' },
  { text: 'my teams complience', intent: 'team_compliance' },
  { text: 'anyone expiring within 30 days?', intent: 'team_compliance', withinDays: 30, filter: 'expiring' },
  { text: 'how is my team doing?', intent: 'team_compliance' },
  { text: 'is everyone up to date?', intent: 'team_compliance' },

  // nudge
  { text: 'remind them', intent: 'nudge', audience: 'them' },
  { text: 'remind the overdue ones', intent: 'nudge', audience: 'overdue' },
  { text: 'nudge Sam about GDPR', intent: 'nudge', person: 'sam', course: 'gdpr' },
  { text: 'send a reminder to my team', intent: 'nudge', team: true, audience: 'team' },
  { text: 'chase everyone who is overdue', intent: 'nudge', audience: 'overdue' },
  { text: 'remind priya', intent: 'nudge', person: 'priya', audience: 'person' },
  { text: 'ping the people who are expiring', intent: 'nudge', audience: 'expiring' },
  { text: 'can you remind them please', intent: 'nudge', audience: 'them' },
  { text: 'remnd the overdue people', intent: 'nudge', audience: 'overdue' },

  // approve_request
  { text: "approve Sam's request", intent: 'approve_request', person: 'sam', decision: 'approve' },
  { text: "decline Priya's request", intent: 'approve_request', person: 'priya', decision: 'decline' },
  { text: 'approve it', intent: 'approve_request', decision: 'approve' },
  { text: 'any approvals waiting for me?', intent: 'approve_request', decision: 'approve' },
  { text: "reject sam's excel request", intent: 'approve_request', person: 'sam', decision: 'decline' },
  { text: 'yes approve sam', intent: 'approve_request', person: 'sam', decision: 'approve' },
  { text: 'aprove sams request', intent: 'approve_request', decision: 'approve' },
  { text: 'show pending approvals', intent: 'approve_request', decision: 'approve' },
  { text: 'turn down the excel request', intent: 'approve_request', decision: 'decline' },

  // session_roster
  { text: "who's on my session tomorrow?", intent: 'session_roster', day: '2026-11-29' },
  {
    text: 'who is booked on first aid on thursday',
    intent: 'session_roster',
    course: 'first aid',
    day: '2026-12-03',
  },
  { text: 'roster for fire safety', intent: 'session_roster', course: 'fire safety' },
  { text: 'how many people are booked on the excel session?', intent: 'session_roster', course: 'excel' },
  { text: 'attendee list for next tuesday', intent: 'session_roster', day: '2026-12-01' },
  { text: 'who is coming to my class on friday', intent: 'session_roster', day: '2026-12-04' },
  { text: "who's on the waitlist for first aid", intent: 'session_roster', course: 'first aid' },
  { text: 'whos registered for leadership', intent: 'session_roster', course: 'leadership' },
  { text: 'roster for it', intent: 'session_roster', ref: 'it' },

  // record_attendance
  { text: 'mark attendance', intent: 'record_attendance' },
  { text: 'Bob was a no-show', intent: 'record_attendance', person: 'bob', status: 'no_show' },
  { text: 'priya attended', intent: 'record_attendance', person: 'priya', status: 'attended' },
  { text: 'sam left early', intent: 'record_attendance', person: 'sam', status: 'partial' },
  { text: 'mark kofi as a no show', intent: 'record_attendance', person: 'kofi', status: 'no_show' },
  { text: 'everyone attended', intent: 'record_attendance', status: 'attended' },
  { text: "james didn't turn up", intent: 'record_attendance', person: 'james', status: 'no_show' },
  { text: 'take attendance for my session today', intent: 'record_attendance', day: '2026-11-28' },
  { text: 'mark sam as attended', intent: 'record_attendance', person: 'sam', status: 'attended' },
  { text: 'record attendance for first aid', intent: 'record_attendance' },
  { text: 'amelia arrived late', intent: 'record_attendance', person: 'amelia', status: 'partial' },

  // schedule_sessions
  {
    text: 'schedule First Aid every Tuesday 9am for 4 weeks in Room 2 with Dana and Lee, 12 seats',
    intent: 'schedule_sessions',
    course: 'first aid',
    weekday: 2,
    count: 4,
    startTime: '09:00',
    capacity: 12,
  },
  {
    text: 'schedule fire safety every 2nd thursday 10am-12pm for 8 weeks, 16 seats',
    intent: 'schedule_sessions',
    course: 'fire safety',
    weekday: 4,
    interval: 2,
    count: 4,
    startTime: '10:00',
    capacity: 16,
  },
  {
    text: 'create a first aid session on 10 December at 9am in room 2',
    intent: 'schedule_sessions',
    course: 'first aid',
    day: '2026-12-10',
    startTime: '09:00',
  },
  {
    text: 'Schedule Excel Essentials on December 10 9am-12pm, capacity 10',
    intent: 'schedule_sessions',
    course: 'excel essentials',
    tz: NY,
    day: '2026-12-10',
    startTime: '09:00',
    capacity: 10,
  },
  {
    text: 'set up negotiation skills every monday 2pm to 4pm for 3 weeks',
    intent: 'schedule_sessions',
    course: 'negotiation skills',
    weekday: 1,
    count: 3,
    startTime: '14:00',
  },
  {
    text: 'shedule forklift practical next friday 8am-12pm with lee, 6 seats',
    intent: 'schedule_sessions',
    course: 'forklift practical',
    day: '2026-12-04',
    startTime: '08:00',
    capacity: 6,
  },
  {
    text: 'run first aid weekly on wednesdays for 6 weeks',
    intent: 'schedule_sessions',
    course: 'first aid',
    weekday: 3,
    count: 6,
  },
  {
    text: 'create a new session of fire safety tomorrow at 14:00',
    intent: 'schedule_sessions',
    course: 'fire safety',
    day: '2026-11-29',
    startTime: '14:00',
  },
  {
    text: 'schedule leadership foundations every other tuesday 9:30am for 6 weeks with rosa',
    intent: 'schedule_sessions',
    course: 'leadership foundations',
    weekday: 2,
    interval: 2,
    count: 3,
    startTime: '09:30',
  },
  {
    text: 'plan FA-101 on 5/1 at 10am',
    intent: 'schedule_sessions',
    course: 'FA-101',
    day: '2027-01-05',
    startTime: '10:00',
  },
  {
    text: 'schedule first aid every thursday 1pm 5 times',
    intent: 'schedule_sessions',
    course: 'first aid',
    weekday: 4,
    count: 5,
    startTime: '13:00',
  },

  // add_cost
  {
    text: 'add a venue cost of £400 to that session',
    intent: 'add_cost',
    amount: '400.00',
    currency: 'GBP',
    category: 'venue',
    ref: 'it',
  },
  {
    text: 'add 650 EUR catering to the first aid session',
    intent: 'add_cost',
    amount: '650.00',
    currency: 'EUR',
    category: 'catering',
    course: 'first aid',
  },
  {
    text: 'log $1,250.50 facilitator fee for the excel session',
    intent: 'add_cost',
    amount: '1250.50',
    currency: 'USD',
    category: 'facilitator',
    course: 'excel',
  },
  {
    text: 'record a cost of 120 gbp for lunch on it',
    intent: 'add_cost',
    amount: '120.00',
    currency: 'GBP',
    category: 'catering',
    ref: 'it',
  },
  {
    text: 'add £96.50 materials to the fire safety session',
    intent: 'add_cost',
    amount: '96.50',
    currency: 'GBP',
    category: 'materials',
    course: 'fire safety',
  },
  {
    text: 'add travel costs of 2.5k usd to leadership',
    intent: 'add_cost',
    amount: '2500.00',
    currency: 'USD',
    category: 'travel',
  },
  {
    text: 'put a £300 trainer cost on that session',
    intent: 'add_cost',
    amount: '300.00',
    currency: 'GBP',
    category: 'facilitator',
    ref: 'it',
  },
  {
    text: 'we spent €80 on coffee for it',
    intent: 'add_cost',
    amount: '80.00',
    currency: 'EUR',
    category: 'catering',
  },

  // report
  {
    text: 'cost per learner for the Leadership programme this quarter',
    intent: 'report',
    kind: 'cost_per_learner',
    course: 'leadership',
    day: '2026-10-01',
  },
  {
    text: 'compliance report for Operations as CSV',
    intent: 'report',
    kind: 'compliance',
    format: 'csv',
    department: 'operations',
  },
  { text: 'attendance vs registrations last month', intent: 'report', kind: 'attendance', day: '2026-10-01' },
  { text: 'compliance report as a chart', intent: 'report', kind: 'compliance', format: 'chart' },
  {
    text: 'how much did we spend on training this year?',
    intent: 'report',
    kind: 'costs',
    day: '2026-01-01',
  },
  {
    text: 'export completions for sales as csv',
    intent: 'report',
    kind: 'completions',
    format: 'csv',
    department: 'sales',
  },
  { text: 'no-show report for last month', intent: 'report', kind: 'attendance', day: '2026-10-01' },
  { text: 'training spend by course last quarter', intent: 'report', kind: 'costs', day: '2026-07-01' },
  {
    text: 'expiring certifications report for engineering',
    intent: 'report',
    kind: 'expiring',
    department: 'engineering',
  },
  {
    text: 'compliance chart for sales',
    intent: 'report',
    kind: 'compliance',
    format: 'chart',
    department: 'sales',
  },
  { text: 'cost per head for first aid as pdf', intent: 'report', kind: 'cost_per_learner', format: 'pdf' },
  { text: 'reprot on compliance for ops', intent: 'report', kind: 'compliance', department: 'operations' },
  {
    text: 'attendance report this month',
    intent: 'report',
    kind: 'attendance',
    day: '2026-11-01',
    tz: KOLKATA,
  },
  {
    text: 'cost report for last month as csv',
    intent: 'report',
    kind: 'costs',
    format: 'csv',
    day: '2026-10-01',
    tz: BERLIN,
  },

  // unknown
  { text: 'asdfghjkl', intent: 'unknown' },
  { text: 'what is the meaning of life', intent: 'unknown' },
  { text: '¿dónde está la biblioteca?', intent: 'unknown' },
  { text: 'the weather is nice today', intent: 'unknown' },
  { text: 'lorem ipsum dolor sit amet', intent: 'unknown' },
  { text: '', intent: 'unknown' },
  { text: '🙂🙂🙂', intent: 'unknown' },
  { text: 'Wie spät ist es?', intent: 'unknown' },
];

/** Padding, case and punctuation people add around the same request. */
const VARIANTS: ((text: string) => string)[] = [
  (t) => `hey, could you ${t.charAt(0).toLowerCase()}${t.slice(1)}`,
  (t) => `${t.toUpperCase()}`,
  (t) => `${t.replace(/[?!.]$/, '')} please, thanks!`,
  (t) => `Hi Rollcall! ${t}`,
  (t) => `${t.toLowerCase().replace(/[?!.']/g, '')}`,
  (t) => `   ${t}  ??`,
];

/** Base cases plus padded variants of those whose meaning padding cannot change. */
export function parserCases(): ParserCase[] {
  const variants: ParserCase[] = [];
  BASE.forEach((c, i) => {
    if (c.intent === 'unknown' || c.intent === 'help' || c.text.length < 8) return;
    const variant = VARIANTS[i % VARIANTS.length]!;
    variants.push({ ...c, text: variant(c.text) });
  });
  return [...BASE, ...variants];
}
