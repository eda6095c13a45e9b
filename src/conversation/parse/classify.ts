/**
 * Which intent a normalised message expresses. Ordered rules, first match wins: the order
 * encodes precedence ("cancel my booking" is a cancellation, not a question about bookings;
 * "who's on the waitlist" is a roster, not a request to join it). Each rule carries the
 * confidence the LLM layer uses to decide whether to have a go.
 */
import type { IntentName } from './intents.ts';

interface Rule {
  intent: IntentName;
  pattern: RegExp;
  unless?: RegExp;
  confidence?: number;
}

const RULES: Rule[] = [
  {
    intent: 'open_web_chat',
    pattern:
      /\b(open|use|show|get|send me|give me|continue|chat with)\b.*\b(rollcall |this |the chat |you )?(in|on|from) (my|a|the) (web )?(browser|laptop|computer|desktop)\b|\b(web ?chat|browser) (link|version|sign[- ]?in|login)\b|\bsign (me )?in(to)? (the )?(web|browser)\b/,
  },
  {
    intent: 'help',
    pattern:
      /^(help|\?+|menu|commands|options|start over|what can (you|i) (do|ask|say)|what do you do|how (do|does) (this|it|you) work|how do i use (this|you)|what are you|who are you|what can you help( me)? with|help me|i need help|get started|hello|hi|hey)$|^(help|how do i use)\b|\bwhat can (you|i) (do|ask|help)\b|\bwhat can you help\b/,
  },
  {
    intent: 'report',
    pattern:
      /\b(reports?|csv|chart|graph|spreadsheet|export|cost per (learner|head|person|attendee|delegate)|attendance vs|attendance versus|registrations vs|breakdown|dashboard|stats|statistics|how much (did|have) we spen[dt]|total spend|training spend|spend (on|per|by|this|last))\b/,
    unless: /\b(certificate|my (report|reports)\b(?! as))/,
  },
  {
    intent: 'add_cost',
    pattern:
      /\b(add|log|record|put|enter|charge|book|register)\b.*(\bcosts?\b|£|\$|€|\b\d+(\.\d+)?\s?(gbp|usd|eur|pounds|quid|dollars|euros)\b|\binvoice\b|\bexpense\b|\bfee\b)|\b(costs?|spent|paid)\b.*(£|\$|€|\b\d+\s?(gbp|usd|eur)\b)/,
  },
  {
    intent: 'schedule_sessions',
    pattern:
      /^(schedule|set up|setup|create|plan|organi[sz]e|arrange|run|add|put on|lay on)\b(?!.*\b(me|my|myself)\b)(?=.*\b(sessions?|every|weekly|fortnightly|seats|room|course|class|workshop|on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|first aid|fire safety|forklift|excel|gdpr|leadership|negotiation|\d{1,2}(am|pm|:\d\d)|next|tomorrow))|\bnew session\b|\b(schedule|create)\s+(a|an|another|some|the)?\s*(new )?(sessions?|class|course date|workshop)\b/,
  },
  {
    intent: 'record_attendance',
    pattern:
      /\b(no-show|didn'?t (show|turn up|come|attend|make it)|did not (show|turn up|attend)|mark(ed)?\b.*\b(attendance|attended|present|absent|no-show|here)|take (the )?attendance|record (the )?attendance|attendance for (my|the|today|this)|was absent|were absent|left early|arrived late|turned up late|(was|were) (there|present)|(everyone|everybody|all) (attended|turned up|came|showed up)|attendance (on|at) (my|the)|mark attendance)\b|^[a-z]+ (attended|showed up|turned up)\b/,
    unless: /\b(what have i|my learning|have i)\b/,
  },
  {
    intent: 'session_roster',
    pattern:
      /\b(who('s| is| are|s)? (on|in|booked|coming|attending|registered|signed up|enrolled|going)|roster|attendee(s| list)|list of attendees|participants( list)?|delegate list|sign-?in sheet|who('ll| will) be (there|at)|how many (people )?(are )?(booked|registered|signed up|coming)|headcount|class list)\b/,
  },
  {
    intent: 'approve_request',
    pattern:
      /\b(approve|approval|approvals|sign off|signoff|ok'?\s+\w+'s request|accept \w+'s request|decline|reject|deny|refuse|turn down)\b/,
    unless: /\bwhat needs\b.*\bcompliance\b/,
  },
  {
    intent: 'nudge',
    pattern:
      /\b(remind|nudge|chase|ping|send (a |them a |him a |her a )?(reminder|nudge|message|note)|follow up with|hurry up|poke)\b/,
  },
  {
    intent: 'join_waitlist',
    pattern:
      /\bwaitlist\b|\bput me in the queue\b|\b(let|tell) me (know )?(if|when) (a )?(place|seat|spot) (frees|opens|comes)\b/,
    unless: /\b(remove|take me off|cancel|leave|drop|get me off)\b/,
  },
  {
    intent: 'cancel_booking',
    pattern:
      /\b(cancel|cancellation|drop out|drop (me|my)|withdraw|pull out|unbook|un-book|unregister|deregister|remove me|take me off|can'?t (make|attend|go|come)|cannot (make|attend|go|come)|won'?t (make|be able)|no longer (attend|come|go|need)|not going to make|scrap my|get me off|bail on|release my (seat|place|spot))\b/,
  },
  {
    intent: 'team_compliance',
    pattern:
      /\b((my|our|the) (teams?|reports|direct reports|people|staff|department|org|division)|team'?s?\b.*\b(compli|status|doing|overdue|expir|training|progress|up to date)|who (expires|is expiring|'s expiring|is overdue|'s overdue|has expired|is behind|hasn'?t (done|completed|finished)|needs to (renew|redo))|who.*\bexpir|who'?s (overdue|expiring|behind|expired)|expiring in the next|anyone (overdue|expiring)|is (everyone|my team) (compliant|up to date))\b/,
    unless: /\b(book|register|enrol|sign up)\b/,
  },
  {
    intent: 'my_learning',
    pattern:
      /\bwhat (has|have) ([a-z]+) (completed|done|finished|passed|got overdue)\b|\b(show|see|what'?s)( me)? ([a-z]+)'s (training|learning|record|progress|transcript)\b|^([a-z]+)'s (training|learning|record|progress|transcript)\b/,
    unless: /\bwhat (has|have) (i|we|you|my team|the team)\b/,
  },
  {
    intent: 'my_certificates',
    pattern: /\b(certificates?|certs?|certification|proof of (completion|training)|my licen[cs]e)\b/,
  },
  {
    intent: 'launch_course',
    pattern:
      /^(start|launch|open|begin|resume|continue|take|play|do|go to|let me (start|do|take))\b(?!.*\b(sessions?|report)\b)|\b(i want to|i'd like to|let me|can i) (start|launch|begin|resume|continue|take|do) (the |my )?(online|e-?learning|module|gdpr|security|forklift theory|inclusi)|\bpick up where i left off\b/,
  },
  {
    intent: 'book_session',
    pattern:
      /\b(book|booking me|sign (me |\w+ )?up|signup|register|enrol|reserve|put (me|\w+) (on|down for|in|onto)|add (me|\w+) to|get (me|\w+) (on|onto|into|a (seat|place|spot))|i'?d like to (attend|join|go on|do)|i want to (attend|join|go on|go to|do)|i would like to (attend|join|go on)|count me in|save me a (seat|place|spot)|grab (me )?a (seat|place|spot)|take a (seat|place|spot)|can i (join|attend|come|go)|i'?ll take it|i'?ll go|sign me|i'll attend)\b/,
  },
  {
    intent: 'my_bookings',
    pattern:
      /\b(what am i (booked|registered|signed up|enrolled|down)|am i (booked|registered|signed up|on)|my (bookings?|registrations?|schedule|calendar|upcoming|reservations?|sessions|classes|places)|where am i (booked|going)|what('s| is) (on )?my (schedule|calendar|agenda)|what have i (booked|signed up|registered)|what('s| is) coming up for me|my next (session|class|training)|what (sessions|training|classes) am i (on|in|doing|attending)|when is my (next )?(session|class|training|course))\b/,
  },
  {
    intent: 'my_learning',
    pattern:
      /\b(what have i (completed|done|finished|passed|achieved|learned|learnt|attended|taken)|my (learning|training|progress|transcript|record|assignments|courses|compliance|status|history|to-?do|todo|modules)|what('s| is| are)? (overdue|due|outstanding|left|pending|assigned)|what do i (need|have) to (do|complete|finish|take)|am i (compliant|up to date|overdue|behind)|have i (done|completed|finished|passed)|what courses (do i|have i)|what training (do i|have i)|(anything|something) (overdue|due)|do i have anything (due|overdue|outstanding)|my (mandatory|required|compliance) training|(overdue|outstanding|mandatory) (training|courses|modules|learning)|how am i doing)\b/,
  },
  {
    intent: 'recommend',
    pattern:
      /\b(recommend\w*|suggest\w*|what should i (learn|take|do|study)|what('s| is) next for me|learn next|do next|next step|what else (can|could|should) i|ideas for|improve my|get better at|develop my|grow my|career|upskill|what would you (suggest|recommend))\b/,
  },
  {
    intent: 'find_sessions',
    pattern:
      /\b(sessions?|classes|class|dates?|availability|available|when('s| is| are)|what('s| is) (on|running|available)|upcoming|are there|is there|any(thing)? .*\b(next|this|on|in)\b|running|offered|coming up|find|search|looking for|show me|list|courses?|training|workshops?|spaces|places|seats)\b/,
  },
];

export function classify(text: string): { intent: IntentName; confidence: number } {
  if (!text.trim()) return { intent: 'unknown', confidence: 0 };
  for (const rule of RULES) {
    if (rule.pattern.test(text) && !rule.unless?.test(text))
      return { intent: rule.intent, confidence: rule.confidence ?? 0.9 };
  }
  return { intent: 'unknown', confidence: 0 };
}
