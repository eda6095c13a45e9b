/**
 * Written paraphrase bank for learners, second round. Like the first round (written-learner.ts),
 * these wordings were written from scratch by people imagining each kind of user, not taken or
 * adapted from any evaluation set. This round covers constructions the first round lacks:
 * indirect questions ("do you know if…", "is it possible to…"), statements of need with a
 * deadline, someone else's words relayed ("my manager says…"), non-native English, voice-to-text
 * without punctuation, all caps, emoji around the words, course codes (FA-101, GDPR-101), dates
 * and times in many forms, follow-ups that pick by place, clock time, date or position, and
 * accepting or declining in many registers. Each inner array is one family: one construction,
 * its lines varying only the words. `{slot}` is filled from SLOT_VALUES in training/templates.ts.
 */
import type { ParaphraseBank } from './bank.ts';

export const WRITTEN_LEARNER_2_BANK: ParaphraseBank = {
  help: [
    // indirect question about what the bot does
    [
      'do you know what i can actually ask you',
      'i was wondering what sort of things you help with',
      'is it possible to get a quick rundown of what you do',
      "any idea what i'm meant to use you for",
      'would you mind explaining what this bot is for',
      'not sure if this is the right place but what do you do',
    ],
    // capability check: is it true you can do X
    [
      'is it true you can book courses for me',
      'someone said you can sort out training, is that right',
      'can you actually do bookings or do you just answer questions',
      'are you able to do waitlists as well or just courses',
      'priya reckons you can find my certificates, can you',
      'does this bot do elearning too or only classroom stuff',
    ],
    // all caps
    [
      'WHAT CAN YOU DO FOR ME HERE',
      'EXPLAIN HOW THIS WORKS',
      'HELP ME PLEASE',
      'I NEED HELP USING THIS',
      'WHAT IS THIS BOT',
      'HOW DO I USE YOU',
    ],
    // non-native English
    [
      'please how to use this bot',
      'what is possible to do with you?',
      'i not understand how this is working',
      'how i can use rollcall for my trainings?',
      'you can explain me the functions please',
      'which things i can ask to you?',
    ],
    // voice-to-text, no punctuation
    [
      'hey rollcall what kind of things can you help me with',
      'okay so how do i actually use you for training stuff',
      'um what am i supposed to say to you to get things done',
      'can you tell me what you can do for me please',
      'right so what are the things i can ask you about',
    ],
    // guide / docs / cheat sheet
    [
      'is there a user guide for this bot',
      'where can i read about how rollcall works',
      'got a cheat sheet of the commands',
      'any docs on what i can ask',
      'is there a video that shows how to use you',
      'link me the instructions for this thing',
    ],
    // what else
    [
      'what else can you do',
      'anything else you can help with',
      'is that all you do',
      'what other stuff are you good for',
      'what more can i do in here',
      'besides booking what else do you do',
    ],
    // emoji around
    [
      '🤔 so what are you for',
      '❓ how does this thing work ❓',
      '👋 new here, what do you do?',
      'how do i use this 😅',
      'lost 😵 help',
      '🆘 how does rollcall work',
    ],
  ],

  find_sessions: [
    // indirect: do you know if X is running
    [
      'do you know if {course} is running {date}',
      'any idea when {course} is next on',
      'do you happen to know if there are {course} sessions in {city}',
      'would you know whether {course} is on {weekday}',
      'not sure if you can tell me but when is {course} next running',
      'i was wondering if there are any {course} classes {date}',
    ],
    // course codes
    [
      'when is FA-101 running',
      'FA-101 dates?',
      'any GDPR-101 sessions {date}',
      'is EX-201 on in {city}',
      'next HS-300 session pls',
      'MH-200 dates in january?',
    ],
    // deadline: anything before a date
    [
      'need {course} done by the 15th, anything before then',
      'has to be before 12 dec, any {course} dates',
      'i have to have {course} by end of january, what sessions are there before that',
      'anything for {course} before christmas',
      "i've got to do {course} by friday week, is there a session in time",
      'my deadline for {course} is the 20th, what dates come before that',
    ],
    // got any / you got
    [
      'got any {course} going {date}',
      'you got anything on {weekday}',
      'got {course} in {city} at all',
      'what have you got for {course} in january',
      'got any spaces on {course} coming up',
      'you got any training on {date}',
    ],
    // dates and times in many forms
    [
      'anything on 12/12 in the morning',
      'sessions on the 14th after 2pm?',
      '{course} on tues at 9?',
      'is there {course} on 10.12',
      'anything running wed 2nd dec',
      '{course} 3 jan 2027?',
      'any training 9-5 on the 18th',
    ],
    // all caps
    [
      'WHEN DOES FIRST AID RUN NEXT',
      'EXCEL DATES FOR JANUARY PLS',
      'WHAT TRAINING IS ON IN LEEDS',
      'IS THERE GDPR ON FRIDAY',
      'SHOW ME FORKLIFT DATES',
      'FIRE SAFETY IN MANCHESTER WHEN',
    ],
    // voice-to-text
    [
      'hey rollcall when is the next {course} course in {city}',
      'okay so are there any {course} sessions {date} that i could go to',
      'can you check what {course} dates there are coming up please',
      'what training courses are running {date} in the {city} office',
      'um is there a {course} session sometime next week',
    ],
    // soonest / evening / weekend shape
    [
      "what's the soonest {course} i could go on",
      'earliest {course} date you have?',
      'are there any evening {course} sessions',
      'anything at the weekend for {course}',
      'is there a {course} one after work hours',
      'which is the nearest {course} date to now',
    ],
    // non-native English
    [
      'there is {course} training in {city}?',
      'when will be the next {course}?',
      'i search a {course} session for {date}',
      'exist some {course} course in january?',
      'which dates have {course} training?',
      'is possible to see the sessions of {course}?',
    ],
  ],

  book_session: [
    // indirect request
    [
      'do you think you could squeeze me onto {course} {date}',
      'i was wondering if you could book me on {course}',
      'would you mind booking me onto {course} {date}',
      'any way you could get me a seat on {course}',
      'would it be ok to put me on {course} in {city}',
      'is there any way to get me booked on {course} {date}',
    ],
    // flexible date: whichever / earliest
    [
      'book me on the earliest {course}',
      'whichever {course} is soonest, put me on it',
      'next available {course}, book me in',
      'any {course} date is fine, just book me',
      'book me on whatever {course} session has room',
      "don't mind when, sign me up for {course}",
    ],
    // course codes
    [
      'book FA-101 for me {date}',
      'sign me up to GDPR-101',
      'EX-201 {date}, book me in',
      'put me on MH-200 {weekday}',
      'book {person} onto FS-100',
      'register me on HS-300 in {city}',
    ],
    // someone else said I must be booked
    [
      'my manager says i need to be booked on {course}, can you do that',
      '{person} told me to get booked onto {course} {date}',
      'hr says i have to go on {course}, sign me up',
      'my team lead wants me on {course} {date} so book me in',
      'the induction pack says to book {course} in my first month, book it please',
    ],
    // specific clock times and dates
    [
      'book me on the 9am {course} {date}',
      'the 2pm {course} on thursday, book it for me',
      'book {course} 10/12 at 14:00',
      'put me in the morning {course} slot on the 15th',
      'book me {course} tues 1st dec 9:30',
      'get me on {course} 12.1 at half ten',
    ],
    // all caps
    [
      'BOOK ME ONTO EXCEL FRIDAY',
      'SIGN ME UP FOR FIRST AID',
      'BOOK ME A PLACE ON FORKLIFT',
      'REGISTER ME FOR GDPR NEXT WEEK',
      'PUT ME ON THE FIRE SAFETY COURSE',
    ],
    // voice-to-text
    [
      'can you book me onto {course} {date} please thanks',
      'hey rollcall book me on the {course} course in {city}',
      'okay please sign me up for {course} {date} at whatever time',
      'i would like you to book me on {course} please',
      'book {person} and me on {course} {date} thank you',
    ],
    // non-native English
    [
      'please i want make booking for {course}',
      'you can register me to {course} {date}?',
      'i would like to be inscribed in {course}',
      'make me a reservation for {course} training please',
      'please subscribe me to the {course} session',
      'i want participate to {course} in {city}',
    ],
    // emoji around, save / hold a seat
    [
      '🙏 get me onto {course} {date} 🙏',
      '📅 {course} {date} for me pls ✅',
      'save me a seat on {course} 🪑',
      'hold a place for me on {course} {date} 🙂',
      '✍️ sign me up {course}',
    ],
  ],

  join_waitlist: [
    // conditional: if there is a waitlist, add me
    [
      'if {course} has a waiting list, add me to it',
      "if there's a wait list for {course} {date} stick me on it",
      'if you keep a reserve list for {course} i want to be on it',
      'should {course} be full, put me on the waitlist',
      'if no places are left on {course} just waitlist me',
    ],
    // course codes
    [
      'waitlist FA-101 {date}',
      'GDPR-101 full? waitlist me',
      'add me to the EX-201 waiting list',
      'queue me for MH-200 pls',
      'standby list for FS-100 {weekday}',
      'put {person} on the HS-300 waitlist',
    ],
    // first / next in the queue
    [
      'make me next in the queue for {course}',
      'i want to be first in the queue for {course} if anyone pulls out',
      'get me near the top of the {course} waitlist',
      'put me at the front of the line for {course} {date}',
      'queue me up for the first free seat on {course}',
    ],
    // all caps
    [
      'STICK ME ON THE WAITING LIST PLEASE',
      'ADD ME TO THE FORKLIFT WAIT LIST',
      'RESERVE LIST FOR GDPR PLEASE',
      'JOIN THE EXCEL WAITLIST PLS',
      'WAITING LIST FOR FIRST AID',
    ],
    // non-native English
    [
      'please put me in the waiting list of {course}',
      'i want to be in wait list for {course}',
      'is possible to wait for a place in {course}?',
      'add me in the list of waiting for {course} {date}',
      'i stay in the queue for {course} please',
    ],
    // voice-to-text
    [
      'ok the {course} one is full so can you put me on the waiting list for it please',
      'hey rollcall add me to the waitlist for {course} {date}',
      'since {course} is fully booked could you put my name on the wait list',
      'can you waitlist me for the {course} session in {city} thanks',
      'yeah just put me on the reserve list for {course} then',
    ],
    // someone else said to join the waitlist
    [
      'my manager says i should get on the waitlist for {course}',
      '{person} told me to join the {course} waiting list',
      'hr said to go on the {course} reserve list, can you do that',
      'the trainer said {course} is full but to waitlist myself, so please do',
      'my team lead wants me on the {course} standby list',
    ],
    // any date / every session
    [
      'waitlist me for any {course} date',
      'add me to the waiting list for whichever {course} frees up first',
      'put me on every {course} waitlist going',
      "waitlist me on all the {course} sessions, i'm not fussy",
      "any {course} in {city} that's full, put me on its waitlist",
    ],
  ],

  cancel_booking: [
    // indirect request
    [
      'do you know if i can still get out of {course} {date}',
      'would it be ok if i pulled out of {course}',
      'i was wondering if you could cancel my {course} booking',
      'any chance you could take me off {course}',
      'is it still possible to cancel my place on {course} {date}',
    ],
    // course codes
    [
      'cancel FA-101 {date}',
      'take me off GDPR-101',
      'drop my EX-201 place',
      'unbook {person} from MH-200',
      "i'm out of FS-100 {weekday}, cancel me",
      'cancel my HS-300 booking in {city}',
    ],
    // by clock time or date only
    [
      'cancel my 9am on friday',
      "cancel the {course} i've got at 2pm thursday",
      'cancel my booking on 10/12',
      'drop my session on the 15th',
      'cancel whatever training i have tomorrow morning',
      'scrap my 14:00 session next tuesday',
    ],
    // all caps
    [
      'CANCEL MY FIRST AID PLACE',
      'TAKE ME OFF FORKLIFT',
      'CANCEL MY BOOKING FOR GDPR',
      'REMOVE ME FROM THE FIRE SAFETY COURSE',
      'UNBOOK ME FROM MANUAL HANDLING',
    ],
    // non-native English
    [
      'please i want to delete my inscription to {course}',
      'i cannot come to {course}, you can annul my place?',
      'remove please my reservation for {course} {date}',
      'i must cancel the {course}, how i do?',
      'please make cancel of my booking {date}',
    ],
    // voice-to-text
    [
      "hey rollcall can you cancel my {course} booking {date} i can't make it anymore",
      'please take me off the {course} session {date} thanks',
      'okay cancel my place on {course} in {city} please',
      'can you remove me from {course} i wont be going',
      'cancel my {course} booking for me please thank you',
    ],
    // someone else said I don't need it
    [
      "my manager says i don't need {course} anymore so cancel it",
      "{person} says i'm not needed on {course}, take me off",
      'team lead told me to pull out of {course} {date}',
      'hr said i booked the wrong {course}, cancel that booking',
      "apparently i've already got {course} covered, my boss says drop it",
    ],
    // emoji around
    [
      '❌ {course} {date}',
      "😞 can't do {course}, cancel my place",
      '🚫 not going to {course} anymore, cancel',
      'pull me off {course} pls 🙏',
      'cancel {course} {date} 🤒',
    ],
  ],

  my_bookings: [
    // next booking
    [
      "what's my next training",
      "when's my next booking",
      'next thing i am booked on?',
      'what is the next course i have',
      "when's my next session and where",
      'what have i got next training wise',
    ],
    // indirect: can you check if I'm booked
    [
      "do you know if i'm booked on anything {date}",
      "could you check whether i'm down for {course}",
      'can you tell me if i have any sessions {date}',
      'not sure if i ever booked {course}, can you check',
      'would you mind checking what courses i signed up to',
    ],
    // course codes
    [
      'am i on FA-101',
      'is my GDPR-101 booking still there',
      'when is my EX-201',
      'which room is my MH-200 in',
      'what time does my FS-100 start',
      'have i got a place on HS-300',
    ],
    // how many
    [
      'how many courses am i booked on',
      'how many sessions have i got coming up',
      'how many training days do i have booked this month',
      'count my bookings',
      'how many things am i signed up for',
    ],
    // all caps
    [
      'LIST MY BOOKINGS NOW',
      'SHOW WHAT IM BOOKED ON',
      'WHEN IS MY NEXT COURSE',
      'WHAT SESSIONS HAVE I GOT',
      'DO I HAVE ANY TRAINING BOOKED',
    ],
    // non-native English
    [
      'which trainings i have reserved?',
      'please show me my inscriptions',
      'i am registered in which courses?',
      'what are my reservations of training',
      'where i see my booked sessions?',
    ],
    // voice-to-text
    [
      'hey can you tell me what training i have booked for next week please',
      'what courses am i signed up for at the moment',
      'okay so when is my {course} session and what time does it start',
      'rollcall what have i got booked {date}',
      'can you list the sessions i have coming up thanks',
    ],
    // someone else says I'm booked: confirm
    [
      "my manager says i'm booked on {course}, am i",
      "{person} reckons we're both on {course} {date}, is that right",
      "got an email saying i'm on {course}, can you confirm",
      "the trainer says i'm on her list for {course}, is that true",
      'calendar says i have {course} {date}, is that booking real',
    ],
    // details of my booking
    [
      'give me the details of my {course} booking',
      "what's the address for my {course} session",
      'send me the calendar invite for my {course} {date}',
      "what's the teams link for my {course} session",
      'which trainer is running my {course}',
    ],
  ],

  my_learning: [
    // indirect check
    [
      "do you know if i've done {course}",
      "could you check whether i'm overdue on anything",
      'can you tell me if my {course} is still in date',
      'not sure if i ever finished {course}, can you look',
      "would you mind checking what mandatory training i haven't done",
    ],
    // someone else's wording: is it true for me
    [
      'the email says my {course} is overdue, is that right',
      'the portal shows a red cross next to {course}, have i not done it',
      "{person} says everyone's gdpr is overdue, is mine",
      'my manager says there is one course i still owe, which is it',
      'hr reckons my {course} has lapsed, has it',
    ],
    // course codes
    [
      'have i done GDPR-101',
      'is FA-101 overdue for me',
      'status of my EX-201',
      'did i pass FS-100',
      'have i finished MH-200 yet',
      'is my HS-300 still valid',
    ],
    // deadline questions
    [
      "when's my {course} due",
      'when do i have to finish {course} by',
      "what's the deadline for my {course}",
      'how long have i got to do {course}',
      'due date for {course}?',
      'when is my mandatory training due',
    ],
    // how many / how much
    [
      'how many mandatory courses have i got left',
      'what percentage of my training is done',
      'how many things am i overdue on',
      'how much of my compliance training is finished',
      'how many modules do i still need to do',
    ],
    // all caps
    [
      'WHAT TRAINING DO I OWE',
      'HAVE I GOT ANY OVERDUE COURSES',
      'WHICH COURSES HAVE I COMPLETED',
      'HAS MY FIRE SAFETY RUN OUT',
      'WHATS ON MY TRAINING RECORD',
    ],
    // non-native English
    [
      'which trainings i must still do?',
      'i have some training not finished?',
      'what is my situation of trainings',
      'the {course} is finished for me or not?',
      'i am late for some course?',
    ],
    // voice-to-text
    [
      "hey rollcall have i got any training that's overdue at the moment",
      'can you tell me what mandatory courses i still need to finish',
      'okay did i ever complete the {course} module',
      'what training have i done so far this year please',
      'is there anything i need to renew soon',
    ],
    // need statement with deadline: what do I still have to do
    [
      "i've got to be fully compliant by friday, what's left",
      'need all my mandatory stuff done by month end, what do i still have',
      'audit is on the 15th, what training am i missing',
      "before my probation ends i need everything done, what's outstanding",
      'i start on site monday so what mandatory training have i not finished',
    ],
  ],

  launch_course: [
    // course codes
    [
      'open GDPR-101',
      'launch FA-101 elearning',
      'start EX-201 now',
      'resume MH-200',
      'continue DP-110 where i stopped',
      'take me into the HS-300 module',
    ],
    // indirect request
    [
      'is it possible to do {course} from here',
      'do you know where i can open the {course} elearning',
      'could you get {course} up for me',
      'i was wondering if you could launch {course}',
      'would you mind opening the {course} module',
    ],
    // readiness statements
    [
      'ready to do {course} now',
      "i'm ready for the {course} module",
      'ok ready, start {course}',
      "i've got time now for {course}, go",
      'free for an hour so {course} it is, open it',
    ],
    // retake / redo
    [
      'redo {course} from the start',
      'restart {course}',
      'retake the {course} quiz',
      'let me have another go at {course}',
      'i failed {course}, let me try the elearning again',
      'start a fresh attempt of {course}',
    ],
    // all caps
    [
      'OPEN GDPR',
      'START THE EXCEL MODULE',
      'LAUNCH MANUAL HANDLING ELEARNING',
      'CONTINUE MY DATA PROTECTION COURSE',
      'OPEN THE FIRST AID E-LEARNING',
    ],
    // non-native English
    [
      'please open for me the {course} course',
      'i want make the {course} online now',
      'how i can enter in {course} module?',
      'give me access to {course} e-learning please',
      'i wish to continue my {course} lesson',
    ],
    // voice-to-text
    [
      'okay open the {course} elearning for me please',
      'hey rollcall start my {course} module',
      'can you launch the {course} online course now',
      'i want to carry on with my {course} elearning please',
      'open up {course} so i can finish it',
    ],
    // emoji around
    ['▶️ {course}', '🚀 launch {course}', '{course} elearning ▶️ pls', '💻 open {course}', 'start {course} 🎓'],
  ],

  my_certificates: [
    // course codes
    [
      'FA-101 certificate pls',
      'download my GDPR-101 cert',
      'where is my EX-201 certificate',
      'send me the MH-200 cert',
      'can i get my FS-100 certificate',
      "{person}'s HS-300 cert",
    ],
    // indirect request
    [
      'is it possible to get a copy of my {course} cert',
      'would you be able to find my {course} certificate',
      'any chance you could send my certs over',
      'i was wondering where my {course} certificate ended up',
      'do you know if i can download my certificates from here',
    ],
    // print
    [
      'print my {course} certificate',
      'i need to print off my certs',
      'can i get a printable version of my {course} certificate',
      'how do i print the certificate for {course}',
      'give me something i can print for my {course} cert',
    ],
    // details on the certificate
    [
      "what's the certificate number for my {course}",
      'when was my {course} certificate issued',
      'what date is on my {course} cert',
      'who signed my {course} certificate',
      'what does my {course} certificate say',
    ],
    // all caps
    [
      'SEND MY CERTIFICATES',
      'WHERE IS MY FORKLIFT CERT',
      'FIRST AID CERTIFICATE PLS',
      'I NEED MY GDPR CERTIFICATE',
      'GET ME ALL MY CERTIFICATES',
    ],
    // non-native English
    [
      'i need the certificate of {course}, where i find it?',
      'please send me my attestation of {course}',
      'give me the diploma of {course} training',
      'how i download my certificates?',
      'i want the paper that prove i did {course}',
    ],
    // voice-to-text
    [
      'can you email me my {course} certificate please i need it for work',
      'hey rollcall where can i get my certificates',
      'okay send me a copy of the {course} certificate thanks',
      'i need my {course} cert for the site tomorrow can you send it',
      'show me all the certificates i have please',
    ],
    // all at once
    [
      'send me all my certificates in one go',
      'zip up all my certs',
      'every certificate i have in one email please',
      'email me all my certs at once',
      'one pdf with all my certificates',
    ],
  ],

  recommend: [
    // indirect
    [
      'do you know any good courses for {skill}',
      "is there anything you'd suggest for someone like me",
      "i was wondering what courses you'd point me towards",
      'any chance you could suggest a course for me',
      'would you be able to recommend something for my {skill}',
    ],
    // if you were me
    [
      'if you were me what would you learn next',
      'in my shoes which course would you pick',
      'what would you do next in my position',
      'if you had to choose one course for me what would it be',
      "what's the one course you think i should do",
    ],
    // after finishing X, what follows
    [
      'done {course}, what should i take now',
      'finished {course} last week, anything that follows on from it',
      'what pairs well with {course}',
      'now that {course} is done what would you suggest',
      "what's a good follow-up to {course}",
    ],
    // constraints: short / online / from home
    [
      'something short i can do in an hour, any ideas',
      "any quick online courses you'd suggest",
      'recommend something i can do from home',
      'what can i learn in under 30 minutes',
      'a bite-size course for my lunch break, what would you suggest',
    ],
    // comparative advice
    [
      'should i do excel or sql for analysts first',
      'which is better for me, coaching skills or leadership',
      'is {course} worth doing for my role',
      'would you go for negotiation or presentation skills',
      'time management or project management, which would help me more',
    ],
    // all caps
    [
      'WHAT SHOULD I STUDY THIS YEAR',
      'RECOMMEND ME SOMETHING',
      'ANY GOOD COURSES FOR ME',
      'SUGGEST A COURSE',
      'WHAT TRAINING SHOULD I DO NEXT',
    ],
    // non-native English
    [
      'which course you advise me?',
      'what is good training for me to do?',
      'you can propose me some courses?',
      'what you recommend me to learn for {skill}?',
      'which formation is good for my career?',
    ],
    // voice-to-text
    [
      'hey rollcall what courses do you think i should do next',
      'can you suggest some training that would help me with {skill}',
      'what would be a good course for me to take this year',
      'okay what do you recommend for someone who wants to get promoted',
      'suggest something useful for me to learn please',
    ],
  ],

  my_journeys: [
    // indirect
    [
      "do you know what journeys i'm on",
      "could you check which programmes i've been put on",
      "can you tell me if i'm on a learning path",
      'would you mind listing my journeys',
      'i was wondering which pathways i am enrolled in',
    ],
    // how many
    [
      'how many journeys am i on',
      'how many programmes have i started',
      'number of learning paths i have',
      'how many pathways am i doing',
      'count my journeys',
    ],
    // where can I see them
    [
      'where can i see my journeys',
      "where's the list of my programmes",
      'where do i find my learning paths',
      'where are my journeys kept',
      'where do i look for my pathways',
    ],
    // finished and current journeys
    [
      'which journeys have i finished',
      'show my completed and current journeys',
      'what programmes have i completed so far',
      "list the journeys i've done and the ones i'm still on",
      'any journeys i have already finished',
    ],
    // all caps
    [
      'JOURNEYS LIST PLS',
      'WHICH PROGRAMMES HAVE I BEEN GIVEN',
      'SHOW ME EVERY LEARNING PATH IM ON',
      'JOURNEYS IM DOING?',
      'WHICH PATHWAYS HAVE I GOT',
    ],
    // non-native English
    [
      'which journeys i have?',
      'show me please the journeys of learning i have',
      'in what programmes i am inscribed?',
      'my pathways of learning, where i see them?',
      'i am in which learning paths?',
    ],
    // voice-to-text
    [
      'hey rollcall which learning journeys am i on at the moment',
      'can you show me all the programmes i have started',
      'okay what learning paths have i got going',
      'list all of my journeys please',
      'what journeys did i sign up to',
    ],
  ],

  journey_progress: [
    // indirect
    [
      'do you know how far i am on {journey}',
      'could you check where i got to on {journey}',
      "can you tell me what's left on the {journey} journey",
      'would you mind showing my {journey} progress',
      'i was wondering how much of {journey} i have done',
    ],
    // locked / blocked step
    [
      'why is the next step of {journey} locked',
      'what do i need to unlock the next part of {journey}',
      "what's stopping me moving on in {journey}",
      "why can't i start step 3 of {journey}",
      'which {journey} steps can i not do yet',
    ],
    // finished check
    [
      'have i finished {journey}',
      'is my {journey} journey complete',
      'am i done with {journey} yet',
      'did i complete the whole {journey} path',
      'is the {journey} programme all ticked off',
    ],
    // step number
    [
      'what step am i on in {journey}',
      'which step of {journey} am i at',
      "i'm on step 3 of {journey} right? what's step 4",
      'how many steps are in {journey} and which one am i on',
      'step number for me on {journey}?',
    ],
    // deadlines on the journey
    [
      'when do i need to finish {journey} by',
      "what's the deadline for the next step of {journey}",
      "when's the next {journey} step due",
      'am i behind schedule on {journey}',
      'is my {journey} journey on track for the deadline',
    ],
    // all caps
    [
      'WHATS NEXT ON MY ONBOARDING',
      'NEW STARTER JOURNEY PROGRESS',
      'HOW MUCH OF INDUCTION IS LEFT',
      'WHERE AM I ON THE GRADUATE PROGRAMME',
      'NEXT STEP FORKLIFT LICENCE',
    ],
    // non-native English
    [
      'in which point i am in {journey}?',
      'how much i completed of {journey} journey?',
      'what is the next thing in my {journey} path?',
      'i am near to finish {journey}?',
      'which steps i did already in {journey}?',
    ],
    // voice-to-text
    [
      'hey rollcall how am i getting on with the {journey} journey',
      'can you tell me what the next step is on my {journey} programme',
      'okay how many steps have i got left on {journey}',
      'show me how far through {journey} i am please',
      'where am i up to on my {journey} path at the moment',
    ],
  ],

  open_web_chat: [
    // indirect
    [
      'do you know if i can use rollcall in a browser',
      'would it be possible to get a web link for this chat',
      'i was wondering if there is a browser version i could use',
      'any chance you could open this in my browser',
      'is it possible to carry on this chat on the website',
    ],
    // mobile browser / tablet
    [
      'open this in safari on my phone',
      'can i use rollcall in my phone browser',
      'mobile web version please',
      "i'm on my ipad without teams, give me the web chat",
      'web chat link that works on my tablet',
    ],
    // all caps
    [
      'I NEED A LINK FOR THE WEBSITE',
      'OPEN ROLLCALL IN CHROME',
      'WEB CHAT PLEASE',
      'I WANT THE BROWSER VERSION',
      'LINK TO THE WEB CHAT',
    ],
    // non-native English
    [
      'i want use rollcall in the browser please',
      'how i open this chat in internet?',
      'please i need the link for web version',
      'is possible to talk with you on website?',
      'i prefer the web page, you can send link?',
    ],
    // voice-to-text
    [
      'can you open this chat in my browser please',
      'hey rollcall send me a link so i can use you on the web',
      'i want to use the web version of rollcall please',
      'okay open the web chat for me',
      'give me the browser link for this chat thanks',
    ],
    // emoji around
    [
      '🌐 web chat pls',
      '💻 chat in the browser instead',
      '🔗 web link?',
      'browser version 🙏',
      'open on the web 🌐',
    ],
    // web address / bookmark
    [
      "what's the web address for rollcall",
      'i want to bookmark the rollcall web chat, what is the link',
      'where do i go on the web to chat with you',
      'which website is the rollcall chat on',
      'what do i type in my browser to reach you',
    ],
  ],

  small_talk: [
    // all caps
    [
      'THANK YOU',
      'HELLO',
      'CHEERS ROLLCALL',
      'MORNING ROLLCALL HOPE YOURE WELL',
      'HI THERE',
      'THANKS SO MUCH',
    ],
    // non-native English
    [
      'thank you very much for your help my friend',
      'good day to you',
      'have a nice day',
      'hello my friend',
      'thank you, you are very kind',
    ],
    // seasonal / weekend wishes
    [
      'happy friday!',
      'have a good weekend',
      'merry christmas rollcall',
      'happy new year',
      'enjoy your weekend bot',
      'happy monday',
    ],
    // voice-to-text
    [
      'hey rollcall how are you doing this morning',
      "okay thanks that's everything for now",
      'thank you very much that was really useful',
      'hi there hope you are having a good day',
      'thanks a lot speak to you later',
    ],
    // mood statements
    [
      "i'm so tired today",
      'long day',
      'monday again ugh',
      'so ready for the weekend',
      "it's freezing in the office today",
      'finally friday',
    ],
    // emoji with words
    ['thank you 🙏', 'ta 😊', "hello 👋 hope you're well", 'cheers 🍻', 'morning ☀️', 'night 🌙'],
    // personal questions to the bot
    [
      'do you ever sleep',
      "what's your favourite course",
      'do you like your job',
      'are you busy today',
      'do you get bored',
      'what do you do for fun',
    ],
    // returning greetings
    ["hi rollcall, it's priya", "hey it's sam again", 'hello again', 'me again!', 'back again 😅'],
  ],

  out_of_domain: [
    // booking annual leave
    [
      'book me annual leave {date}',
      'can you book friday off for me',
      'put in a holiday request for the 15th to the 19th',
      'i need to book some leave next week',
      'book a half day off {date}',
      'request time off over christmas for me',
    ],
    // calendar meetings
    [
      'set up a meeting with {person} {date}',
      'put a 1:1 with {person} in my calendar',
      'book a call with my manager {date} {time}',
      'schedule a team catch up for {weekday}',
      'send {person} a meeting invite for tomorrow',
    ],
    // travel statements of need
    [
      'i need a flight to {city} {date}',
      'find me flights to {city}',
      'what time is the last train to {city}',
      'sort me a taxi to the airport {time}',
      'book me a hire car for the {city} trip',
    ],
    // food orders
    [
      'order lunch for the team {date}',
      'can you get sandwiches delivered for 12 people',
      'get me a coffee',
      'order pizza for the office',
      'what should i have for lunch',
    ],
    // personal appointments that sound like booking
    [
      "book me a doctor's appointment",
      'book a haircut for saturday',
      'book my car in for a service',
      'make me a dentist appointment {date}',
      'book a gym class for me {time}',
    ],
    // indirect, not training
    [
      'do you know if the office is open on boxing day',
      'any idea who fixes the printer',
      'is it possible to get a new monitor',
      'do you know when the canteen closes',
      'would you know the wifi code for the {city} office',
    ],
    // all caps
    [
      'WHEN IS PAYDAY',
      'BOOK ME A FLIGHT TO BERLIN',
      'WHO IS MY HR BUSINESS PARTNER',
      'HOW MUCH HOLIDAY HAVE I GOT',
      'WHATS THE WEATHER',
    ],
    // non-native English
    [
      'how is the weather in {city} tomorrow?',
      'please you can change my bank account for salary?',
      'where i can find the parking of the office?',
      'i need holidays in august, how i ask?',
      'you can reserve me a room in the hotel?',
    ],
    // voice-to-text
    [
      "hey rollcall what's the weather going to be like in {city} tomorrow",
      'can you book me a meeting room for this afternoon please',
      'how many days of annual leave do i have left this year',
      'okay remind me to call my mum at six',
      'what is the time in new york right now',
    ],
  ],

  follow_up: [
    // place attribute with a verb
    [
      "i'll go for the {city} one",
      "let's do the {city} session",
      "i'll do the one at the {city} office",
      '{city} works best for me, that one',
      'go with {city}',
      "the {city} one's closer, that",
    ],
    // clock-time attribute
    [
      'the 9am one',
      'the 2pm session',
      'the one at half nine',
      'the 14:00 one',
      'the one that starts at 10',
      'the lunchtime one',
      'the evening slot',
    ],
    // date attribute
    [
      'the one on the {dom}',
      'the {dom} one',
      'the 12/12 session',
      'the one next week',
      'the one before christmas',
      "{weekday}'s one",
    ],
    // relative position
    [
      'second to last',
      'the middle one',
      'the one after that',
      'the one before it',
      'the next one down',
      'the one above',
    ],
    // neither, ask another period
    [
      'neither of those, what about {date}',
      'none of them work, any in january',
      'neither, have you got anything next month',
      'not those, what about the week after',
      'neither suits, how about february',
    ],
    // both / more than one
    ['both of them', 'both of those', 'the first two', 'the top two', 'both the {city} ones', 'both please'],
    // correction by clock time
    [
      'no, the 2pm one',
      'not 9am, 10:30',
      'sorry, i meant the afternoon',
      'no wait, make it 14:00',
      'actually the later one',
      'oops, the morning not the afternoon',
    ],
    // correction by course
    [
      'sorry wrong course, i meant {course}',
      'i said {course} not excel',
      'oops, {course} not first aid',
      'no, {course}, my mistake',
      'not that one, the {course} one',
    ],
    // same for me / my team
    [
      'me as well',
      'and me too',
      'same for me',
      'same for my team',
      'and the rest of the team',
      'do that for jo and sam too',
    ],
    // non-native English
    [
      'the second, please',
      'i take the first',
      'this one in {city} please',
      'the one of {weekday}',
      'i prefer the last',
    ],
    // all caps / emoji
    [
      'THE THIRD ONE PLS',
      'THE LEEDS ONE',
      'SAME FOR DANA PLS',
      '2️⃣',
      '👉 the first one',
      'THE BOTTOM ONE PLS',
    ],
  ],

  accept_offer: [
    // slang register
    ['yeah go for it', 'bang it in', 'deffo', 'aye go on', "sound, i'll have it", "i'm in"],
    // non-native English
    [
      'good, i take it',
      'ok for me',
      'yes i want this place',
      'is good, i accept',
      'yes please, i take the seat',
    ],
    // all caps
    ['YES PLS', 'I ACCEPT THE SEAT', 'YES CONFIRM', 'YES THE SEAT IS MINE', 'COUNT ME IN'],
    // voice-to-text
    [
      "yes please i'd like to take that place thank you",
      'yeah go ahead and confirm that for me',
      'yes i can still make it so i will take the seat',
      'okay yes please accept it for me',
      'sure thing take the place please',
    ],
    // availability confirmation
    [
      'that date works, yes please',
      "the time's fine, i'll take it",
      'yep i can make that, confirm',
      'diary is free then so yes',
      "that day suits me, i'll have it",
    ],
    // go ahead / proceed
    ['go ahead', 'do it', 'confirm it', 'proceed', 'go ahead and accept', 'yes go ahead'],
    // course codes
    [
      'yes to the FA-101 place',
      'accept the GDPR-101 seat',
      "i'll take the EX-201 spot",
      'confirm my MH-200 place please',
      'yes please, FS-100 seat for me',
    ],
    // emoji
    ['✅', '✅ yes', '👌', '🙋 me please', '🎉 yes!', '👍👍'],
    // adverb register
    ['absolutely', 'definitely', 'of course', 'certainly', 'for sure', 'without a doubt'],
  ],

  decline_offer: [
    // slang register
    ['nah ta', 'nah mate, not for me', 'not fussed', "i'm alright thanks", 'gonna pass', 'no can do'],
    // non-native English
    [
      'no, i not want it',
      'no thank you, is not possible for me',
      'i cannot, give to other person',
      'no, for me is not good',
      'i refuse the place, thank you',
    ],
    // all caps
    ['NOPE NOT FOR ME', 'DECLINE IT PLEASE', 'LET THE NEXT PERSON HAVE IT', 'NOT INTERESTED', 'DONT WANT IT'],
    // voice-to-text
    [
      "no thanks i can't make that date anymore so give it to someone else",
      'please decline the place for me',
      "no i don't need the seat anymore thank you",
      'tell them i wont be taking it',
      'okay no thanks pass it on',
    ],
    // short two-word refusals
    ['cant sorry', 'no sorry', 'not me', 'skip it', 'no ta', 'leave it thx'],
    // course codes
    [
      'decline FA-101',
      'no to the GDPR-101 place',
      "don't want the EX-201 seat",
      'pass on MH-200',
      'turn down the FS-100 spot',
    ],
    // emoji
    ['❌', '❌ no', '🙅', 'no 🙅‍♀️', 'nope 😬', '🚫'],
    // strong negative register
    ['definitely not', 'absolutely not', 'no way', 'certainly not, thanks', 'not a chance'],
  ],
};
