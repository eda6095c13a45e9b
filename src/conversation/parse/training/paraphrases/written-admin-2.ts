/**
 * Second written paraphrase bank for what managers, instructors and L&D admins say: a second
 * round covering constructions the first round (written-admin.ts) lacks — indirect questions
 * ("do you know whether…", "is it possible to…"), plain statements of fact ("the leadership
 * trainer can't make it, dana will do it"), reasons before the ask, bare noun phrases ("po for
 * acme 2k"), inline names outside SLOT_VALUES, course codes, numbers written as words, dates
 * and times in many forms, costs told as sentences in many currencies, attendance told as a
 * story, reports asked in every register, capacity as "fits/holds/takes N", moves said as
 * "push/slide/bump/bring forward", and managers asking about "my lot/my crew/the people I manage".
 *
 * Every line here was written from scratch by people imagining each kind of user — not taken or
 * adapted from any evaluation set. One inner array is one family: a single construction whose
 * lines vary the words. Placeholders are filled from SLOT_VALUES in training/templates.ts.
 */
import type { ParaphraseBank } from './bank.ts';

export const WRITTEN_ADMIN_2_BANK: ParaphraseBank = {
  team_compliance: [
    // indirect question: do you know whether my people are done
    [
      'do you know if my lot are all in date on {course}',
      'any idea whether my crew have finished {course}',
      'can you tell me whether the people i manage are up to date on their training',
      'i was wondering if my reports are all compliant on {course}',
      'would you be able to check whether my guys have done {course}',
      "not sure if my team's {course} is all current, do you know?",
    ],
    // one named report: has X done it
    [
      'has {person} done their {course} yet?',
      'is {person} current on all of their required courses',
      'did kofi ever get round to finishing {course}',
      'is amelia in date for {course} or has it lapsed',
      'has ravi completed the {course} module he was given',
      'is {person} behind on any of his required courses',
    ],
    // negative existential: is there anyone who hasn't
    [
      "is there anyone in my crew who still hasn't done {course}",
      'are there any of my reports still missing {course}',
      'is anybody i manage not yet done with {course}',
      'are any of the people i manage still without their {course}',
      'is there anyone in my lot who never finished {course}',
      'are there people under me who have not completed {course}',
    ],
    // bare noun phrase: the status of my people
    [
      "my crew's {course} status",
      'overdue list for the people i manage',
      '{course} gaps in my team',
      'outstanding mandatory modules, my reports',
      'lapsed certs among my lot',
      'expiry dates for my guys',
    ],
    // window written out: who lapses before a date or within words-of-time
    [
      'which of my reports lapse on {course} before the 14th',
      'anyone in my crew whose {course} runs out within thirty days',
      'who under me expires before the end of march',
      'which of the people i manage have certs ending in the next six weeks',
      'my lot, anything expiring before 31/1?',
      'who on my crew needs a {course} refresher before next thurs',
    ],
    // collective yes/no: are my X all ...
    [
      'are my lot all green?',
      'are the people i manage fully up to date',
      'my guys all in date?',
      'is my crew fully trained on {course}',
      'are all my reports done with the mandatory modules',
      'are my {dept} people all sorted for {course}',
    ],
    // reason first: for an event, what is the state of my people
    [
      'for the site inspection on the 14th, which of my crew are out of date',
      'ahead of the safety walk next thurs, are my guys compliant on {course}',
      'because of the client audit, i need to know who in my lot is overdue',
      'with the insurer visiting on 9/12, is everyone i manage in date on {course}',
      'for my quarterly review, how are my reports doing on mandatory training',
      'since {course} became mandatory, how many of my people have done it',
    ],
  ],

  nudge: [
    // indirect request: would you mind / is it possible
    [
      'would you mind nudging {person} about {course}',
      'is it possible to send my lot a reminder about {course}',
      'do you think you could chase {person} on their {course}',
      'could you possibly give my crew a reminder to finish {course}',
      'would it be ok to ping the people i manage about their overdue modules',
      "i wonder if you could remind kofi that {course} isn't done",
    ],
    // statement of need: X needs a reminder
    [
      '{person} needs a reminder about {course}',
      'my crew need a kick about {course}',
      'the overdue lot need chasing',
      'kofi could do with a nudge on {course}',
      'ravi needs a poke about his {course}',
      'the people i manage need reminding about {course}',
    ],
    // tell / let X know
    [
      'tell {person} to get {course} done',
      'let {person} know {course} is overdue',
      'tell my guys to finish {course} by friday',
      'let the people i manage know their {course} is due',
      'let my crew know the {course} deadline is the 14th',
      'tell amelia her {course} needs doing this week',
    ],
    // bare noun phrase: a reminder for someone
    [
      'reminder to {person} re {course}',
      'a nudge for my lot on {course}',
      '{course} reminder for everyone overdue',
      'chaser to {person} please',
      'gentle reminder to mia about {course}',
      'one more reminder for the expiring ones',
    ],
    // tone of the message
    [
      'send {person} a friendly reminder',
      'gentle nudge to my crew, nothing heavy',
      'firm reminder to {person} that {course} is overdue',
      'a polite reminder to everyone whose {course} is expiring',
      'send lucas a stern one about {course}',
      'nice reminder to my reports, keep it light',
    ],
    // remind with the deadline in it
    [
      'remind my lot that {course} has to be done by the 14th',
      'remind {person} that {course} is due {date}',
      'remind the people i manage their {course} expires at the end of the month',
      'remind ravi the deadline for {course} is 31/12',
      'remind my guys {course} closes next thurs',
      'remind {person} {course} must be finished before the audit',
    ],
    // again / another chaser
    [
      'chase {person} again',
      'send another reminder to the overdue ones',
      'nudge them one more time',
      'resend the {course} reminder to my crew',
      'remind lucas again, he ignored the last one',
      'second chaser to {person} on {course} please',
    ],
    // reason first with "as/since"
    [
      'as {course} is due on the 14th, nudge my guys',
      'since the audit is next thurs, send my reports a reminder',
      'seeing as {person} is still overdue on {course}, give them a poke',
      'as their certs are running out, remind the expiring lot',
      'since nobody in my crew has started {course}, chase them all',
    ],
  ],

  approve_request: [
    // consent as a statement, no approve verb
    [
      'no objection to {person} going on {course}',
      '{person} has my blessing for {course}',
      'happy for mia to do {course}',
      "i'm fine with {person} attending {course}",
      'i support ravi doing {course}, let it through',
      '{person} doing {course} is fine with me, tick it',
    ],
    // it's a yes / it's a no
    [
      "it's a yes for {person} on {course}",
      "that's a no from me for {person}",
      "it's a yes from me",
      "{person}'s {course} request is a no",
      "kofi's request is a yes",
      "it's a no for amelia this time",
    ],
    // indirect question: is anything waiting for my approval
    [
      'can you tell me whether anything needs my approval',
      'do you know if there are requests waiting for me',
      'is there anything i need to sign off',
      'are there any training requests sitting with me',
      'do i have anything pending approval from my team',
      'i was wondering if {person} has sent a request for me to approve',
    ],
    // passive statement: the request is approved / declined
    [
      "{person}'s request is approved",
      'the {course} request from {person} has been approved by me',
      "ravi's booking request is declined",
      "{person}'s {course} application is signed off",
      "consider amelia's request approved",
      'the request from {person} for {course} is refused',
    ],
    // conditional approval
    [
      "approve {person} as long as it's not friday",
      'approve {person} for {course} but only the online one',
      'yes to {person} if there are still seats',
      'approve ravi provided he covers his shift',
      "approve {person}'s request on condition they share notes with the team",
      'ok to approve kofi so long as it stays under budget',
    ],
    // picking from the pending list by position or course
    [
      'approve the first one',
      'turn down the second request',
      'approve the {course} one',
      'reject the one for {course}',
      'approve the top two and decline the last',
      'approve the request at the bottom',
    ],
    // bare noun phrase, then the decision
    [
      'the {course} request from {person}, go ahead',
      'the one kofi sent in for {course} - yes',
      'request from amelia - decline',
      "{person}'s {course} request, that's a go",
      'lucas and his {course} request, no',
      'pending one from {person} - ok',
    ],
    // reason first, then yes or no
    [
      'we are short staffed that week, so no to {person}',
      "budget's spent for the year, decline {person}'s {course}",
      "{course} fits {person}'s development plan, so yes, approve",
      'too close to year end, turn down the {course} request from ravi',
      '{person} has earned it, approve her {course}',
      'the team can cover him, so approve kofi for {course}',
    ],
  ],

  session_roster: [
    // indirect question: who is booked
    [
      "do you know who's booked on {course} {date}",
      "could you tell me who's on my {weekday} session",
      'any idea how many are coming to {course}',
      'i was wondering who had signed up for FA-101',
      'can you let me know who will be at {course} {date}',
      'would you be able to tell me who registered for {course}',
    ],
    // bare noun phrase with many date forms
    [
      'roster for {course} friday',
      'names for {course} on the 14th',
      'delegates, {course}, 14/12',
      'FA-101 next thurs, attendee names',
      'sign-ups for the wed 9th {course}',
      "who's in the {course} group for monday week",
    ],
    // course codes
    [
      "who's on FA-101 {date}",
      'EX-201 attendees please',
      'roster for HS-300 on the 9th',
      'how many are booked on GDPR-02 next week',
      'list of delegates for MH-110 {weekday}',
      'who is registered on CS-410',
    ],
    // statement of need
    [
      'i need the names for {course} {date}',
      'need to see who is coming to my {course}',
      'i need to know who is booked on the 14th',
      'need the headcount and names for {course}',
      'i need the delegate list before {course} starts',
      'need who is on {course} {date} for the fire marshal',
    ],
    // one person: are they on the list
    [
      'is {person} on the list for {course} {date}',
      'is kofi on the roster for my {weekday} session',
      'did amelia make the attendee list for {course}',
      'is {person} one of the delegates on {course}',
      'is ravi down on the {course} list for the 14th',
      'can you see {person} on the {course} sign-up list',
    ],
    // session picked by its time
    [
      "who's in the half nine {course}",
      'who is booked on the 9.30 {course} tomorrow',
      "who's coming to the 2pm {course} on the 14th",
      'attendees for the 10:30 session {date}',
      "who's in the afternoon {course} next thurs",
      'who have we got at 1.30 on friday',
    ],
    // send me the list / sign-in sheet
    [
      'email me the delegate list for {course}',
      'send the {course} attendee list to my inbox',
      'can i get the sign-in sheet for {course} {date}',
      'print-ready delegate list for {course} please',
      'dm me the names booked on {course}',
      'export the {course} roster for {date}',
    ],
  ],

  record_attendance: [
    // partial told as a story
    [
      '{person} had to go at two',
      '{person} rolled in at eleven',
      '{person} only made the afternoon of {course}',
      '{person} disappeared after the morning break',
      'ravi got called away at half ten and never came back',
      'mia came in late and missed the first hour',
    ],
    // the only one missing
    [
      'the only one missing was {person}',
      'only {person} was missing from {course}',
      "we were one short, {person} didn't come",
      'nobody missed it apart from lucas',
      'no absences except {person}',
      'one gap in the register today: {person}',
    ],
    // no-show told as a story
    [
      'no sign of {person} at {course} today',
      "{person} didn't make it in for {course}",
      '{person} was off sick so missed {course} this morning',
      'kofi rang in sick and missed the session',
      "{person} didn't appear all day",
      'amelia never made it to {course} yesterday',
    ],
    // counts told in words
    [
      'twelve out of fourteen turned up to {course}',
      'eight came, two did not',
      'all fifteen were there for {course}',
      'ten of the twelve showed up this morning',
      'only six made it to {course} today',
      'nine delegates attended and one was absent',
    ],
    // present told as a story
    [
      '{person} was in the room all day',
      'amelia made it to {course} in the end',
      '{person} did the full day',
      '{person} came along to {course} {date}',
      'ravi showed up after all',
      '{person} sat through the whole of {course} today',
    ],
    // indirect request: can you note that
    [
      'can you mark that {person} turned up',
      'could you note {person} was absent today',
      'can you put down that lucas only did the morning',
      'would you record that everyone came to {course}',
      'could you log that mia missed {course}',
      'is it possible to show {person} as attended for {course}',
    ],
    // correcting the register
    [
      'actually {person} did come',
      '{person} was there after all, fix the register',
      'i had {person} as absent but she turned up late',
      'change {person} from no-show to attended',
      'undo the no-show for kofi, he was there',
      'correction: {person} left early, not absent',
    ],
    // bare noun phrase about turnout
    [
      '{course} today, full attendance',
      'one absence: {person}',
      '100% turnout at {course}',
      'zero no-shows at {course} this morning',
      'full register for {course} {date}',
      'two absences at {course}, {person} and {person}',
    ],
  ],

  schedule_sessions: [
    // statement of a plan: we're running X on a date
    [
      "we're running {course} on the 14th, add it",
      "i'm running {course} next thurs at 9.30, put it in",
      'there is going to be a {course} on 14/12, set it up',
      "we'll need a {course} session the week of the 9th",
      '{dept} need a {course} session on the 3rd of feb',
      'there needs to be a {course} before the end of january',
    ],
    // indirect: is it possible to get one in the diary
    [
      'is it possible to get a {course} in the diary for the 14th',
      'do you think we could fit a {course} session in on 14/12',
      'would it be possible to set up FA-101 next thurs',
      'could we possibly have another {course} session {date}',
      'i was wondering whether we could put on {course} in {city} {date}',
      'any chance of a new {course} session on wed 9th',
    ],
    // date and times written many ways
    [
      'put on a {course} on the 14th, half nine till four',
      'set up {course} 14/12 9.30 to 16.30',
      'lay on {course} thurs 3rd, ten till one',
      'new {course} monday morning, nine to twelve',
      'add {course} jan 12th from 1.30 to 5',
      'create a {course} session a week on friday, quarter past nine start',
    ],
    // numbers in words for seats
    [
      'set up a {course} for fifteen people on 14/12',
      'a twelve-seat {course} session next thurs, please create it',
      'arrange a {course} for twenty on the 9th in {city}',
      'new {course} session with room for eighteen {date}',
      'schedule {course} for a group of ten on the 3rd',
      'put on {course} {date} for twenty-four delegates',
    ],
    // course codes
    [
      'schedule FA-101 for 14/12',
      'new run of EX-201 on the 9th',
      'set up another MH-110 next thurs',
      'put GDPR-02 in the calendar for 3 feb',
      'create a CS-410 session {date} {time}',
      'add a date for HS-300 in {city} on the 21st',
    ],
    // fortnightly / every two weeks / a run of N
    [
      'fortnightly {course} starting 14/12',
      'a {course} session every two weeks from january',
      'six weekly {course} sessions from the 9th',
      'run {course} every other week on {weekday}s until easter',
      'set up four {course} sessions, one a week, starting next thurs',
      'a block of eight weekly {course} classes from the 3rd',
    ],
    // trainer announcing they will deliver it
    [
      'dana and i will run {course} on 14/12, create the session',
      "i'm delivering {course} next thurs 9.30 in the {city} office, set it up",
      '{person} is teaching a new {course} on the 9th, add it to the calendar',
      'ravi will run {course} for {dept} on the 21st, please schedule',
      '{person} and i are putting on {course} {date} online, make the session',
    ],
    // a cohort for a group
    [
      'a {course} cohort for the {dept} new starters from the 14th',
      'set up a {course} session just for {dept} on 9/12',
      'the graduates need their own {course} date next month, create one',
      'a {course} session for the {city} warehouse crew {date}',
      'one {course} date for the apprentices in january please',
    ],
  ],

  add_cost: [
    // we spent X on Y, many currencies
    [
      'we spent 1,500 dollars on the venue for {course}',
      'we forked out €220 on {category} for {course}',
      'we spent 640 CHF on the trainer for {course}',
      'spent AUD 450 on workbooks for the {city} session',
      'we laid out 3,200 SEK for {category} at {course}',
      'we spent ¥30,000 on the room for {course}',
    ],
    // it cost X, as a narrative
    [
      'the sandwiches for {course} cost us forty quid',
      'the hotel for the trainer came in at 180 euros',
      'the projector hire set us back $95',
      'printing the {course} handouts cost 62 pounds',
      'the coffee and pastries at {course} were CAD 140',
      'the room in {city} cost us ₹18,000',
    ],
    // a person's expense
    [
      "{person}'s train to {city} for {course} came to £84",
      "kofi's hotel for the {course} trip was €240",
      "the trainer's mileage to {course} was 56 pounds",
      "{person}'s taxi from the station cost $38",
      "amelia's flight for the {city} {course} was 310 USD",
      "{person}'s parking at the venue came to 22 quid",
    ],
    // indirect request to log it
    [
      'can you add that the room cost {money}',
      'is it possible to log {money} of {category} against FA-101',
      'would you put down {money} for {category} on {course}',
      'could you note a {category} cost of {money} for the {date} session',
      'do you mind recording {money} for {category} on {course}',
      'i was wondering if you could add {money} in {category} to {course}',
    ],
    // amounts written as words
    [
      'two hundred quid on {category} for {course}',
      'the {category} was three hundred and fifty euros',
      'fifteen hundred dollars for the {course} trainer',
      'catering came to ninety-five pounds',
      'the venue for {course} was twelve hundred euros',
      'four hundred pounds on materials for {course}',
    ],
    // course code or date first, then the charge
    [
      'FA-101 {date}: {category} {money}',
      'EX-201 catering £210',
      '{category} for MH-110 on 14/12, {money}',
      '{course} 9/12 venue 450 euros',
      'GDPR-02 workbooks $120',
      '{course} on the 14th, trainer fee {money}',
    ],
    // refund or credit back
    [
      'we got £50 back from the caterers for {course}',
      '{vendor} refunded {money} on {category}',
      'the venue gave us a credit of 200 euros for {course}',
      'knock {money} off the {course} costs, {vendor} refunded us',
      'the hotel refunded $75 for the trainer',
      '{vendor} credited us {money} for the cancelled {category}',
    ],
    // per-head price
    [
      'lunch was £12 a head for fifteen people at {course}',
      '{category} at €9 per person for {course}',
      'the trainer charged $80 per delegate for {course}',
      'workbooks were 15 pounds each, twenty of them, for {course}',
      'refreshments came to 6 euros a head for {course} {date}',
    ],
  ],

  report: [
    // indirect question
    [
      'do you know how much we spent on training {period}',
      'could you tell me what our completion rate was {period}',
      'any idea how many no-shows we had {period}',
      "i was wondering if you could pull {dept}'s compliance report",
      'would you be able to tell me our cost per learner {period}',
      'can you let me know how attendance went {period}',
    ],
    // casual and slangy
    [
      "how'd we do on completions {period}",
      "what's the damage on training spend {period}",
      'where did all the training budget go {period}',
      'how bad were the no-shows {period}',
      'were the no-shows any better {period}, roughly',
      'spill the numbers on attendance {period}',
    ],
    // boardroom / exec register
    [
      'i need headline L&D metrics for {period}',
      'top-line spend and completions for the board {period}',
      'summary of training KPIs {period}',
      'one-pager on {reportkind} for {period}',
      'executive summary of {reportkind} across the business',
      'high-level view of training investment {period}',
    ],
    // bare noun phrases
    [
      '{dept} spend {period}',
      '{reportkind}, {dept}, {period}',
      'no-show numbers Q3',
      '{course} completions year to date',
      'cost per head, {dept}, {period}',
      'certificate expiries, next ninety days',
    ],
    // comparisons and rankings
    [
      'compare {reportkind} for {dept} and {dept}',
      'how does {period} compare with last year on completions',
      'which department spent the most {period}',
      'which department has the worst compliance rate',
      '{dept} versus {dept} attendance {period}',
      'rank departments by cost per learner',
    ],
    // trend / chart over time
    [
      'trend of attendance over {period}',
      'graph training spend month by month',
      'plot completions by month this year',
      'line chart of compliance across the quarter',
      'show me how {reportkind} has moved since january, as a chart',
      'month-on-month spend chart for {dept}',
    ],
    // I'm after / looking for
    [
      "i'm after the {reportkind} numbers for {dept}",
      "i'm looking for a {reportkind} report for {period}",
      'after a csv of attendance for {period}',
      "i'm chasing the training spend figures for {period}",
      'looking for cost per learner on {course}',
      "i'm after a pdf of {reportkind} for the whole company",
    ],
    // money in currency wording
    [
      'how many pounds went on {course} {period}',
      'total spend in dollars {period}',
      'what did we spend in euros on training {period}',
      "what's the total sterling spend on {dept} training",
      'how much money has gone on {course} so far this year',
    ],
  ],

  reschedule_session: [
    // slide
    [
      'slide {course} to the 14th',
      'slide the {weekday} {course} along a day',
      'can we slide FA-101 to next thurs',
      'slide {course} {date} back a week',
      'slide the {course} session over to 14/12',
      'slide {course} into the following week',
    ],
    // bump a session to a date
    [
      'bump {course} to 14/12',
      'bump the {course} session back a week',
      'bump {course} from the 9th to the 16th',
      'bump the {weekday} {course} to next month',
      'bump FA-101 to the 21st',
      'bump {course} {date} to the following monday',
    ],
    // push a start time
    [
      'push {course} back an hour',
      'push FA-101 to the afternoon',
      'push the {course} start to 10.30',
      'push the half nine {course} to eleven',
      'push {course} {date} to a 2pm start',
      'push the morning {course} to after lunch',
    ],
    // statement: it's now on X, not Y
    [
      '{course} is now on the 14th, not the 9th',
      '{course} has moved to 14/12',
      'the 9th {course} is happening on the 16th instead',
      'FA-101 will now run next thurs',
      '{course} on {weekday} is now the following {weekday}',
      'the {course} session is now in january rather than december',
    ],
    // indirect question about moving it
    [
      'is it possible to move {course} to the 14th',
      'do you think we could shift the {course} session to next thurs',
      'would it be possible to put {course} back to 14/12',
      'could the {course} on the 9th go to the 16th instead',
      'i was wondering if we could do {course} a week later',
      'any chance of moving FA-101 {date} to the following week',
    ],
    // reason first with because / due to
    [
      'because of the strike, {course} needs to be a week later',
      'due to the office move, {course} has to go to 14/12',
      'because {person} is on leave the 9th, {course} goes to the 16th',
      'owing to the snow, put {course} back to next thurs',
      'with the trainer double booked, {course} moves to the 21st',
      'thanks to the fire drill, {course} {date} shifts to the afternoon',
    ],
    // times in many forms
    [
      '{course} on the 14th should start at half nine not nine',
      'make the {course} 9.30 instead of 9',
      '{course}: 14:00 start instead of 10',
      'change {course} next thurs from a quarter to nine start to ten',
      '{course} {date} to run 1 till 5 rather than 9 till 1',
      'the 14/12 {course} needs to start at 11',
    ],
    // bring forward, reworded
    [
      'bring {course} forward a day',
      'bring forward the 14th {course} to the 12th',
      'bring the {weekday} {course} forward by a week',
      'can {course} be brought forward to next thurs',
      'bring FA-101 forward to the start of the month',
      'bring {course} {date} forward by two days',
    ],
  ],

  cancel_session: [
    // no X after all
    [
      'there will be no {course} on the 14th after all',
      "there's no {course} next thurs any more, cancel it",
      'no {course} on 14/12 after all, take it down',
      "there won't be a {course} {date}, cancel the session",
      'no FA-101 this month after all, cancel it for everyone',
      "turns out there's no {course} on the 9th, cancel",
    ],
    // indirect request
    [
      'is it possible to cancel {course} on the 14th',
      'would you be able to cancel FA-101 next thurs for everyone',
      'could you cancel the {course} session {date} for me',
      'i was wondering if you could call off {course} on 14/12',
      'do you mind cancelling the {weekday} {course}',
      'would it be ok to cancel the whole {course} session {date}',
    ],
    // reason first with due to / owing to
    [
      'due to the strike, {course} on 14/12 is cancelled',
      'owing to low numbers, please cancel {course} {date}',
      "because of the snow, {course} next thurs can't go ahead, cancel it",
      'due to trainer illness the {course} session on the 9th is cancelled',
      'owing to the office closure, cancel {course} on the 21st',
      'because {vendor} pulled out, cancel the {course} session',
    ],
    // course codes
    [
      'cancel FA-101 on the 14th',
      'EX-201 next thurs is off, cancel it',
      'kill MH-110 for everyone',
      'GDPR-02 {date} is cancelled',
      'cancel CS-410 in {city}',
      'HS-300 on the 9th will not run',
    ],
    // we are not running it
    [
      "we're not running {course} on the 14th any more",
      "we won't be doing {course} next thurs",
      '{dept} have decided against {course} on 14/12, remove the session',
      "we're no longer putting on {course} {date}",
      "we've decided not to go ahead with the {course} session",
      "we aren't holding {course} on the 9th now",
    ],
    // several sessions at once
    [
      'cancel all the {course} sessions in january',
      'cancel every {course} date next month',
      'cancel the remaining {course} sessions this year',
      'call off both {course} sessions next week',
      'cancel all three {course} dates in {city}',
      'scrap every session of {course} from now until easter',
    ],
    // trainer gone, statement
    [
      "the {course} trainer has pulled out and there's no cover, so the 14th is off",
      '{person} is off sick with nobody to cover, so {course} {date} is cancelled',
      'our {course} trainer quit, the session on 9/12 is off for everyone',
      "{vendor} can't send a trainer, so {course} next thurs won't happen",
      'ravi has broken his arm and there is no other trainer, cancel {course}',
    ],
  ],

  transfer_registration: [
    // statement: X is doing another session now
    [
      '{person} is doing the 14th instead of the 9th',
      'kofi will do the afternoon {course} now',
      "{person} is switching to next thurs' {course}",
      'amelia is on the {city} {course} session now instead',
      "{person}'s going to the later {course} rather than {date}",
      'ravi is doing the january {course} instead of this one',
    ],
    // indirect question
    [
      'is it possible to move {person} onto the 14th',
      'could {person} go on the later {course} instead',
      'do you know if amelia can be switched to FA-101 on the 16th',
      'would it be ok to put {person} on the {weekday} {course} instead',
      'can {person} swap over to the {city} session',
      'i was wondering if ravi could move to next thurs {course}',
    ],
    // reason first with because / due to
    [
      'because of her surgery, {person} needs the january {course} instead',
      'due to a clash with the audit, move {person} to the 14th',
      "as {person} is on nights that week, put him on the 16th's {course}",
      'because kofi is at the client, swap him onto the later {course}',
      'due to childcare, {person} needs the afternoon {course} not the morning',
      "since amelia's leave got approved, move her to the next {course}",
    ],
    // bare noun phrase of the move
    [
      '{person}, {course}, 9th to 16th',
      '{person} from the 9th to the 16th',
      'ravi, FA-101, 14/12 instead',
      '{person} across to next thurs {course}',
      'amelia onto the {city} {course}',
      '{person} - later {course} please',
    ],
    // swap two people
    [
      "swap {person} and {person}'s {course} dates",
      '{person} and {person} want to trade {course} sessions',
      'switch kofi and amelia between the 9th and 16th',
      "{person} takes {person}'s place on the 14th and vice versa",
      'exchange the {course} seats of {person} and {person}',
    ],
    // times: from one slot to another
    [
      'move {person} from the half nine to the 2pm {course}',
      '{person} to the 9.30 instead of the 1.30',
      'put {person} in the 10:30 {course} rather than the 14:00',
      'switch ravi from the morning {course} at nine to the afternoon one',
      '{person} needs the 2pm slot on the 14th instead of the 9am',
    ],
    // bump / slide a person
    [
      'bump {person} onto the next {course}',
      'slide {person} over to the {city} session',
      'bump kofi to the 16th {course}',
      'slide amelia into the {weekday} {course} instead',
      'bump {person} off the 9th and onto the 14th',
      'shunt {person} over to next thurs',
    ],
    // manager asking for one of their people
    [
      'my guy {person} needs the later {course}',
      'one of my reports, kofi, needs moving to the 16th',
      "can my lad {person} go on next thurs' {course} instead",
      'one of my crew, amelia, needs a different {course} date',
      '{person} from my team needs to swap to the {city} {course}',
    ],
  ],

  change_capacity: [
    // X can take / holds / fits N
    [
      '{course} can take fifteen now',
      'let {course} {date} take twenty',
      'FA-101 can hold 18',
      'the {course} session fits twenty-four now, update it',
      '{course} on the 14th holds twelve, not ten',
      'the {city} {course} can seat thirty',
    ],
    // numbers written as words
    [
      'fifteen seats on {course}',
      'make {course} twenty places',
      '{course} {date}: up to twelve people',
      'twenty-five spaces on the {weekday} {course} please',
      'let {course} have sixteen delegates',
      'eight places only on {course} next thurs',
    ],
    // indirect question
    [
      'is it possible to open {course} up to twenty people',
      'could {course} on the 14th go up to 18',
      'do you think we could take two more on FA-101',
      'would it be possible to drop {course} to ten places',
      'can we have thirty on {course} instead of twenty',
      'i was wondering if {course} could take a few more, say 16',
    ],
    // relative decrease
    [
      'two fewer on {course}',
      'take a couple of seats off {course}',
      'knock {course} down by four',
      'drop {course} {date} by two places',
      'lose three seats from the {course} session',
      'shrink {course} on the 14th by five',
    ],
    // bare noun phrase with codes and dates
    [
      'FA-101 capacity: 16',
      '{course} 14/12 max twenty',
      '{course} next thurs, 18 places',
      'EX-201 seats 24',
      'MH-110 on the 9th, limit of ten',
      'capacity twelve, {course} {date}',
    ],
    // reason first: the room
    [
      'since we moved to the big hall, {course} can take forty',
      'the {city} room holds fifteen, so set {course} to that',
      'because the new venue fits twenty-four, update {course}',
      'as the training room only seats eight, cut {course} to eight',
      'since {person} is bringing a second trainer, {course} can go to twenty',
      'with the fire limit at twelve, {course} {date} has to be twelve max',
    ],
    // the number is the limit: no more than / at most
    [
      'no more than ten on {course}',
      'at most twelve people on {course} {date}',
      "don't let more than fifteen book {course}",
      'never more than 8 on the {weekday} {course}',
      'limit {course} to twenty and no higher',
      'at most six on FA-101 practical',
    ],
  ],

  start_journey: [
    // indirect request for me
    [
      'would it be possible to start me on {journey}',
      'i was wondering if i could begin the {journey} journey',
      'is it ok if i start the {journey} path now',
      'do you think i could get going on the {journey} programme',
      'could you possibly start my {journey} journey',
      'any chance i can start {journey} today',
    ],
    // ready / time to start
    [
      "i'm ready to start {journey}",
      "i'm ready for the {journey} journey",
      'time for me to start {journey}',
      '{person} is ready to begin {journey}, kick it off',
      "i think i'm ready to take on the {journey} programme, start it",
      'mia is ready for the {journey} path, please start it',
    ],
    // bare noun phrase
    [
      '{journey} journey for kofi',
      '{journey} for {person}, please',
      'onboarding journey, lucas',
      '{journey} path for me',
      'the {journey} programme for amelia, starting now',
      'ravi - {journey} journey',
    ],
    // put me through / do the journey
    [
      'put me through the {journey} programme',
      'i want to do the {journey} journey',
      'sign me onto the {journey} path',
      'let me do {journey}',
      'put {person} through the {journey} journey',
      'get me doing the {journey} journey',
    ],
    // start on a date
    [
      'start {journey} for {person} on the 14th',
      "{person}'s {journey} journey should begin 14/12",
      'have {journey} begin for {person} next thurs',
      'start my {journey} journey on monday',
      'kofi starts the {journey} path on the 3rd',
      'set {journey} going for amelia from the 9th',
    ],
    // manager for their people
    [
      'my new guy needs the {journey} journey',
      'start my crew on {journey}',
      'get the people i manage going on {journey}',
      'my new reports should all begin {journey}',
      'my lot need starting on the {journey} path',
      'kick off {journey} for the people who report to me',
    ],
    // reason first with because
    [
      'because mia moved into management, start her on the {journey} journey',
      "since i've just been promoted, i should start {journey}",
      'as lucas has joined {dept}, begin his {journey} journey',
      "because {person}'s probation is over, start {journey}",
      'since ravi is our new apprentice, put him on {journey}',
    ],
  ],

  assign_instructor: [
    // the trainer can't make it, X will do it
    [
      "the {course} trainer can't make it, {person} will do it",
      'our usual {course} trainer is off, {person} will take it',
      "the trainer for the 14th can't come, ravi's doing it",
      '{course} trainer dropped out, {person} will deliver instead',
      "whoever was down for FA-101 can't do it, kofi will",
      'the {course} facilitator is unavailable, {person} is stepping in',
    ],
    // indirect request
    [
      'is it possible to have {person} teach {course} on the 14th',
      'could {person} be the trainer for FA-101',
      'do you know if we can put kofi down to deliver {course}',
      'would you make {person} the instructor for next thurs {course}',
      'i was wondering if amelia could run {course} {date}, set her as trainer',
      'would it be ok to have {person} facilitate {course}',
    ],
    // bare noun phrase
    [
      'new trainer on {course}: {person}',
      'cover for {course} on the 14th, {person}',
      '{person} as trainer, {course} 14/12',
      'instructor change for FA-101, ravi',
      'facilitator for the {weekday} {course}, {person}',
      'lead trainer {course} {date}, amelia',
    ],
    // hand over / take over
    [
      'hand {course} over to {person}',
      'hand the 14th {course} to lucas',
      '{person} takes over {course} from {person}',
      'pass the {course} session on the 9th to {person}',
      'hand FA-101 next thurs to {person} to deliver',
      '{person} is taking over the {course} sessions from {person}',
    ],
    // get X to run it
    [
      'get {person} to run {course} on 14/12',
      'get kofi to deliver FA-101',
      'get {person} to teach the half nine {course}',
      'let {person} teach {course} {date}',
      'get amelia to facilitate the {city} {course}',
      'let ravi lead {course} next thurs',
    ],
    // take one off, put another on
    [
      'take {person} off {course} and put {person} on',
      'take {person} off the 14th {course}, {person} is teaching it',
      'remove {person} as trainer on FA-101 and add kofi',
      'take ravi off {course} {date}, put amelia on instead',
      'drop {person} from teaching {course}, {person} will do it',
    ],
    // reason first
    [
      'because {person} knows the kit best, make her the {course} trainer on the 14th',
      'since kofi is qualified now, he can teach {course} {date}',
      'as {person} wrote the material, have them deliver {course}',
      'because {vendor} sent a new facilitator, {person} is the trainer on {course}',
      'since {person} is local to {city}, make them the trainer for {course} there',
    ],
  ],

  add_vendor: [
    // statement: X is our new supplier
    [
      '{vendor} is our new {course} provider, add them',
      '{vendor} are going to be a supplier, set them up',
      '{vendor} will be doing our catering, get them on the system',
      'we now buy {course} training from {vendor}, add them as a vendor',
      '{vendor} is a supplier now, please add',
      'our new venue company is {vendor}, add them to suppliers',
    ],
    // indirect request
    [
      'would you mind adding {vendor} as a vendor',
      'i was wondering whether you could set up {vendor} as a supplier',
      'do you think you could add {vendor} to our suppliers',
      'could you possibly register {vendor} as a training provider',
      'would it be ok to add {vendor} to the vendor list',
      'any chance you could get {vendor} onto the supplier list',
    ],
    // uncommon literal vendor names
    [
      'add Kestrel Learning as a supplier',
      'set up Harbour Hospitality as a vendor',
      'new training provider: Oakfield First Aid',
      'register Tidewater Events as a supplier please',
      'add Pinnacle Safety Ltd to our vendors',
      'can you add Bluebell Catering Co as a vendor',
    ],
    // with a contact person and e-mail
    [
      'add {vendor}, contact is ravi at ravi@example.com',
      'new vendor {vendor}, talk to amelia, amelia@example.co.uk',
      'set up {vendor} as a supplier, their account manager is kofi, kofi@example.org',
      'add {vendor} as a vendor, bookings go to mia on bookings@example.com',
      '{vendor} as a new supplier, contact lucas, lucas@example.net',
    ],
    // kind of supplier
    [
      'add {vendor} as a caterer',
      'add {vendor} as a venue supplier',
      'set up {vendor} as our trainer company',
      'add the hotel we use in {city}, {vendor}, as a supplier',
      'add {vendor} as our {course} training provider',
      'register {vendor} as a print and materials supplier',
    ],
    // reason first: so we can pay or book them
    [
      'so we can pay them, add {vendor} as a vendor',
      'to book {vendor} for {course} they need to be a supplier first, please add them',
      'so finance can process invoices, set {vendor} up as a supplier',
      'in order to use {vendor} in {city}, add them as a vendor',
      'because procurement signed them off, add {vendor} as a supplier',
    ],
    // bare noun phrase: a new supplier called X
    [
      'a new supplier called {vendor}',
      'one new vendor: Kestrel Learning',
      'supplier to add, {vendor}',
      'vendor setup for {vendor} please',
      'new provider, {vendor}, for {course}',
    ],
  ],

  raise_purchase_order: [
    // bare noun phrase with amount in shorthand
    [
      'po for {vendor} 2k',
      'po, {vendor}, two grand',
      'purchase order for {vendor} fifteen hundred',
      'po {vendor} 3.5k {category}',
      'a po to {vendor} for five hundred quid',
      'po for {vendor}, 750',
    ],
    // currencies spelled out
    [
      'a po for {vendor} for three thousand euros',
      'PO to {vendor}, 2,400 USD',
      'raise a CHF 1,200 po for {vendor}',
      'purchase order to {vendor} for 900 Australian dollars',
      'po for {vendor} of 45,000 SEK',
      'raise a po to {vendor} for eighteen hundred pounds sterling',
    ],
    // indirect request
    [
      'is it possible to get a po raised for {vendor}',
      'do you know if you can raise a purchase order to {vendor} for {money}',
      'would you mind raising a po for {vendor}',
      'could you possibly set up a purchase order for {vendor} for {money}',
      'i was wondering if we could get a po out to {vendor}',
      'any chance of a purchase order for {vendor} today',
    ],
    // statement: the vendor needs a PO
    [
      '{vendor} need a po for {money}',
      '{vendor} is waiting on a purchase order, {money}',
      '{vendor} have asked for a po before they invoice, {money}',
      'the trainer from {vendor} needs a po number, {money}',
      '{vendor} still has no po for the {course} work, raise one for {money}',
    ],
    // purpose first: to pay / so they can invoice
    [
      'to pay {vendor} for {course}, raise a po for {money}',
      'so {vendor} can invoice us, i need a purchase order for {money}',
      'to cover the {category} from {vendor}, raise a po',
      'in order to book {vendor} for {date}, get a po raised for {money}',
      'to secure the venue, raise a po to {vendor} for {money}',
    ],
    // what it covers
    [
      "a po covering {vendor}'s {category} for january",
      'purchase order covering the {course} trainer from {vendor}, {money}',
      'po to cover catering at {course} on 14/12',
      "raise a purchase order covering all of {vendor}'s {course} sessions next quarter",
      "po covering {vendor}'s travel costs, {money}",
    ],
    // the number is given, told as a statement
    [
      'PO {ponum} is for {vendor}, {money} of {category}',
      'the po number for {vendor} is {ponum}, amount {money}, raise it',
      '{ponum} goes against the {vendor} booking, raise it for {money}',
      'our po for {vendor} will be {ponum}, {money}',
      'use {ponum} as the purchase order for {vendor}, {money}',
    ],
  ],

  set_certificate_validity: [
    // an N-year certificate / shelf life
    [
      '{course} is a three-year certificate',
      '{course} has a two year shelf life',
      'a {course} certificate runs for two years',
      '{course} is an annual certificate',
      'treat {course} as an eighteen-month cert',
      '{course} is a five-year qualification, set it up that way',
    ],
    // indirect question
    [
      'is it possible to make {course} certs valid for 36 months',
      'do you know if we can set {course} to expire after two years',
      'would you change the {course} validity to a year',
      'could {course} certificates be made to last three years',
      'i was wondering if {course} could be valid for {n} months',
      'any chance we can set {course} validity to {n} years',
    ],
    // course codes
    [
      'FA-101 certs: valid three years',
      'EX-201 does not expire',
      'set MH-110 to 24 months',
      'GDPR-02 certificates last a year',
      'HS-300 validity two years',
      'CS-410 certs should run {n} months',
    ],
    // reason first with per / under / according to
    [
      'because the standard changed, {course} now needs redoing every two years',
      'per the new policy, {course} certificates are valid for one year',
      'under the new regs, {course} lasts three years',
      'according to our insurer, {course} should expire after {n} months',
      'in line with HSE guidance, set {course} to {n} years',
      'following the audit, {course} certs are only good for a year',
    ],
    // from a point in time
    [
      '{course} should only last a year from now on',
      'from january, {course} certificates last 2 years',
      'going forward {course} is valid for {n} months',
      'as of next month {course} certs expire after three years',
      'from today, {course} no longer expires',
    ],
    // never expires, new wordings
    [
      '{course} is a lifetime certificate',
      "once you've done {course} you never need to redo it",
      '{course} is one and done',
      'no renewal needed for {course}',
      '{course} is permanent, no end date',
      'take the end date off {course} certificates',
    ],
    // shorten or lengthen
    [
      'shorten {course} validity to a year',
      'lengthen {course} certs to five years',
      'cut {course} expiry from three years to two',
      'stretch {course} validity out to {n} years',
      'reduce how long {course} lasts to {n} months',
      'extend {course} certificates from one year to two',
    ],
  ],
};
