/**
 * Written paraphrase bank for what learners say to Rollcall in Slack and Teams. These wordings
 * were written from scratch by people imagining each kind of user (the new starter, the busy
 * shift worker typing on a phone, the polite formal emailer, the one who explains the backstory
 * first, the one who is annoyed, the emoji user), not taken or adapted from any evaluation set.
 * Each inner array is one family: one construction, its lines varying only the words, so a
 * corpus split by family keeps every variant of a wording on the same side. `{slot}` is filled
 * from SLOT_VALUES in training/templates.ts.
 */
import type { ParaphraseBank } from './bank.ts';

export const WRITTEN_LEARNER_BANK: ParaphraseBank = {
  help: [
    // plain question about what the bot does
    [
      'what do you actually do',
      'what is this bot for',
      'what can this thing do',
      'what are you able to help with',
      'what kind of stuff can you do for me',
      'so what does rollcall do exactly',
    ],
    // new-starter context first, then the ask
    [
      'just started here and someone told me to message you, what do i do',
      'first week here and my manager said to use rollcall for training, where do i start',
      "hi i'm new, was told this is where training lives, how does it work",
      'got added to this app today, no idea how to use it tbh',
      "IT set me up with this bot this morning, can u explain what it's for",
      "started on monday, people keep saying 'ask rollcall', ok so how do i ask rollcall",
    ],
    // bare command / one word
    ['need help', 'help me', 'help pls', 'halp', 'menu', 'commands', 'help me out here'],
    // what can I type / examples
    [
      'what should i type',
      'give me some examples of what i can ask',
      'what kind of questions can i ask you',
      'what are the commands',
      'show me what i can say to you',
      'list of things i can ask?',
    ],
    // confused / stuck
    [
      "i'm lost, how does this work",
      "not sure i'm doing this right, what am i meant to say",
      "it didn't understand me, how am i supposed to phrase things",
      'confused. how do i use this',
      'you keep not getting what i mean, how do i talk to you',
      "ugh i don't get this bot, help",
    ],
    // polite formal
    [
      'Could you please explain how to use this service?',
      'Would you mind telling me what you can help with?',
      'I would appreciate a brief overview of what Rollcall offers.',
      'Please could you outline the available features.',
      'Good afternoon, could you explain how this assistant works?',
    ],
    // how do I do X in general, with a topic
    [
      'how do i book training through you',
      'how does booking work here',
      'how do i use this to find a course',
      'how do waitlists work on here',
      'how does cancelling work with this bot',
      'how do i see my elearning with this thing',
    ],
    // terse phone typing / emoji
    [
      'how does this wrk',
      'wat can u do',
      'how do i use ths',
      'options?',
      'help?? ❓',
      'how 2 use this {emoji}',
    ],
    // can you help with training at all
    [
      'can you help me with my training stuff',
      'are you the training bot',
      'is this where i sort out training',
      'can i do training things in here',
      'do you handle course bookings or is that somewhere else',
    ],
  ],

  find_sessions: [
    // when is X running next, question
    [
      'when is {course} on next',
      "when's the next {course} session",
      'next date for {course}?',
      'when are you next running {course}',
      'when can i next do {course}',
      'what is the next available {course} date',
    ],
    // place-based
    [
      "what's on in {city}",
      'any training in {city} {date}',
      'what courses are running in the {city} office',
      'is anything on in {city} next month',
      'sessions in {city}?',
      'whats running near {city} this week',
    ],
    // context first, then ask for dates
    [
      'my {course} runs out soon so i need to redo it, what dates have you got',
      "manager wants me to do {course} before the end of the year, when's it running",
      'moved teams and apparently i need {course} now, are there sessions coming up',
      'starting on the shop floor next month and need {course} first, any dates',
      'our auditor flagged that i need {course}, when can i go on one',
      "just been promoted and hr says i should do {course}, what's available",
    ],
    // command: show / list / find
    [
      'show me {course} sessions',
      'list the {course} dates',
      'find me {course} {date}',
      'pull up the upcoming {course} courses',
      'show available sessions {date}',
      'list everything running {date}',
    ],
    // day/time specific question
    [
      'is there a {course} class on {weekday}',
      'anything running {weekday} {time}',
      'is there {course} {date} {time}',
      'do you have a morning {course} session {date}',
      'any afternoon sessions on {weekday}',
      'is {course} on the {dom}',
    ],
    // terse fragment
    [
      '{course} dates',
      '{course} {date}?',
      'sessions {date}',
      '{course} in {city}?',
      'next {course}',
      'upcoming courses',
    ],
    // online/virtual and availability of seats
    [
      'is {course} online or in person',
      'can i do {course} remotely, any teams sessions',
      'are there virtual {course} classes',
      'any seats still free on {course} {date}',
      'is there space on the {course} one {date}',
      'has the {course} session got places left',
    ],
    // polite formal
    [
      'Could you tell me when {course} training is next available?',
      'I would like to know which sessions are scheduled {date}, please.',
      'Please could you let me know the upcoming dates for {course}.',
      'Would you be able to check whether {course} is running in {city}?',
      'Kindly advise the next available {course} session.',
    ],
    // catalogue browse, no slots
    [
      'what training can i go on',
      'what courses are coming up',
      "what's on the calendar",
      'what classroom sessions are there',
      'show me the course list',
      'what live training is scheduled',
    ],
    // typos / phone
    [
      'wen is {course} nxt',
      'any {course} sesions soon',
      'wats on {date}',
      'is ther {course} in {city}',
      'enything on {weekday}',
      '{course} corses?',
    ],
  ],

  book_session: [
    // book me on X, command
    [
      'book me on {course}',
      'book me onto {course} {date}',
      'sign me up for {course}',
      'put me on {course} {date}',
      'register me for {course}',
      'enrol me on the {course} session {date}',
    ],
    // book someone else
    [
      'book {person} on {course}',
      'can you sign {person} up for {course} {date}',
      'put {person} down for {course}',
      'register {person} onto {course} please',
      'enroll {person} in the {course} class {date}',
      'get {person} a place on {course}',
    ],
    // question form "can I get a place"
    [
      'can i get a place on {course}',
      'could you book me in for {course} {date}',
      'can you reserve me a spot on {course}',
      'is it possible to book me onto {course} {date}',
      'can i book {course} {date} {time}',
      'any chance u could get me on {course}',
    ],
    // context first / reason
    [
      'my first aid cert lapsed last month so i need to get on {course} asap, book me in pls',
      'manager approved it, so go ahead and book me on {course} {date}',
      "i've checked with my team lead and {date} works, can you book {course} for me",
      'was meant to do {course} ages ago, finally have time, sign me up',
      'need {course} before i can drive the trucks, put me on the next one',
      'my review said i should do {course}, can you get me booked on it',
    ],
    // terse / reference
    [
      'book it',
      'can you book that for me then',
      "i'll take that one, book me in",
      'yep book me on it',
      'sign me up to that',
      'reserve it pls',
    ],
    // I want / I'd like
    [
      "i'd like to book {course}",
      'i want to go on {course} {date}',
      'i would like a place on the {course} course',
      'i want to attend {course} in {city}',
      "i'd like to do the {course} session {date} {time}",
      'id like to sign up for {course}',
    ],
    // polite formal
    [
      'Could you please register me for {course} {date}?',
      'I would be grateful if you could book me onto {course}.',
      'Please enrol me on the next {course} session.',
      'Kindly reserve a place for {person} on {course} {date}.',
      'Would you book me onto {course}, please?',
    ],
    // phone typing, typos, emoji
    [
      'bk me on {course}',
      'book me {course} {date} pls',
      'sign me up {course} {emoji}',
      'regester me for {course}',
      'boook me onto {course} {weekday}',
      'book me in 🙏',
    ],
    // whole team / several people
    [
      'book my team on {course} {date}',
      'sign me and {person} up for {course}',
      'can you put the whole team on {course}',
      'register both me and {person} for {course} {date}',
      'add {person} and me to {course}',
    ],
  ],

  join_waitlist: [
    // full -> waitlist
    [
      'booked out already? stick me on the wait list',
      'oh no {course} is full, can i go on the waiting list',
      '{course} {date} is booked up, stick me on the waitlist',
      'no seats left? waitlist me',
      "shame it's full, put my name down in case a place opens",
      'full again?? ok waiting list it is',
    ],
    // command
    [
      'add me to the waitlist for {course}',
      'put me on the waiting list for {course} {date}',
      'waitlist me for {course}',
      'join the {course} waitlist',
      'put my name on the {course} waiting list',
      'add me to the wait list for that one',
    ],
    // question
    [
      'can i join the waitlist for {course}',
      'is there a waiting list for {course} i can get on',
      'could you add me to the {course} waitlist',
      'can i be put on standby for {course} {date}',
      'can you queue me for {course} in case someone drops out',
      'can i go on the reserve list for {course}',
    ],
    // reason / context first
    [
      "really need {course} before christmas and it's full, please add me to the waiting list",
      "the {date} {course} has no space but i'm flexible, put me on the list in case someone cancels",
      'my colleague said people drop out of {course} all the time, can i be on the waitlist',
      'i missed the booking window for {course}, is it too late to join the waiting list',
      "only {course} date that works for me is {date} and it's full, can i wait for a spot",
    ],
    // notify me when a place frees up
    [
      'let me know if a spot opens on {course}',
      'tell me if anyone cancels {course} {date}',
      'ping me when a seat frees up on {course}',
      'notify me if a place comes up on {course}',
      'give me a shout if {course} gets a space',
      'can u message me if someone drops out of {course}',
    ],
    // terse
    ['waitlist', 'waiting list pls', 'waitlist {course}', 'wait list me', 'standby list', 'join waitlist'],
    // for someone else
    [
      'put {person} on the waitlist for {course}',
      'add {person} to the {course} waiting list',
      'can {person} go on the waitlist for {course} {date}',
      'waitlist {person} for {course} pls',
      'get {person} on the reserve list for {course}',
    ],
    // polite formal
    [
      'Please add me to the waiting list for {course}.',
      'Could I be placed on the waitlist for {course} {date}, please?',
      'I would like to join the waiting list for the {course} session.',
      'Kindly put my name down on the {course} reserve list.',
      'Would it be possible to join the waitlist for {course}?',
    ],
    // phone typos / emoji
    [
      'w8list me for {course}',
      'add me 2 the waitlist',
      'waitlst pls {emoji}',
      'put me on teh waiting list',
      'wating list for {course} plz',
      'waitlist 🙏🙏',
    ],
  ],

  cancel_booking: [
    // command
    [
      'cancel my {course} booking',
      'cancel me off {course} {date}',
      'remove me from {course}',
      'take me off the {course} session',
      'withdraw me from {course}',
      'unbook me from {course} {date}',
    ],
    // can't make it, reason first
    [
      "can't make {course} {date} anymore, please cancel",
      "something's come up and i won't make {course}, cancel my place",
      "i'm on leave {date} so i need to drop {course}",
      'got a clash with a client meeting, can you cancel my {course} spot',
      "off sick this week so won't be at {course}, cancel pls",
      "doctor's appointment {date}, need to pull out of {course}",
    ],
    // someone else
    [
      'cancel {person} from {course}',
      'take {person} off {course} {date}',
      "{person} can't go to {course}, please withdraw them",
      'remove {person} from the {course} session',
      "{person}'s off sick, cancel their {course} place",
      'unregister {person} from {course}',
    ],
    // question form
    [
      'can i cancel my {course} booking',
      'how do i get out of {course} {date}',
      'can you cancel my place on {course}',
      'is it too late to cancel {course}',
      'could i drop out of {course}',
      'can u take me off {course}',
    ],
    // free the seat for someone else
    [
      "give my {course} seat to someone who needs it, i can't go",
      'free up my place on {course} for someone else',
      "release my {course} spot, i won't be attending",
      'let someone else have my place on {course} {date}',
      "i'm not going to {course}, open my seat up",
    ],
    // terse / typos
    [
      'cancel {course}',
      'cancel my booking',
      'cancle {course}',
      'cancell my place pls',
      'cxl {course} {date}',
      'cancel booking {emoji}',
    ],
    // annoyed / complaint
    [
      "ugh the {course} date doesn't work anymore, just cancel it",
      'booked the wrong one by mistake, cancel {course} {date}',
      'i never asked to be on {course}, take me off it',
      'why am i booked on {course}?? please remove me',
      'someone signed me up for {course} without asking, cancel it',
    ],
    // polite formal
    [
      'Please cancel my registration for {course} {date}.',
      'I regret that I can no longer attend {course}; please cancel my booking.',
      'Could you withdraw me from the {course} session, please?',
      'Kindly cancel my place on {course}.',
      'I would like to cancel my booking for {course} {date}.',
    ],
    // I want to / not doing it anymore
    [
      'i want to cancel {course}',
      'i need to cancel my {course} session',
      "i'm not doing {course} anymore",
      "i don't want to go to {course} after all",
      'changed my mind about {course}, cancel it',
      'i wanna drop {course}',
    ],
  ],

  my_bookings: [
    // what am I booked on
    [
      'what am i booked onto at the moment',
      'what have i booked',
      'which sessions am i signed up for',
      'what courses am i registered on',
      'what training have i got booked',
      'what am i down for',
    ],
    // when/where is my X session (reminder)
    [
      "when's my {course} session again",
      'what time is my {course} {date}',
      'which venue is my {course} at',
      'which room is my {course} in',
      'what day was my {course} booking',
      'remind me when {course} is',
    ],
    // time-window
    [
      'have i got any training {date}',
      'am i booked on anything next week',
      'do i have any sessions {date}',
      'what training have i got coming up this month',
      'anything in my diary training wise {date}',
      'am i on any courses {weekday}',
    ],
    // did my booking go through
    [
      'did my {course} booking work',
      'am i actually booked on {course}',
      'did the {course} registration go through',
      'is my place on {course} confirmed',
      'did you book me on {course} or not',
      'just checking i got onto {course} {date}',
    ],
    // context first
    [
      "trying to plan my leave, can you tell me what training i've got booked",
      "booking a holiday and don't want to clash, what sessions am i on",
      "my manager wants to know what courses i've got lined up, what are they",
      'lost the calendar invite, which sessions did i sign up for',
      'doing my rota for next month, what training am i booked into',
    ],
    // terse fragment
    ['my current bookings', 'bookings?', 'my sessions', 'upcoming bookings', 'my booked courses', 'booked'],
    // command
    [
      'show my bookings',
      'list the sessions i have coming up',
      'show me what i signed up for',
      'pull up my registrations',
      'show the courses i am booked onto',
      'list my reservations',
    ],
    // polite formal
    [
      'Could you please list my upcoming training bookings?',
      'Would you remind me which sessions I am registered for?',
      'Please confirm the courses I am currently booked onto.',
      'May I see my confirmed training reservations?',
      'Kindly show me my scheduled sessions.',
    ],
    // phone typos
    [
      'wat am i bookd on',
      'my bookngs',
      'whats my next sesion',
      'when is my nxt course',
      'am i bked on anythin',
      'wot have i signed up 4',
    ],
    // waitlist status / pending
    [
      'am i still on the waitlist for {course}',
      'where am i on the {course} waiting list',
      'is my {course} booking still pending approval',
      'has my manager approved my {course} booking yet',
      'what position am i on the waitlist',
    ],
  ],

  my_learning: [
    // what do I still need to do
    [
      'what do i still need to do',
      "what's left on my list",
      'what training do i still have to complete',
      'what have i got outstanding',
      'what mandatory stuff is still to do',
      'what do i need to finish',
    ],
    // overdue
    [
      'am i behind on anything',
      'have i got anything overdue',
      "what's late on my training",
      'which of my courses are past due',
      'have i missed any deadlines',
      'what have i not done in time',
    ],
    // did I finish X / have I done X
    [
      'did i finish {course}',
      'have i completed {course}',
      'have i done my {course} yet',
      'did my {course} completion get recorded',
      'is {course} marked as done for me',
      'did i pass {course}',
    ],
    // expiry / renewal
    [
      'is my {course} still valid',
      'when does my {course} run out',
      'what needs renewing soon',
      'anything expiring for me in the next few months',
      'when am i due to redo {course}',
      'has my {course} expired',
    ],
    // assigned elearning
    [
      'what elearning have i been assigned',
      'what online courses do i have to do',
      'show my assigned modules',
      'which e-learning is assigned to me',
      'what training has been given to me',
      'my assigned courses',
    ],
    // complaint / context first
    [
      "keep getting emails saying i'm overdue on something, what is it",
      "my manager says i'm not compliant, what haven't i done",
      'hr chased me about mandatory training, what do i actually owe',
      'got a red flag on my profile apparently, what training am i missing',
      "appraisal next week and i want to be sure i've done everything, what's outstanding",
      "i thought i'd done all my compliance, can you check what's left",
    ],
    // completed / history / transcript
    [
      'which ones have i completed',
      'show my training history',
      'what courses have i done so far',
      'my training record',
      "list everything i've finished this year",
      'what have i passed',
    ],
    // in progress
    [
      'what have i started but not finished',
      'which courses am i partway through',
      'what am i midway through',
      'what elearning is still in progress',
      'which modules did i leave half done',
    ],
    // terse / typos
    ['my learning', 'my training', 'to do list', 'overdue?', 'wat do i need 2 do', 'am i complient'],
    // polite formal
    [
      'Could you tell me which mandatory courses I have yet to complete?',
      'Please let me know whether I am up to date with my required training.',
      'Would you show me my outstanding learning assignments?',
      'I would like to review my training record, please.',
      'Kindly confirm whether I have completed {course}.',
    ],
    // someone else / compliance yes-no
    [
      'am i fully compliant rn',
      'am i up to date on my training',
      'am i all good on mandatory training',
      'is my training all in order',
      "have i done everything i'm supposed to",
      'am i green on compliance',
    ],
  ],

  launch_course: [
    // open/launch X
    [
      'open {course}',
      'launch {course}',
      'launch the {course} elearning',
      'open the {course} module',
      'load {course} for me',
      'bring up the {course} course',
    ],
    // continue / resume
    [
      'continue my {course} course',
      'resume {course}',
      'carry on with {course}',
      'pick up {course} where i stopped',
      'get me back into {course}',
      'continue where i left off',
    ],
    // start
    [
      'start {course}',
      'start the online {course} course',
      'i want to start {course} now',
      'begin the {course} elearning',
      'let me start {course}',
      'kick off {course} for me',
    ],
    // question form
    [
      'can i do {course} now',
      'can you open {course} for me',
      'how do i get into the {course} elearning',
      'where do i click to start {course}',
      'can i have the link to {course}',
      'can u give me the {course} link',
    ],
    // context first
    [
      "got half an hour before my next meeting, let's do {course}",
      "quiet shift today so i'll crack on with {course}, open it pls",
      "train's delayed, might as well finish {course}, can you launch it",
      'was halfway through {course} yesterday when my laptop died, get me back in',
      "manager says {course} is due friday, open it and i'll do it now",
      'lunch break, time to get {course} done, where is it',
    ],
    // reference
    ['open it', 'launch that one', 'start it', 'take me to it', 'open that course', 'yeah launch it'],
    // terse/typos/emoji
    [
      'lanch {course}',
      'opne {course}',
      '{course} link',
      'strt {course} {emoji}',
      '{course} module pls',
      'resme {course}',
    ],
    // polite formal
    [
      'Please open the {course} e-learning for me.',
      'Could you launch the {course} module, please?',
      'I would like to resume the {course} course.',
      'Would you provide access to the {course} online course?',
      'Kindly start the {course} training for me.',
    ],
    // complaint - it wont open
    [
      "the {course} link in the email doesn't work, can you open it from here",
      "can't find {course} on the portal, just launch it for me",
      'the lms keeps logging me out, open {course} from here instead',
      'clicked the {course} button and nothing happened, try again',
      'the old link for {course} is broken, give me a working one',
    ],
  ],

  my_certificates: [
    // list my certs
    [
      'all of my certificates',
      'show my certificates',
      'list my certs',
      'what certifications do i have',
      'which certificates have i earned',
      'what certs have i got on file',
    ],
    // specific cert download/send
    [
      'can i get my {course} certificate',
      'download my {course} cert',
      'send me my {course} certificate',
      'email me a copy of my {course} cert',
      'i need a pdf of my {course} certificate',
      'where can i download my {course} certificate',
    ],
    // proof / context first
    [
      "client site wants proof i've done {course}, can you send the certificate",
      'applying for an internal role and need my {course} cert, where is it',
      'the agency asked for a copy of my {course} certificate, can i get it',
      'insurance audit next week, need my {course} certificate asap',
      'new site manager wants to see my {course} ticket, can you dig it out',
      'need evidence of my {course} for my passport to work, send the cert',
    ],
    // verification link / share
    [
      'give me the verification link for my {course} certificate',
      'can i share my {course} cert with someone outside',
      'is there a link to prove my {course} certificate is real',
      'how can my manager verify my {course} cert',
      'send the public link for my certificate',
    ],
    // someone else's
    [
      "can i see {person}'s {course} certificate",
      "get me {person}'s certs",
      'does {person} have a {course} certificate',
      "send me {person}'s {course} cert",
      "show {person}'s certificates",
    ],
    // terse/typos
    ['certs', 'my certs pls', 'certificats', '{course} cert', 'cert {course}?', 'my certficates {emoji}'],
    // question: do I have a cert
    [
      'do i have a {course} certificate',
      'did i get a certificate for {course}',
      'have i been issued a {course} cert',
      'is my {course} certificate there',
      'where are my certificates kept',
      'have i got any certificates yet',
    ],
    // polite formal
    [
      'Could you please send me my {course} certificate?',
      'I would like a copy of my certificates, please.',
      'Please provide my {course} certification document.',
      'May I download my certificate for {course}?',
      'Kindly email me my training certificates.',
    ],
    // complaint: never received
    [
      'finished {course} weeks ago and never got a certificate, where is it',
      'my {course} cert never came through, can you send it',
      "i passed {course} but there's no certificate anywhere",
      'lost my {course} certificate, can i have another copy',
      'the {course} cert has the wrong name on it, can i get it again',
    ],
  ],

  recommend: [
    // what should I do next
    [
      'what should i do next',
      'what course should i take next',
      'what would you recommend for me',
      'any suggestions for what to learn next',
      'what should i study next',
      'whats a good next course for me',
    ],
    // role based
    [
      'what would help me in my role',
      'what training would be useful for my job',
      'what do people in my position usually do',
      'which courses are good for someone in my role',
      'what should a team leader be doing training wise',
      'what do most people in my team take',
    ],
    // skill based
    [
      'i want to get better at {skill}, what do you suggest',
      'how can i improve my {skill}',
      'any good courses for {skill}',
      'what would help with my {skill}',
      'recommend something for {skill}',
      'best course to level up my {skill}',
    ],
    // context first / career
    [
      "i'm hoping to move into management next year, what training would help",
      "got told in my review to work on my {skill}, any courses you'd point me to",
      'feeling a bit stuck in my role, what could i learn to progress',
      'want to go for a promotion, which courses should i look at',
      'just moved into finance from ops, what should i be learning',
      'been here five years and never done any development, where should i start',
    ],
    // terse
    [
      'recommendations?',
      'suggest something',
      'recommend a course',
      'ideas for training?',
      'anything good?',
      'sugestions pls',
    ],
    // popular / trending
    [
      "what's popular right now",
      'what courses are people loving',
      'what are the most booked courses',
      'what training do colleagues rate',
      'any courses everyone is doing at the moment',
    ],
    // polite formal
    [
      'Could you recommend some training suitable for my role?',
      'I would welcome suggestions for professional development courses.',
      'Please advise which courses would support my career development.',
      'Would you suggest any training to improve my {skill}?',
      'What would you recommend I undertake next?',
    ],
    // fun / casual with emoji
    [
      'bored, teach me something new {emoji}',
      'got some free time, what should i learn',
      'surprise me with a course',
      'pick a course for me 🎲',
      'what would be fun to learn',
      'i fancy learning something new, ideas?',
    ],
  ],

  my_journeys: [
    // which journeys am I on
    [
      'my journeys',
      'what journeys am i on',
      'which learning journeys have i got',
      'show my learning journeys',
      'list my journeys',
      'what learning paths am i doing',
    ],
    // programmes / paths synonyms
    [
      'what programmes am i enrolled in',
      'which development pathways am i part of',
      'what learning programmes have been set for me',
      'which tracks am i on',
      'what curriculum am i following',
      'what pathways have i started',
    ],
    // context first
    [
      "my manager mentioned i'd been put on a programme, which one is it",
      "hr said i'm on some kind of learning path, what's it called",
      'think i got added to a journey when i joined, what am i on',
      'lost track of all the programmes i signed up to, can you list them',
      'someone said i started a learning path last year, which ones am i in',
    ],
    // question yes/no
    [
      'am i on any learning journeys',
      'have i started any journeys',
      'do i have any programmes going',
      'am i doing any learning paths',
      'have i been put on a pathway',
      'is there a journey assigned to me',
    ],
    // overview of all
    [
      'how am i doing across all my journeys',
      'overview of my journeys',
      'summary of all my learning paths',
      'where am i on all my programmes',
      'status of all my journeys',
    ],
    // terse/typos
    ['journeys', 'my jouneys', 'journys?', 'my paths', 'my programmes pls', 'journeys {emoji}'],
    // polite formal
    [
      'Could you list the learning journeys I am enrolled in?',
      'Please show me the development programmes I am currently following.',
      'I would like to see all of my learning pathways.',
      'May I have an overview of my journeys, please?',
      'Kindly confirm which programmes I have started.',
    ],
    // command
    [
      'show me all my journeys',
      'pull up my programmes',
      'bring up my learning paths',
      'display the journeys i started',
      'give me my journey list',
    ],
  ],

  journey_progress: [
    // how far am I on X
    [
      'how far am i on the {journey} journey',
      'how far along am i with {journey}',
      'how much of {journey} have i done',
      'where am i up to on {journey}',
      "how's my {journey} progress",
      'how close am i to finishing {journey}',
    ],
    // next step
    [
      "what's the next step on {journey}",
      'what do i do next on my {journey} path',
      'next step in {journey}?',
      "what's after this on the {journey} programme",
      'which module comes next in {journey}',
      'what is left on {journey}',
    ],
    // book/start next step
    [
      'book the next step of {journey}',
      'start the next step on my {journey} journey',
      'sign me up for the next bit of {journey}',
      'get me onto the next {journey} session',
      'launch the next step in {journey}',
      'move me on to the next part of {journey}',
    ],
    // context first
    [
      'my probation review is soon and i need {journey} done, how far through am i',
      "manager asked how i'm getting on with {journey}, what do i tell her",
      "think i've done most of {journey} but not sure what's missing",
      'been off for a few weeks, where did i get to on {journey}',
      'need to finish {journey} before i can go on the trucks, how much is left',
    ],
    // percentage / status terse
    [
      '{journey} progress',
      '{journey} status?',
      '% done on {journey}',
      '{journey} how far',
      'progress on my journey',
      '{journey} steps left?',
    ],
    // generic my journey, no name
    [
      "how's my journey coming along",
      "what's my progress on my learning path",
      'how far through my programme am i',
      "where am i on the path i'm doing",
      'how many steps have i got left',
    ],
    // polite formal
    [
      'Could you show me my progress on the {journey} journey?',
      'Please let me know which steps of {journey} I have completed.',
      'I would like an update on my {journey} programme.',
      'May I see the remaining steps of my {journey} pathway?',
      'Kindly confirm how much of {journey} remains.',
    ],
    // typos / emoji
    [
      'how far am i on {journey} {emoji}',
      'wheres my {journey} progres',
      'nxt step {journey}',
      'how much {journey} lef',
      '{journey} journy progress pls',
      'am i nearly done w {journey}',
    ],
    // show steps
    [
      'show me the steps of {journey}',
      'list the {journey} steps and which i have done',
      'break down my {journey} journey for me',
      'show each part of {journey} with my status',
      'what steps make up {journey} and where am i',
    ],
  ],

  open_web_chat: [
    // open in browser
    [
      'open rollcall in my browser',
      'open this in a browser',
      'can i use this in chrome',
      'bring up the web chat',
      'take me to the browser version',
      'launch the web version',
    ],
    // link request
    [
      'give me a link to the web chat',
      'send me the web chat link',
      'can i have a sign in link for the web version',
      'link to rollcall on the web pls',
      'whats the url for the web chat',
      'send a login link for the browser',
    ],
    // context first / reason
    [
      'slack keeps crashing on me, can i chat with you in a browser instead',
      'teams is blocked on this laptop, is there a web version i can use',
      'easier to read on a big screen, can you open this in the browser',
      'on a shared pc today without slack, how do i get to you on the web',
      'my phone screen is tiny, open this chat in a browser for me',
      'the teams app is being weird, open the web one',
    ],
    // question: is there a web version
    [
      'is there a web version of rollcall',
      'can i chat with rollcall outside slack',
      'do you have a website i can use instead',
      'can i talk to you on the web',
      'does rollcall work in a normal browser',
    ],
    // terse / typos
    ['chat on web', 'browser', 'web version pls', 'open in browsr', 'webchat link', 'open web {emoji}'],
    // polite formal
    [
      'Could you please open Rollcall in my web browser?',
      'I would prefer to use the web chat; please send me a link.',
      'Would you provide access to the browser version of this assistant?',
      'Please send me a one-time sign-in link for the web chat.',
      'May I continue this conversation in the web interface?',
    ],
    // command switch
    [
      'switch me to the web chat',
      'move this conversation to the browser',
      'continue this in the web app',
      'let me carry on in the browser',
      'pop this out into a browser window',
    ],
    // desktop/laptop
    [
      'open this on my laptop browser',
      'i want to use you on my desktop in a browser',
      'can i get you up in edge',
      'open rollcall in firefox',
      'i want the full screen web chat',
    ],
  ],

  small_talk: [
    // greetings
    ['hi', 'hey there', 'hiya', 'morning!', 'hello rollcall', 'yo', 'good afternoon'],
    // thanks
    ['thanks', 'cheers', 'thank u', 'ta', 'thanks a lot, that helped', 'brilliant thank you'],
    // how are you
    [
      'how are you',
      'how are you doing today',
      "how's it going",
      'you ok?',
      'having a good day?',
      "how's things rollcall",
    ],
    // farewell
    ['bye', 'see ya', "that's all for now, bye", 'laters', 'gotta go, bye', 'catch you later'],
    // compliment
    [
      'you are great',
      'good bot',
      "you're really helpful",
      'nice one, love this bot',
      "that was quick, you're a star",
      'well done rollcall',
    ],
    // acknowledgement
    [
      'ok cool thanks',
      'nice one cheers',
      'great stuff, ta',
      'lovely, thanks',
      'ah ok, noted',
      'awesome thanks',
    ],
    // emoji-only / laughter
    ['👋', '😊', 'lol', 'haha', '🙌', '🙂'],
    // about the bot, chatty
    [
      'are you a robot',
      'who made you',
      'are you real',
      'do you have a name',
      'are you a person or a bot',
      'is this ai',
    ],
    // polite formal
    [
      'Good morning, I hope you are well.',
      'Thank you very much for your assistance.',
      'Many thanks for your help today.',
      'Kind regards, and have a good day.',
      'Much appreciated, thank you.',
    ],
    // apologies / friendly filler
    ['sorry, my bad', 'oops sorry', 'never mind', 'sorry for all the questions', 'ah sorry, ignore me'],
  ],

  out_of_domain: [
    // HR / pay / holiday
    [
      'how much annual leave have i got left',
      'when do we get paid this month',
      'can i see my payslip',
      'how do i book a day off',
      'what is the sick pay policy',
      "what's the bank holiday schedule",
    ],
    // IT
    [
      'my laptop wont turn on',
      'reset my password',
      "the wifi's down again",
      'how do i get access to sharepoint',
      'my vpn keeps dropping',
      'can you fix my outlook',
    ],
    // booking non-training things
    [
      'can you grab us a meeting room {time} {date}',
      'book a train to {city} {date}',
      'can you book a table for lunch',
      'book me a hotel in {city}',
      'book a desk for me {date}',
      'reserve a parking space {date}',
    ],
    // general knowledge / chit-chat requests
    [
      'know any good jokes',
      "what's the weather like in {city}",
      'who won the football last night',
      'what is the capital of australia',
      'write me a poem about {thing}',
      'what do you think about {thing}',
    ],
    // work but not training
    [
      "what is my manager's phone number",
      'when is the next all hands meeting',
      'who do i speak to about expenses',
      'where is the stationery cupboard',
      "what's for lunch in the canteen today",
      'how do i submit my timesheet',
    ],
    // tasks for an assistant
    [
      'write an email to my boss for me',
      'summarise this document',
      'translate this into french',
      'set a reminder for 3pm',
      'get me an uber home',
      'help me write some python code',
    ],
    // context-first rambling
    [
      'my car broke down on the way in, do you know any good garages near {city}',
      "we're planning the christmas party and need a venue, any ideas",
      'thinking of switching to the four day week, how do i apply for flexible working',
      'moving flat next month, can i change my home address on payroll here',
      'expenses from my trip to {city} got rejected, can you sort it',
    ],
    // terse / typos
    ['weather?', 'payday?', 'holidy balance', 'joke pls', 'lotto numbers', 'pizza'],
    // polite formal
    [
      'Could you tell me how to claim travel expenses?',
      'Please advise on the company pension scheme.',
      'Would you be able to update my bank details?',
      'I would like to request a new laptop, please.',
      'Kindly tell me the office opening hours over Christmas.',
    ],
  ],

  follow_up: [
    // ordinal
    ['2', 'the second one', 'number 3', 'option 1', 'the first', '4th one pls', 'the last one on the list'],
    // ordinal with verb
    [
      'go for the first one',
      "i'll take number 2",
      'the 3rd one please',
      'lets do the second',
      'pick the top one',
      'the one at the bottom',
    ],
    // that one
    [
      'that one',
      'yeah that one',
      'that one works',
      'that one pls',
      'that first option sounds good',
      'that session',
    ],
    // attribute: place
    [
      'the {city} one',
      'the one in {city}',
      'whichever is in {city}',
      '{city} please',
      "the one that's closest to {city}",
      'the {city} session',
    ],
    // attribute: time of day / weekday
    [
      'the morning one',
      'the afternoon session',
      'the one on {weekday}',
      'the {weekday} one',
      'whichever is earliest',
      'the one {time}',
    ],
    // same for someone
    [
      'same for {person}',
      'and {person}?',
      'what about {person}',
      'do the same for {person}',
      '{person} too',
      'and for {person} as well',
    ],
    // and period
    [
      'and the month after?',
      'what about {date}?',
      'and {date}',
      'how about the week after?',
      'and in january?',
      'any {date} instead?',
    ],
    // correction: date
    [
      'no, {weekday}',
      'sorry i meant {weekday}',
      'actually make it the {dom}',
      'no the {dom} not that one',
      'wait, i said {weekday}',
      'oops wrong day, {weekday}',
    ],
    // correction: yes but for someone
    [
      'yes but for {person}',
      'yeah but book {person} instead',
      'ok but make it {person}',
      'yes but for {person} not me',
      'sure but put {person} on it rather than me',
    ],
    // terse phone follow-ups
    ['1st', 'num 2', 'the 2nd pls', 'frst one', '#3', 'nmbr 2'],
  ],

  accept_offer: [
    // bare yes
    ['yes', 'yes please', 'yep', 'yeah', 'yes go on', 'go on then'],
    // take it / I'll have it
    [
      "i'll take it",
      "i'll have the place",
      'just take it',
      'grab it for me',
      'yes give me the seat',
      'claim it',
    ],
    // accept command
    [
      'accept it',
      'accept the place',
      'accept the offer',
      'accept the seat on {course}',
      'i accept',
      'confirm the place',
    ],
    // enthusiastic / emoji
    ['yes!!! finally', 'omg yes please {emoji}', 'YES I WANT IT', 'amazing, yes', '👍', 'yesss 🙌'],
    // context first
    [
      "oh great, i've been waiting ages for a {course} spot, yes i'll take it",
      'perfect timing, my diary just cleared, yes i want the place',
      'was hoping someone would drop out, count me in',
      "brilliant, my manager's been nagging me about {course}, yes i'll take it",
      "ah nice one, yes i can still make {date}, i'll have it",
    ],
    // still want it
    [
      'yes i still want it',
      'still want the place yes',
      'yes i still need {course}',
      'yes still interested',
      'yeah still keen',
    ],
    // polite formal
    [
      'Yes, I would like to accept the place, thank you.',
      'I am pleased to accept the offered seat.',
      'Please confirm my place, thank you.',
      'Thank you, I accept the offer on {course}.',
      'Yes please, I will gladly take the place.',
    ],
    // terse typos
    ['ye', 'yh', 'yas', 'yep ta', 'ok yes', 'sure'],
  ],

  decline_offer: [
    // bare no
    ['no thanks mate', 'no thank you', 'nah', 'nope', 'no', "nah i'm good"],
    // give to someone else
    [
      'give it to someone else',
      'pass it on to the next person',
      'let someone else have it',
      'offer it to the next one on the list',
      'someone else can take the seat',
      'give my spot to the next person',
    ],
    // decline command
    [
      'nah decline',
      'decline the place',
      'decline this offer pls',
      'reject the offer',
      'turn it down',
      'decline the seat on {course}',
    ],
    // reason / context first
    [
      "i can't do {date} anymore, so no, pass it on",
      "thanks but i already did {course} somewhere else, don't need it",
      "i'm on holiday that week so i'll have to say no",
      'too short notice for me, let someone else go',
      'already sorted it with another provider, so no thanks',
    ],
    // no longer want it
    [
      "i don't want it anymore",
      "don't need the place now",
      'not interested anymore',
      "i'll pass",
      'no longer needed thanks',
      "don't want the {course} place",
    ],
    // polite formal
    [
      'Thank you, but I must decline the place.',
      'I am afraid I will have to decline the offer.',
      'Please offer the seat to someone else; I am unable to attend.',
      'Thank you for the offer, however I will not be taking it.',
      'I respectfully decline the place on {course}.',
    ],
    // terse typos / emoji
    ['no ty', 'nty', 'pass', 'naw', 'no thx {emoji}', '👎'],
    // not this particular offer
    [
      'not this time',
      'maybe next time, not this one',
      "not now thanks, i'll catch a later one",
      'this one doesnt suit me, no',
      'not for me this time',
    ],
  ],
};
