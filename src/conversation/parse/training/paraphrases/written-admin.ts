/**
 * Written paraphrase bank for what managers, instructors and L&D admins say: team compliance,
 * nudges, approvals, rosters, attendance, scheduling, costs, reports, rescheduling and
 * cancelling sessions, transfers, capacity, journeys, instructors, vendors, purchase orders
 * and certificate validity.
 *
 * Every line here was written from scratch by people imagining each kind of user (a busy line
 * manager on their phone, an L&D admin at a desk, a trainer just out of a session, a formal
 * writer, someone who rambles context first) — not taken or adapted from any evaluation set.
 * One inner array is one family: a single construction whose lines vary the words; different
 * families differ in construction (question, command, fragment, context-first, terse phone
 * typing, formal, jargon). Placeholders are filled from SLOT_VALUES in training/templates.ts.
 */
import type { ParaphraseBank } from './bank.ts';

export const WRITTEN_ADMIN_BANK: ParaphraseBank = {
  team_compliance: [
    // question: who is overdue
    [
      'who in my team is overdue on anything?',
      'whos overdue in my lot',
      'anyone on my team behind on their mandatory stuff?',
      'which of my guys are out of date on training',
      'who on my team has missed a training deadline',
      'is anybody in my team late with their compliance training?',
    ],
    // course-specific, for my lot
    [
      '{course} compliance for my lot pls',
      'is my team all done on {course}?',
      'has everyone in my team got their {course} in date',
      'my team and {course} - where are we at',
      'how many of my people still need {course}',
      'whos missing {course} on my team',
    ],
    // expiring soon
    [
      'whose certs run out in the next {n} days on my team',
      'anyone in my team got training expiring soon?',
      'which of my reports need to renew {course} before it lapses',
      'show me expiring certificates for my team',
      "what's due for renewal on my team over the next {n} weeks",
      'heads up on anything expiring for my staff?',
    ],
    // terse phone fragments
    [
      'team compliance pls',
      'my team status?',
      'compliance - my team',
      'overdue in my team?',
      'my lot, training status',
      'team training rag status',
    ],
    // formal
    [
      "Could you please provide an overview of my team's compliance status?",
      'I would like to see the current training compliance for my direct reports.',
      'Please show the mandatory training status of everyone reporting to me.',
      'Can you confirm whether my team is fully compliant?',
      'Kindly summarise the outstanding compliance items for my team.',
    ],
    // context first, rambling
    [
      'got an audit coming up next week and need to know if my team is compliant, can you check',
      "hr are chasing me about mandatory training, who on my team hasn't done theirs?",
      'just took over this team from {person}, how are they looking on compliance',
      'my director wants to know who is overdue in my team by friday, what have we got',
      'before my 1:1s tomorrow i want to see where everyone on my team is with their training',
      'new manager here, are my people up to date on their training?',
    ],
    // rate / percentage
    [
      'what percentage of my team is compliant',
      'how compliant is my team right now',
      "what's the compliance rate looking like in my team",
      'are we at 100% on mandatory training in my team',
      "how's my team's compliance score",
      'where is my team at on compliance this month',
    ],
    // department as "we"
    [
      'are we compliant on {course} in {dept}',
      'how is {dept} looking for {course}',
      "how's the {dept} team doing on mandatory training",
      '{dept} - anyone overdue?',
      'is {dept} compliant on {course} yet',
    ],
    // American / jargon
    [
      "pull up my team's training compliance",
      "show me who's out of compliance on my team",
      'which of my direct reports are non-compliant',
      'gimme the compliance rundown for my team',
      "any red flags on my team's required training?",
      "list anyone on my team that's lapsed",
    ],
  ],

  nudge: [
    // remind everyone overdue in the team
    [
      'send a reminder to everyone in my team who is overdue',
      'remind the overdue ones on my team',
      'chase everyone whos late on their training',
      'can you ping all my overdue people',
      "nudge anyone in my team that hasn't finished yet",
      'give the stragglers in my team a poke',
    ],
    // a named person about a course
    [
      'remind {person} to do {course}',
      'nudge {person} re {course} pls',
      'can u chase {person} on {course}, its overdue',
      'send {person} a reminder about their {course}',
      'poke {person} about the {course} module',
      'hassle {person} to finish {course}',
    ],
    // pronoun after a list was shown
    [
      'remind them all',
      'chase them',
      'nudge him',
      'send her a reminder please',
      'ok ping those people',
      'can you remind those three',
    ],
    // expiring, renewal reminders
    [
      'remind anyone whose {course} is expiring',
      'send a renewal reminder to everyone expiring this month',
      'nudge people with certs running out soon',
      'tell everyone expiring in the next {n} days to rebook',
      'chase the ones due for renewal',
      'give a heads up to anyone whose certificate is about to lapse',
    ],
    // formal
    [
      'Please send a reminder to my team regarding outstanding {course} training.',
      'Could you notify {person} that their {course} is overdue?',
      'I would like to send a reminder to all team members with incomplete training.',
      'Please issue reminders to staff who have not yet completed {course}.',
      'Kindly remind {person} to complete their mandatory training.',
    ],
    // terse phone
    [
      'nudge team',
      'remind overdue',
      'chase {person}',
      'ping my lot re {course}',
      'reminders pls',
      'nudge all overdue {course}',
    ],
    // context first
    [
      "half my team still haven't done {course} and the deadline is friday, can you give them a nudge",
      '{person} keeps ignoring my emails about {course}, can you remind them from here',
      'compliance deadline is coming up, please chase everyone on my team who is behind',
      'audit next month so i need everyone finished, send my team a reminder',
      "ugh {person} still hasn't done {course}, send a reminder",
    ],
    // message / dm wording
    [
      'dm {person} about finishing {course}',
      'message everyone in my team who still needs {course}',
      'drop my team a note to complete their training',
      'send a slack to {person} reminding them about {course}',
      'shoot {person} a quick reminder',
      'post a reminder to my team about overdue modules',
    ],
  ],

  approve_request: [
    // approve a named person
    [
      "approve {person}'s {course} request",
      'yes {person} can go to {course}, approve it',
      'ok approve {person}',
      'approve the one from {person}',
      "sign off {person}'s booking request",
      'green light {person} for {course}',
    ],
    // decline
    [
      "decline {person}'s request for {course}",
      "reject {person}, we can't spare them that week",
      'no to {person} going on {course}',
      "{person} can't go, decline it",
      'deny the {course} request from {person}',
      'knock back {person}s request, too busy',
    ],
    // what is pending
    [
      'have i got any requests to approve?',
      'anything waiting on me?',
      'what approvals are pending',
      'who is waiting for my sign off',
      'any training requests from my team?',
      'show me outstanding approval requests',
    ],
    // pronoun
    [
      'approve it',
      'yep approve that',
      'decline that one',
      'reject it',
      'go on then, approve',
      'approve that request pls',
    ],
    // formal
    [
      'I approve the training request submitted by {person}.',
      "Please approve {person}'s request to attend {course}.",
      'Please decline the request from {person}; there is no budget this quarter.',
      "I am happy to authorise {person}'s attendance on {course}.",
      'Kindly reject the pending request for {course}.',
    ],
    // bulk
    [
      'approve all of them',
      'approve everything pending',
      'approve all requests from my team',
      'reject all outstanding requests',
      'accept every pending {course} request',
      'just approve the lot',
    ],
    // context first
    [
      "{person} asked to go on {course}, that's fine by me, approve it",
      'spoke to {person} about the {course} course, we agreed it makes sense so approve please',
      "{person}'s request for {course} came through but we're short staffed that week, so decline",
      "saw the notification for {person}'s request, yes go ahead",
      'just had a request pop up from {person} for {course}, approve',
    ],
    // terse
    [
      'approve {person}',
      '{person} approved',
      'reject {person}',
      '{person} - yes, approved',
      '{person} {course} approved',
      'ok for {person} to go',
    ],
    // authorise / grant
    [
      "authorize {person}'s request",
      'authorise {person} for {course}',
      "okay {person}'s {course} request",
      'give {person} the go-ahead for {course}',
      "grant {person}'s training request",
    ],
  ],

  session_roster: [
    // who's coming
    [
      "who's coming to {course} {date}?",
      'who is booked onto my {course} session',
      'who signed up for {course} {date}',
      'who has registered for the {course} class',
      "who's attending {course} {date}",
      'who is going to {course} {date}',
    ],
    // list nouns
    [
      'attendee list pls, {course} {date}',
      'delegate list pls for {course}',
      'show me the roster for that session',
      'list of people booked on {course}',
      'pull up the sign-up list for {course} {date}',
      'class list for my {weekday} session',
    ],
    // numbers booked
    [
      'how many have booked on {course} {date}',
      'how many people are registered for {course}',
      'headcount for {course}?',
      'numbers for {course} {date}?',
      "what's the headcount for {course} {date}",
      'how many are coming to my session {date}',
    ],
    // trainer's view
    [
      'who have i got to train {date}',
      'who have i got in my class {date}',
      'who is in my {course} group',
      'who will i have on {course} {date}',
      'who should i expect at my session {date}',
      'whos in my {weekday} class',
    ],
    // terse
    [
      'roster {course}',
      '{course} roster {date}',
      'attendees {course}?',
      "who's on {course}",
      'delegates {date}?',
      'bookings for {course} {date}',
    ],
    // formal
    [
      'Could you please send me the list of delegates registered for {course} {date}?',
      'Please provide the attendee list for the {course} session.',
      'May I see who is registered on the {course} course?',
      'I would like to review the registrations for {course} {date}.',
      'Please share the participant list for my upcoming session.',
    ],
    // context first: practical prep
    [
      'need to order lunch for {course} {date}, who is actually booked on it',
      'printing name badges for {course}, can you tell me who is coming',
      'want to send a welcome email before {course} {date}, who is on the list',
      "doing the room layout for the {course} session, who's signed up",
      'trying to work out numbers for catering, who has booked {course}',
      "before {course} kicks off {date} i'd like to know who's registered",
    ],
    // my team on a session
    [
      'is anyone from my team booked on {course} {date}',
      'which of my team are booked on {course}',
      'who from {dept} is going to {course}',
      'are any of my lot booked on that session',
      'who from my team signed up to {course}',
    ],
    // expected / down for
    [
      'who is expected at {course} {date}',
      'who are we expecting for {course}',
      'who is due to attend {course} {date}',
      'who is scheduled to attend {course}',
      'who is down for {course} {date}',
      "who's down to come to {course}",
    ],
  ],

  record_attendance: [
    // take the register
    [
      'take the register for {course}',
      'let me do the register for my session',
      'mark attendance for my {course} session',
      'record who turned up to {course}',
      'log attendance for {course} today',
      'time to do the roll call for {course}',
    ],
    // all present
    [
      'all present',
      'everyone turned up',
      'full house, everyone attended',
      'all {n} attended',
      'mark everyone present for {course}',
      'everybody came, mark them all attended',
    ],
    // no-show
    [
      '{person} was a no-show',
      "{person} didn't show up to {course}",
      'mark {person} as no-show',
      '{person} never turned up',
      'mark {person} absent from {course}',
      'no show for {person}',
    ],
    // everyone else attended
    [
      'everyone except {person} attended',
      'all present apart from {person}',
      '{person} missed it, everyone else attended',
      'everybody but {person} and {person} came',
      'all attended bar {person}',
      'mark all present except {person} who was off sick',
    ],
    // partial
    [
      '{person} left at lunch, mark him partial',
      '{person} only stayed for the morning',
      '{person} turned up an hour late, mark as partial',
      'partial attendance for {person}',
      '{person} had to leave halfway through',
      '{person} dipped out after the break, partial',
    ],
    // one person attended
    [
      '{person} attended {course}',
      'mark {person} as attended',
      'tick {person} off as present',
      '{person} was there',
      'yes {person} came',
      '{person} sat the whole session',
    ],
    // formal
    [
      'Please record attendance for the {course} session held today.',
      'I would like to confirm attendance for {course}: all delegates attended.',
      'Please mark {person} as not having attended.',
      'Kindly update the attendance record for {course}.',
      'Please note that {person} attended only part of the session.',
    ],
    // context first, just out of the room
    [
      'just finished {course}, great group, everyone showed except {person}',
      'session done! {person} and {person} were no-shows, rest were there',
      'back from running {course}, need to put the attendance in',
      'wrapped up {course} today, {person} had to leave early for a family thing so partial for her',
      'ok so {course} this morning - full turnout, can you mark it',
    ],
    // terse phone
    [
      'register done, all in',
      '{person} absent',
      '{person} present',
      'attendance {course}: all',
      '{person} no show',
      '{person} dns',
    ],
    // lists of who was in and out
    [
      'attended: {person}, {person}. no-show: {person}',
      'present {person} {person} {person}',
      '{person} yes, {person} no, {person} yes',
      "update attendance: {person} attended, {person} didn't",
      'here: {person}, {person}; not here: {person}',
    ],
  ],

  schedule_sessions: [
    // command with date and time
    [
      'schedule {course} {date} {time}',
      'pop a {course} session in the diary {date}',
      'set up {course} {date} {time}',
      'put a {course} course in the calendar {date}',
      'create a new {course} session for {date}',
      'add {course} {date} {time}',
    ],
    // recurring
    [
      'run {course} every {weekday} {time} for {n} weeks',
      'weekly {course} on {weekday}s',
      'set up a recurring {course} session every other {weekday}',
      'schedule {course} each {weekday} {time} until christmas',
      '{course} every {weekday} morning for the next {n} weeks',
      'make {course} a weekly thing on {weekday}s {time}',
    ],
    // venue, seats, trainer
    [
      'schedule {course} {date} in {city}, {n} seats, {person} teaching',
      'new {course} session {date} {time}, room {n}, max {n}',
      'set up {course} in the {city} office {date} with {person} as trainer',
      'create {course} {date} {time} for {n} people in the training room',
      '{course} {date}, {city}, {n} places, trainer {person}',
    ],
    // online
    [
      'schedule {course} online {date} {time}',
      'set up a virtual {course} session {date}',
      'run {course} on teams {date} {time}',
      'put on a zoom {course} session {date}, no venue needed',
      'create an online {course} class {date}, {n} seats',
      '{course} webinar {date} {time}',
    ],
    // demand: we need another
    [
      'we need another {course} session, the waitlist is huge',
      'can we lay on an extra {course} date {date}',
      'demand for {course} is mad, add another session',
      "let's run {course} again {date}",
      'i want to put on more {course} sessions next month',
      'organise a {course} course for {dept} {date}',
    ],
    // formal
    [
      'Please schedule a {course} session on the {dom} {time}.',
      'I would like to arrange a {course} training session for {date}.',
      'Could you create a {course} session {date} {time} with capacity for {n} delegates?',
      'Please add a {course} session to the calendar {date}.',
      'Kindly set up a session of {course} {date} in {city}.',
    ],
    // context first
    [
      'the {dept} team all need {course} before year end, can you schedule a session {date}',
      'new starters arriving {date} so we need a {course} session that week',
      '{person} has offered to run {course} {date} {time}, can you set it up',
      'got the room booked for {date}, please create the {course} session',
      "we just got budget approved for {course} so let's schedule one {date}",
    ],
    // terse
    [
      'new session {course} {date}',
      'sched {course} {date} {time}',
      '{course} {date} {time} {n} seats',
      'new {course} date pls',
      'schedule a session',
      'add session',
    ],
    // American
    [
      'schedule a {course} training for {date}',
      'can you calendar a {course} class {date} {time}',
      'put {course} on the calendar {date}',
      'set up a {course} workshop for the {city} team {date}',
      'we should offer {course} {date}, please schedule it',
    ],
  ],

  add_cost: [
    // "the X was money"
    [
      'the room hire was {money}',
      'the {category} came to {money}',
      '{category} for {course} was {money}',
      'the {category} cost us {money}',
      'we paid {money} for the {category}',
      '{category} ended up being {money}',
    ],
    // command: add / log
    [
      'add {money} {category} to the {course} session',
      'log {money} for {category} against {course}',
      'record a {category} cost of {money}',
      'put {money} down for {category} on {course} {date}',
      'add a cost: {category}, {money}',
      'enter {money} against {course} for {category}',
    ],
    // vendor invoice
    [
      '{vendor} invoiced {money} for {course}',
      'got an invoice from {vendor} for {money}',
      '{vendor} charged us {money} for {category}',
      'add the {vendor} invoice, {money}, {category}',
      "log {vendor}'s bill of {money} against {course}",
      '{vendor} sent their bill: {money}',
    ],
    // terse
    [
      '{category} {money}',
      '{money} {category} {course}',
      'cost {money} {category}',
      '+{money} {category}',
      '{category}: {money}',
      '{money} on {category}',
    ],
    // formal
    [
      'Please record a {category} expense of {money} against the {course} session.',
      'I would like to log the {category} costs for {course}, totalling {money}.',
      'Please add {money} to the {course} session costs under {category}.',
      'Kindly note an expense of {money} for {category} {date}.',
      'The {category} charge for {course} amounted to {money}; please record it.',
    ],
    // context first
    [
      'just got the receipt for the {category} at {course}, it was {money}, can you add it',
      'trainer travel for {course} - {person} got a train, {money}, put that on the session',
      "forgot to put in the {category} from last week's {course}, it was {money}",
      'finance want all session costs logged so {category} {money} for {course}',
      '{course} went over budget, {category} alone was {money}, log it',
    ],
    // pronoun / that session
    [
      'add {money} to that session for {category}',
      'that one cost {money} for {category}',
      'put {money} {category} on it',
      'log {money} against that session',
      'the {category} for that was {money}',
    ],
    // no amount yet
    [
      'add a cost to {course}',
      'i need to record some costs for {course}',
      'log an expense against the {course} session',
      'add session costs',
      'record {category} costs for {course} {date}',
      'can i add a {category} bill to that session',
    ],
    // American / accounting verbs
    [
      'expense {money} for {category} on {course}',
      'charge {money} {category} to the {course} session',
      'allocate {money} of {category} to {course}',
      'bill {money} for {category} against {course}',
      'tack {money} onto {course} for {category}',
    ],
  ],

  report: [
    // how full / fill rate
    [
      'how full were our sessions {period}',
      'what was the fill rate for sessions {period}',
      'how busy were the classes {period}',
      'seat utilisation {period}?',
      'how well attended was {course} {period}',
      'what were attendance numbers like {period}',
    ],
    // completions
    [
      'completion rates for {period}',
      'how many people finished {course} {period}',
      'completions across the company {period}',
      "what's the completion rate for {course} in {dept}",
      'completions report {period}',
      'how many courses were completed {period}',
    ],
    // spend
    [
      'what did training cost us overall {period}',
      'total training spend {period}',
      'what did {course} cost us {period}',
      'how much have we spent on {course} {period}',
      'costs for {dept} {period}',
      'breakdown of training costs {period}',
    ],
    // cost per learner
    [
      'cost per learner {period}',
      'what does {course} cost per head',
      'spend per person for {dept} {period}',
      'average cost per delegate on {course}',
      'how much per learner did we pay for {course}',
    ],
    // compliance across org / department
    [
      'compliance report for {dept}',
      'company-wide compliance report',
      'compliance across the whole organisation',
      'org-wide compliance figures for the board',
      'give me compliance by department',
      'compliance report for {dept} as csv',
    ],
    // expiring certificates
    [
      'expiring certs report for {period}',
      'report of certificates expiring {period}',
      'how many certs are due to expire across the company {period}',
      'list all expiring certificates in {dept}',
      'upcoming expiries report',
    ],
    // format / export
    [
      'export {reportkind} to csv',
      'can i get {reportkind} as a pdf',
      'chart of {reportkind} {period}',
      'download {reportkind} for {dept}',
      'send me the {reportkind} report as a spreadsheet',
      '{reportkind} {period} csv pls',
    ],
    // no-shows / attendance figures
    [
      'how many no-shows did we have {period}',
      'no-show rate {period}',
      'attendance report for {course}',
      'registrations vs attendance {period}',
      'what percentage of bookings actually turned up {period}',
    ],
    // e-learning scores
    [
      'how are people scoring on the {course} module',
      'scorm attempts for {course}',
      'quiz results for {course} {period}',
      'pass rates on the {course} elearning',
      'how many attempts does it take people to pass {course}',
    ],
    // formal / context first
    [
      'I need the quarterly training figures for the leadership meeting.',
      'board pack due friday, need {reportkind} numbers for {period}',
      'Please prepare a report on {reportkind} for {dept} covering {period}.',
      'audit is asking for {reportkind} data, can you pull a report',
      'for the QBR i need {reportkind} {period} by department',
    ],
  ],

  reschedule_session: [
    // move the session to a date
    [
      'move the {course} session to {date}',
      'reschedule {course} to {date}',
      'push {course} back to {date}',
      'change the date of the {course} session to {date}',
      'can the {course} class move to {date}',
      'rebook the whole {course} session for {date}',
    ],
    // from one day to another
    [
      'move {course} from {weekday} to {weekday}',
      'reschedule the {course} on the {dom} to the {dom}',
      '{course} is moving from {weekday} to {date}',
      'swap {course} from {weekday} to {weekday}',
      'change {course} on {weekday} to {weekday} instead',
    ],
    // postpone / delay / bring forward
    [
      'postpone {course}',
      'postpone the {course} session by a fortnight',
      'put {course} back a week',
      'delay the {course} session until {date}',
      'bring {course} forward to {date}',
      'push the {course} class a week later',
    ],
    // time change
    [
      'change the time of {course} to {time}',
      'make {course} {date} start {time} instead',
      'move {course} to the afternoon',
      '{course} should start {time} not earlier',
      'shift {course} {date} to {time}',
    ],
    // context first, reason
    [
      'the trainer is off {date} so {course} needs to move to {weekday}',
      "venue isn't available that day, can we move {course} to {date}",
      '{course} clashes with the all-hands, push it to {date}',
      'room got double booked, reschedule {course} to {weekday}',
      'bank holiday on the {dom} so move {course} to the next day',
    ],
    // formal
    [
      'Please reschedule the {course} session to {date}.',
      'Could you move the {course} session to {weekday} at the same time?',
      'The {course} session will need to be rescheduled to {date}.',
      'Kindly change the date of {course} to the {dom}.',
      'I would like to move the {course} session to a later date.',
    ],
    // terse
    [
      'reschedule {course}',
      '{course} -> {date}',
      'move {course} {date}',
      'resched {course} to {weekday}',
      'new date for {course}: {date}',
      '{course} moved to {weekday}',
    ],
    // the whole session, everyone stays booked (not one person)
    [
      'move the whole {course} session, everyone on it, to {date}',
      'the entire {course} class needs to go to {date}',
      'keep the same people but move {course} to {date}',
      'rearrange {course} for {date}, delegates stay booked',
      'move the session itself to {date}, not just one person',
    ],
    // pronoun
    [
      'move that session to {date}',
      'reschedule it to {weekday}',
      'can we push that one to {date}',
      'move it back a week',
      'change its date to the {dom}',
    ],
  ],

  cancel_session: [
    // cancel the session
    [
      'cancel the {course} session {date}',
      'cancel {course} {date} for every delegate booked',
      'call off {course} {date}',
      'scrap the {course} session',
      'the {course} class {date} is cancelled',
      'pull the {course} session {date}',
    ],
    // with a reason
    [
      'cancel {course} {date}, the trainer is ill',
      '{course} is off, not enough bookings',
      'venue has flooded so {course} {date} is cancelled',
      "cancel the {course} session because {person} can't make it and there's no cover",
      "{course} {date} won't be running, trainer pulled out",
      'we have to cancel {course}, only {n} people signed up',
    ],
    // and tell the attendees
    [
      'cancel the {course} session and tell everyone booked',
      'cancel {course} {date} and let the delegates know',
      'cancel the whole {course} class and notify all attendees',
      'kill the {course} session and email everyone on it',
      'cancel {course} for everybody and send them an apology',
    ],
    // remove from calendar
    [
      'take {course} {date} off the calendar',
      'remove the {course} session from the schedule',
      'delete the {course} session {date}',
      'get rid of the {course} date {date}',
      'pull {course} from the programme',
    ],
    // formal
    [
      'Please cancel the {course} session scheduled {date}.',
      'Regrettably the {course} session {date} must be cancelled due to trainer illness.',
      'I need to cancel the {course} session for all participants.',
      'Please withdraw the {course} session {date} from the calendar.',
      'Could you cancel the {course} course on the {dom}? The venue is unavailable.',
    ],
    // terse / caps
    [
      'CANCEL {course} {date}',
      'cancel session {course}',
      '{course} cancelled',
      '{course} {date} - cancel',
      'cx {course} session {date}',
      'cancel whole session',
    ],
    // context first
    [
      'bad news, our {course} trainer has covid so we need to cancel {date}',
      "just heard from {vendor}, they can't deliver {course} {date}, cancel it",
      "so {course} {date} isn't happening, can you cancel it for everyone",
      'the {city} office is closed {date} so cancel the {course} session there',
      'after chatting with {dept} we decided not to run {course} {date}, please cancel',
    ],
    // pronoun
    [
      'cancel that session',
      'cancel the whole thing for everyone',
      'scrap that class',
      "that session isn't going ahead, cancel it",
      'call that one off for all of them',
    ],
    // American / slang
    [
      'we are canceling {course} {date}',
      'nix the {course} session',
      'axe {course} {date}',
      'shut down the {course} class {date}',
      '{course} is a no-go {date}, cancel it',
      'drop the {course} session {date} entirely',
    ],
  ],

  transfer_registration: [
    // move a person to a session
    [
      'move {person} to the {course} session {date}',
      "transfer {person} over to {weekday}'s {course}",
      'switch {person} onto the {weekday} {course}',
      "move {person}'s booking to {date}",
      'put {person} on the later {course} session instead',
      'swap {person} into the {city} {course} session',
    ],
    // from one session to another
    [
      'move {person} from the {weekday} {course} to the {weekday} one',
      '{person} needs to go from the morning session to the afternoon one',
      'transfer {person} from {course} {date} to the next one',
      'switch {person} from {city} to the {city} session',
      "{person} can't do {weekday}, move them to {weekday}",
    ],
    // registration / place / seat nouns
    [
      "transfer {person}'s registration to the {course} session {date}",
      "move {person}'s place to another {course} date",
      "shift {person}'s seat to {date}",
      "reassign {person}'s booking to the {weekday} session",
      "change {person}'s {course} session to {date}",
    ],
    // pronoun
    [
      'stick him on the other date instead',
      'put her on the {weekday} one instead',
      'transfer them to the next {course}',
      'move her booking to {date}',
      'switch him to the afternoon session',
    ],
    // formal
    [
      'Please transfer {person} to the {course} session on the {dom}.',
      "Could you move {person}'s registration to a later {course} session?",
      'I would like {person} to be transferred to the {course} session {date}.',
      "Kindly transfer {person}'s place from {weekday} to the {dom}.",
      'Please move {person} onto the next available {course} session.',
    ],
    // context first
    [
      '{person} is on leave {date} so can you move her to the next {course}',
      '{person} booked the wrong {course} date, put him on {date} instead',
      '{person} has a clash with a client meeting, switch her to the {weekday} {course}',
      "{person}'s shift pattern changed, needs the afternoon {course} not the morning one",
      '{person} is off sick {date}, move his booking to the following session',
    ],
    // terse
    [
      'transfer {person} {course} {date}',
      'mv {person} to {weekday}',
      '{person} -> {date} {course}',
      'move {person} {weekday} session',
      '{person} onto the next {course} pls',
    ],
    // the learner moving themselves
    [
      'move me to the {course} on {weekday}',
      'can i switch to a later {course} date',
      'transfer my place to {date}',
      'put me on a different {course} session please',
      'swap my booking to the {city} session',
      "i'd rather do {date}, can you move my booking",
    ],
    // several people
    [
      'move {person} and {person} to the {course} session {date}',
      'transfer the {dept} people to the {weekday} session',
      '{person} and {person} both need moving to the later {course}',
      'swap {person} onto {date} and {person} onto {weekday}',
      'move {n} of the {course} delegates over to the {weekday} session',
    ],
  ],

  change_capacity: [
    // raise to n
    [
      'increase the capacity of {course} {date} to {n}',
      'bump the {course} numbers up to {n}',
      'raise {course} to {n} seats',
      'up the cap on {course} to {n}',
      'make {course} {date} {n} seats',
      'let {n} people on the {course} session',
    ],
    // reduce
    [
      'reduce {course} to {n} places',
      'drop the {course} session to {n} seats',
      'lower the max on {course} to {n}',
      'cap {course} at {n}',
      'cut {course} {date} down to {n}',
      'only allow {n} on {course}',
    ],
    // add n more
    [
      'add {n} more seats to {course}',
      'can we squeeze {n} extra onto {course}',
      'open up {n} more places on {course} {date}',
      'release another {n} spaces on {course}',
      'fit {n} more people on the {course} session',
    ],
    // context first
    [
      'we moved {course} to a bigger room so it can take {n} now',
      'waitlist on {course} is long, bump the capacity to {n}',
      'the new room only fits {n}, change the {course} capacity',
      'trainer says she can handle {n} on {course}, update it',
      'fire regs say max {n} in that room, so cap {course} {date} at {n}',
    ],
    // formal
    [
      'Please change the capacity of the {course} session {date} to {n}.',
      'Could you increase the maximum number of delegates on {course} to {n}?',
      'Please set the {course} session capacity to {n} participants.',
      'The {course} session should be limited to {n} attendees.',
      'Kindly amend the capacity for {course} to {n}.',
    ],
    // terse
    [
      'capacity {course} {n}',
      '{course} cap {n}',
      '{course} max {n}',
      '{course} {date} -> {n} seats',
      'seats {n} {course}',
    ],
    // pronoun
    [
      'make that session {n} seats',
      'change its capacity to {n}',
      'bump it to {n} places',
      'set the max on that one to {n}',
      'that class can take {n} now',
    ],
    // no number yet
    [
      'change the capacity of {course}',
      'i need to adjust the number of seats on {course}',
      'can we make the {course} session bigger',
      'make the {course} session smaller',
      'edit the max places on {course} {date}',
      'update capacity for the {course} class',
    ],
    // American / jargon
    [
      'raise the enrollment limit on {course} to {n}',
      'set the class size for {course} to {n}',
      'change the headcount limit for {course} to {n}',
      'up the seat count on {course} {date} to {n}',
      'enrolment cap for {course} should be {n}',
    ],
  ],

  start_journey: [
    // for me
    [
      'start the {journey} journey',
      'begin my {journey} journey',
      'i want to start {journey}',
      'kick off the {journey} path for me',
      'sign me up to the {journey} journey',
      'enrol me on the {journey} journey',
    ],
    // for someone
    [
      'start the {journey} journey for {person}',
      'put {person} on the {journey} journey',
      'enrol {person} in {journey}',
      'kick off {journey} for {person}',
      'begin {journey} for {person}',
      'get {person} started on the {journey} programme',
    ],
    // new hire / promotion context
    [
      '{person} starts {date}, set them up on the {journey} journey',
      'we have a new hire, {person}, joining {date}, start onboarding for her',
      '{person} just got promoted to team lead so start the {journey} journey',
      '{person} passed probation, kick off the {journey} path',
      'new starter in {dept} today, {person}, can you start their induction journey',
    ],
    // formal
    [
      'Please start the {journey} journey for {person}.',
      'I would like to enrol {person} on the {journey} learning journey.',
      'Could you initiate the {journey} programme for {person}?',
      'Kindly assign the {journey} journey to {person}.',
      'Please begin the {journey} pathway for our new colleague {person}.',
    ],
    // terse
    [
      'start journey {journey}',
      '{journey} journey {person} start',
      'start {journey} {person}',
      'journey: {journey} for {person}',
      'begin {journey} journey',
    ],
    // question
    [
      'can you start {person} on the {journey} journey?',
      'can i begin the {journey} journey now?',
      'could {person} start {journey} this week?',
      'is it possible to put {person} on the {journey} path?',
      'can we get {journey} going for {person}',
    ],
    // several people
    [
      'start the {journey} journey for {person} and {person}',
      'put all the new {dept} starters on {journey}',
      'start {journey} for everyone joining {date}',
      'enrol my new team members on the {journey} journey',
      'kick off {journey} for the {city} graduates',
    ],
    // pathway / track jargon
    [
      'assign the {journey} pathway to {person}',
      'trigger the {journey} track for {person}',
      'add {person} to the {journey} learning path',
      'enroll {person} in the {journey} curriculum',
      'set {person} up with the {journey} programme',
    ],
  ],

  assign_instructor: [
    // make X the trainer
    [
      'make {person} the trainer for {course} {date}',
      'assign {person} to teach {course}',
      '{person} will deliver {course} {date}',
      'put {person} down as facilitator on {course}',
      'set {person} as instructor for the {course} session',
      '{person} is running {course} {date}',
    ],
    // replace one trainer with another
    [
      'replace {person} with {person} on {course}',
      "{person} is covering {person}'s {course} session {date}",
      'swap {person} out for {person} on the {course} class',
      '{person} is standing in for {person} {date}',
      'switch the trainer on {course} from {person} to {person}',
    ],
    // no trainer yet
    [
      '{course} {date} has no trainer, put {person} on it',
      'nobody is teaching {course} yet, assign {person}',
      'we need a trainer for {course}, give it to {person}',
      'the {course} session needs an instructor, {person} can do it',
      '{course} is missing a facilitator, use {person}',
    ],
    // co-trainer
    [
      'add {person} as co-trainer on {course}',
      '{person} will co-deliver {course} with {person}',
      'add {person} as a second instructor for {course} {date}',
      'put {person} on {course} as well to help {person} teach',
      '{person} is co-facilitating {course} too',
    ],
    // formal
    [
      'Please assign {person} as the instructor for the {course} session {date}.',
      'I would like {person} to facilitate the {course} session.',
      'Could you record {person} as the trainer for {course}?',
      '{person} will be replacing {person} as facilitator for {course} {date}.',
      'Kindly allocate {person} to deliver {course}.',
    ],
    // context first
    [
      '{person} is off sick {date} so {person} is going to take the {course} session',
      'spoke to {person} and she is happy to run {course} {date}, can you put her on it',
      '{vendor} are sending {person} to deliver {course}, add him as the trainer',
      '{person} has left the company so {person} will teach {course} from now on',
      "{person}'s on holiday that week, get {person} to cover {course}",
    ],
    // terse
    [
      'trainer {course}: {person}',
      '{person} -> {course} trainer',
      'instructor for {course} {date} = {person}',
      '{course} {date} trainer {person}',
      'assign {person} {course}',
    ],
    // pronoun
    [
      'make {person} the trainer on that session',
      'put {person} on it as instructor',
      '{person} can teach that one',
      'give that session to {person} to deliver',
      'change who teaches that class to {person}',
    ],
    // jargon
    [
      'staff {course} {date} with {person} as trainer',
      'slot {person} in as facilitator for {course}',
      'have {person} lead the {course} class',
      '{person} is the SME for {course}, make them the presenter',
      'tag {person} as lead instructor on {course} {date}',
    ],
  ],

  add_vendor: [
    // add as supplier
    [
      'add {vendor} as a supplier',
      'set {vendor} up as a vendor',
      'create a new vendor called {vendor}',
      'register {vendor} as a training provider',
      'add {vendor} to our suppliers',
      'put {vendor} on the vendor list',
    ],
    // with an e-mail
    [
      'add {vendor} as a vendor, contact hello@example.com',
      'new supplier {vendor}, their email is accounts@example.co.uk',
      'set up {vendor}, contact is sarah@example.com',
      '{vendor} - vendor - billing@example.org',
      'add vendor {vendor} (invoices@example.com)',
    ],
    // context first
    [
      "we're using {vendor} for {course} now, add them as a supplier",
      'signed a contract with {vendor}, please set them up as a vendor',
      '{vendor} are our new caterers, can you add them',
      'procurement approved {vendor}, need them in the system as a supplier',
      'going to start using {vendor} for training in {city}, add them as a vendor',
    ],
    // no name yet
    [
      'add a supplier',
      'i need to set up a new vendor',
      'new supplier please',
      'can i add a training provider',
      'need to get a new vendor onto the system',
      'create vendor',
    ],
    // formal
    [
      'Please add {vendor} to the approved supplier list.',
      'I would like to register {vendor} as a new vendor.',
      'Could you create a supplier record for {vendor}?',
      'Kindly onboard {vendor} as a training supplier.',
      'Please set up {vendor} as an external provider.',
    ],
    // terse
    [
      'new vendor: {vendor}',
      'vendor {vendor}',
      'supplier add {vendor}',
      '+ supplier {vendor}',
      'add {vendor} as vendor pls',
    ],
    // question
    [
      'can you add {vendor} as a supplier?',
      'is it possible to add {vendor} as a vendor?',
      'could we get {vendor} set up as a provider',
      'can {vendor} be added to the suppliers',
      'would you add {vendor} to the vendor list',
    ],
    // procurement jargon
    [
      'onboard {vendor} as a new vendor',
      'create a vendor record for {vendor}',
      'add {vendor} to the AP vendor master',
      'set up a new supplier account for {vendor}',
      'register {vendor} in procurement',
      'add {vendor} as a third-party training provider',
    ],
  ],

  raise_purchase_order: [
    // full details
    [
      'raise a po for {money} to {vendor}',
      'raise PO {ponum} for {money} with {vendor}',
      'create a purchase order to {vendor} for {money}',
      'po {ponum}, {vendor}, {money}',
      'raise purchase order {ponum} against {vendor} for {money}',
      'new po for {vendor}, {money}',
    ],
    // no details
    [
      'raise a po',
      'need a purchase order doing',
      'new purchase order please',
      'can you create a po',
      'po needed',
      'get a po raised',
    ],
    // for a category of spend
    [
      'raise a po for the {category} at {course}',
      'we need a purchase order for {category}, {money}',
      'po for {vendor} {category} {money}',
      'create a po to cover {category} for {course}',
      'purchase order for {course} {category} please',
    ],
    // context first
    [
      "{vendor} won't start until they have a po, can you raise one for {money}",
      'finance need a po before we can pay {vendor}, {money}',
      "got the quote from {vendor}, {money}, let's get the po raised",
      'trainer needs a purchase order number before {date}, raise one for {vendor}',
      'booking {vendor} for {course} so need a po for {money}',
    ],
    // formal
    [
      'Please raise a purchase order for {money} payable to {vendor}.',
      'I would like to raise purchase order {ponum} for {vendor}.',
      'Could you create a purchase order in the amount of {money} for {vendor}?',
      'Kindly issue a purchase order to {vendor} for {category} totalling {money}.',
      'Please record PO {ponum} for {money} with {vendor}.',
    ],
    // terse
    [
      'PO {vendor} {money}',
      'po {ponum} {money}',
      'po pls {vendor}',
      'raise po {ponum}',
      'PO for {course} trainer',
    ],
    // number already issued by finance
    [
      'finance gave me po {ponum}, add it for {vendor} {money}',
      'record purchase order {ponum} for {vendor}',
      'log po {ponum}, {money}, {vendor}',
      'po number is {ponum} for the {vendor} booking',
      "here's the po: {ponum}, {money} to {vendor}",
    ],
    // American / question
    [
      'can you cut a po for {vendor}',
      'can we open a purchase order with {vendor} for {money}',
      'could you generate a po for {money}',
      'issue a PO to {vendor}',
      'need a PO set up for {vendor} for {course}',
    ],
  ],

  set_certificate_validity: [
    // valid for n
    [
      '{course} certificates are valid for {n} years',
      '{course} certs last {n} months',
      'make {course} valid for {n} years',
      'set {course} validity to {n} months',
      '{course} should be good for {n} years',
      'a {course} cert lasts {n} years',
    ],
    // never expires
    [
      '{course} never expires',
      '{course} certificates should not expire',
      'remove the expiry on {course}',
      "{course} doesn't need renewing",
      'make {course} a one-off, no expiry',
      '{course} is valid forever',
    ],
    // renew every
    [
      '{course} needs renewing every {n} years',
      'people have to redo {course} every {n} years',
      '{course} refresher every {n} months',
      'recertify {course} every {n} years',
      '{course} must be retaken every {n} months',
    ],
    // expire after
    [
      '{course} expires after {n} years',
      '{course} certificates expire {n} months after completion',
      'set {course} to expire after {n} years',
      'make {course} certs lapse after {n} months',
      '{course} should run out after {n} years',
    ],
    // formal
    [
      'Please set the certificate validity for {course} to {n} years.',
      'The validity period for {course} certificates should be {n} months.',
      'Could you update {course} so that certificates remain valid for {n} years?',
      'Kindly configure {course} certificates to expire after {n} months.',
      'Please amend the {course} certification period to {n} years.',
    ],
    // context first
    [
      'the regulations changed, {course} is now valid for {n} years instead of {n}',
      'our insurer says {course} has to be refreshed every {n} years, can you set that',
      'hse guidance is {n} years for {course}, please update the validity',
      'we agreed at the h&s committee that {course} lasts {n} years now',
      "legal says {course} doesn't expire any more, change it",
    ],
    // terse
    [
      '{course} validity {n}y',
      '{course} {n} months validity',
      'validity {course}: {n} years',
      '{course} cert expiry {n} yrs',
      '{course} - no expiry',
    ],
    // change / question
    [
      'change how long {course} certificates are valid for',
      'can we make {course} certs last {n} years',
      'i want to change the expiry period on {course}',
      'update the validity of {course}',
      'can {course} be valid for {n} months instead',
      'extend {course} validity to {n} years',
    ],
  ],
};
