/**
 * Wording families added after grouping the failures of the former test sets (fresh-test and
 * fresh-test-2, dev sets since fresh-test-3 replaced them) by kind. Each family is a kind of
 * failure written out in wordings of our own, never the dev sentences themselves: short
 * answers to an offer, moving a booking or a session, pulling a session, waiting for a place,
 * signing off, poking, and the questions the first banks read as something else.
 */
import type { ParaphraseBank } from './bank.ts';

export const THIRD_PASS_BANK: ParaphraseBank = {
  accept_offer: [
    [
      'go ahead then',
      'yes go for it',
      'go for it then',
      'sure thing, book it',
      'yes do it please',
      'yep, grab it',
    ],
    [
      'that sounds ideal',
      '👍 lovely, yes',
      'sounds perfect, yes',
      'that works for me',
      'works for me 👍',
      '✅ yes',
    ],
    [
      "i'll snap it up",
      "i'll have it!",
      "yes, i'll have that one",
      'grab it for me',
      'mine please',
      'i want it!',
    ],
    ['yes pls', 'absolutely, yes', 'definitely yes', 'yes!', 'yep please', 'oh yes please'],
  ],
  decline_offer: [
    ['no thank you', 'no ta', 'thanks but no', 'no, but thanks', 'no thank u', 'no, thanks anyway'],
    ['nah', 'nah skip it', 'nah forget it', 'nah, not for me', 'leave it thanks', 'nah, let it go'],
    ['not at the moment', 'not this time', 'maybe another time', 'another time maybe', 'not today, thanks'],
    ["don't worry about it", 'forget it', 'skip it', 'no need, thanks', 'let it go', 'give it a miss'],
    ['👎', 'nope', 'nope, not interested', 'nope, pass', '👎 no thanks', 'nope, not for me'],
    [
      "i won't be able to go, pass it on",
      "can't do it anymore, release it",
      'that date is no good for me',
      "the {course} date doesn't work for me any more, let someone else have it",
      'i have a clash, offer it to someone else',
    ],
  ],
  transfer_registration: [
    [
      'move {person} onto the {weekday} {course}',
      'shift {person} to a later {course}',
      'swap {person} onto {course} {date} instead',
      'put {person} on the {date} {course} instead',
      'switch {person} over to the {weekday} {course}',
    ],
    [
      "i'd rather be on the {weekday} {course} than the one i have",
      'swap my {course} place for the {weekday} one',
      'change my booking to the {date} {course}',
      'can i switch to a different {course} date',
      'move my {course} booking to {date}',
    ],
    [
      'transfer {person} into a later {course} group',
      'move {person} to the following {course} intake',
      "{person}'s booking should go to the next {course} run",
      "shift {person}'s registration to {course} {date}",
      "move {person}'s place to the {weekday} {course}",
    ],
  ],
  cancel_session: [
    [
      'kill off {course} {date}',
      'pull {course} from the calendar',
      'scrap the {course} session, the room flooded',
      'axe {course} on {date}',
      "we're pulling {course} for good",
    ],
    [
      '{course} {date} is off, trainer sick',
      '{course} is not going ahead {date}',
      'the {date} {course} has to be cancelled',
      'no {course} session {date} any more, sorry',
      'the {course} class will not happen {date}',
    ],
  ],
  reschedule_session: [
    [
      'push {course} back by a week',
      'push the {date} {course} back two days',
      'bring {course} forward a week',
      'delay the {course} session by a week',
      'push back {course} a bit',
    ],
    [
      '{course} {date} needs to move to {date}',
      '{course} needs shifting to {date} because of a room clash',
      'the {course} on {date} has to move',
      "{course} can't run {date}, move it to {date}",
      'shift the {course} session to {date}',
    ],
    [
      'move {course} off {weekday} onto {weekday}',
      'change {course} from {date} to {date}',
      'the {course} session should be moved to {weekday}',
      'can {course} be moved to {date}',
    ],
  ],
  schedule_sessions: [
    [
      'schedule {course} at our {city} site on {date}',
      'schedule {course} {date}',
      'pencil in a {course} session on {date}',
      'add {course} to the training calendar on {date}',
      'get {course} in the calendar for {date}',
    ],
    [
      'repeat {course} {period}',
      'another run of {course} {period} please',
      'we should run {course} once more {period}',
      'run {course} a second time {period}',
    ],
  ],
  join_waitlist: [
    [
      'i want to be next in line for {course}',
      'let me know if a place frees up on {course}',
      'put my name on the list in case someone drops out of {course}',
      'if a seat opens up on {course} i want it',
      'queue me up for {course} in case a spot comes free',
    ],
  ],
  approve_request: [
    [
      "sign off {person}'s place on {course}",
      'fine to sign off {person} for {course}',
      'happy to sign off {person} on the {course} course',
      'can you sign {person} off for {course}',
      'you can sign off {person} for {course}',
    ],
  ],
  nudge: [
    [
      'poke {person} about {course}',
      'give {person} a poke re {course}',
      'poke everyone who is overdue on {course}',
      'poke whoever has lapsed on {course}',
      'give my team a poke about {course}',
    ],
  ],
  add_cost: [
    [
      '{vendor} charged {money} as the trainer fee for {course}',
      'the trainer cost us {money} for {course}',
      'facilitator fee {money} for {course} {date}',
      'room hire {money} for {course}',
      'invoice from {vendor}, {money}, for {course} {date}',
    ],
  ],
  raise_purchase_order: [
    [
      '{vendor} po {ponum} {money} for {category}',
      'a po for whoever supplies {course}',
      'po for {vendor} please',
      'need a po for {course}',
      'po to cover the {course} supplier',
    ],
  ],
  my_learning: [
    [
      'is my {course} still valid',
      'is my {course} current',
      'am i up to date on {course}',
      'is my {course} cert still ok',
      'am i still in date for {course}',
    ],
    [
      'how long until my {course} runs out',
      'when is my {course} due for renewal',
      'when will my {course} lapse',
      'what date does my {course} certificate run to',
    ],
    ['where do i stand on {course}', "what's my {course} status", 'how am i doing on {course}'],
  ],
  team_compliance: [
    [
      'is {person} all current with {course}',
      'did {person} ever complete {course}',
      'is {person} current on their training',
      'has {person} completed {course}?',
      'is {person} in date for {course}',
    ],
  ],
  session_roster: [
    [
      'who signed up for {course}',
      'who put their name down for {course}',
      'which people are enrolled on {course}',
      'who has enrolled in {course} {date}',
      'list the learners booked onto {course}',
    ],
    [
      "who's coming to my {course} session {date}",
      'who is booked onto the {course} class {date}',
      'how many people are booked on {course} {date}',
      'who will be at the {course} session i run {date}',
      'which people are down for my session {date}',
    ],
  ],
  help: [
    [
      'is there a manual for this bot',
      'got any pointers on using you',
      'where are the docs for this bot',
      'how am i meant to use you',
      'any instructions for this thing',
    ],
  ],
  my_bookings: [
    [
      'bookings i have coming up',
      'upcoming sessions i booked',
      'am i in on {course} or still queued',
      'did i get a place on {course}',
      'am i confirmed for {course} or waitlisted',
    ],
  ],
  recommend: [
    [
      'what should i do after {course}',
      'what comes after {course}',
      "what's a good next step after {course}",
      'something suitable for someone just promoted to lead a team',
      'which course suits someone new to managing',
    ],
  ],
  report: [['reporting', 'show me the reports', 'run a report', 'i want a report', 'reports menu']],
  small_talk: [['tysm', 'thank u', 'tyvm', 'thanks v much', 'many thanks']],
};
