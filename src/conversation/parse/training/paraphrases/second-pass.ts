/**
 * Wording families added after grouping the fresh-dev failures by kind (never the dev
 * sentences themselves): the constructions the first banks lacked, each written out in
 * several wordings of its own. Kept apart so their effect can be measured on its own.
 */
import type { ParaphraseBank } from './bank.ts';

export const SECOND_PASS_BANK: ParaphraseBank = {
  find_sessions: [
    [
      'what can i book',
      'what training can i sign up for',
      "what's bookable {date}",
      'which courses are open for booking',
      'what could i enrol on',
    ],
    [
      '{course} in {city}',
      '{course} {city}',
      '{course} at the {city} site',
      '{course} near {city} {date}',
      '{city} {course} dates',
    ],
    [
      'my {course} is about to run out, need a session',
      'my {course} cert is expiring, when can i redo it',
      'need to requalify in {course}, what dates',
      'my {course} lapses soon - any courses',
    ],
  ],
  cancel_booking: [
    [
      'take me off the {course} course',
      'get me off the {course} class',
      'knock me off {course}',
      'cross me off the {course} list',
      'scratch me from {course} {date}',
    ],
  ],
  my_bookings: [
    [
      "when's my {course} session again",
      'remind me when my {course} is',
      'what day was my {course} booking',
      'what time did i book {course} for again',
    ],
  ],
  my_learning: [
    [
      'which of my certs are about to expire',
      'are any of my certificates running out',
      'which of my qualifications lapse soon',
      'what do i need to renew in the next few months',
      'have i got anything coming up for renewal',
    ],
    [
      "what's left for me to do before the deadline",
      'what have i still got to finish',
      'what is outstanding on my list',
      'anything i still need to complete this month',
    ],
  ],
  team_compliance: [
    [
      'are my guys all in date for {course}',
      'is everyone in my team in date for {course}',
      'are they all certified for {course}',
      'my crew - all current on {course}?',
      'is the {dept} team in date',
    ],
  ],
  session_roster: [
    [
      'roster {course}',
      '{course} roster',
      'attendees {course} {date}',
      '{course} attendee list',
      'list attendees for {course}',
    ],
    [
      "who's on the {course} course {date}",
      'who is on the {course} session {date}',
      "who's in the {course} class",
      'who is doing {course} {date}',
    ],
  ],
  schedule_sessions: [
    [
      'i need to put on {n} {course} sessions starting {date}',
      'put on {n} {course} classes from {date}',
      'set up {n} {course} sessions beginning {date}',
      'we need {n} more {course} dates from {date}',
    ],
    [
      'new session: {course}, {date}, online, {n} seats',
      'new class - {course} {date} {time}, room {n}',
      'session for {course} {date}, {n} places, virtual',
      'create: {course} {date} {time}',
    ],
  ],
  reschedule_session: [
    [
      'reschedule {course}',
      'reschedule the session',
      'rearrange {course}',
      'move {course}',
      'new date for {course}',
    ],
    [
      'move the session to {date}',
      'move it to {date}',
      'push the session to {date}',
      'change the session date to {date}',
    ],
  ],
  cancel_session: [
    [
      "we're cancelling the {course} course, the trainer is off",
      "we're calling off {course}, not enough bookings",
      'cancelling the {course} session {date} due to illness',
      "{course} won't run, trainer pulled out",
      'the {course} course is cancelled, venue fell through',
    ],
  ],
  transfer_registration: [
    [
      '{person} needs to move from the morning {course} to the afternoon one',
      'move {person} from the {weekday} {course} to the {weekday} one',
      'switch {person} from the early {course} session to the late one',
      '{person} wants to swap from {date} to a later {course}',
    ],
  ],
  change_capacity: [
    [
      '{course} should be capped at {n}',
      'cap {course} at {n}',
      'limit {course} to {n} people',
      'max {n} on the {course} session',
      '{course} capacity should be {n}',
    ],
  ],
  approve_request: [
    [
      "sign off {person}'s {course} booking",
      "ok {person}'s booking for {course}",
      "give the green light to {person}'s request",
      "rubber stamp {person}'s {course} booking",
      "i'm happy for {person} to attend {course}, approve",
    ],
  ],
  accept_offer: [
    [
      'yes please, i want the place on {course}',
      'yes confirm my seat please',
      'brilliant, yes confirm the place',
      'great, i will take that seat',
      'yes, put me in that freed place',
    ],
  ],
  my_journeys: [
    [
      'what multi-step programmes am i part of',
      'which programmes am i on',
      'what learning programmes am i part of',
      'which pathways am i enrolled on',
    ],
  ],
  journey_progress: [
    [
      'status of my {journey} pathway',
      'progress on my {journey} programme',
      'progress on {journey} programme?',
      'where am i on the {journey} path',
    ],
  ],
  small_talk: [
    ['bye for now', 'speak later', 'ttyl', "that's all for now", 'all done, thanks'],
    ['hello 👋', 'hey rollcall', 'hi bot', 'morning rollcall ☀️', 'hey there 👋'],
  ],
};
