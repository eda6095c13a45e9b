/**
 * Exact rules: the few messages whose intent is certain from their form, decided before the
 * trained model — the texts our own buttons send, bare commands ("help", "cancel that"), a
 * course code on its own, and the request to open the browser chat. Everything else is the
 * model's job (intent-model.ts); rules tuned to example sentences do not generalise.
 */
import type { UnderstoodIntentName } from './intents.ts';

export interface Classified {
  intent: UnderstoodIntentName;
  confidence: number;
}

/** What our own buttons type for the person (src/conversation/intents/* `say(...)`). */
const BUTTON_TEXTS = new Map<string, UnderstoodIntentName>(
  Object.entries({
    'what sessions are coming up': 'find_sessions',
    'what sessions are there next month': 'find_sessions',
    'what am i booked on': 'my_bookings',
    'my learning': 'my_learning',
    'my certificates': 'my_certificates',
    'my journeys': 'my_journeys',
    'start a learning journey': 'start_journey',
    'assign an instructor to a session': 'assign_instructor',
    'assign an instructor to it': 'assign_instructor',
    'add a vendor': 'add_vendor',
    'raise a purchase order': 'raise_purchase_order',
    'change a certificate validity': 'set_certificate_validity',
    'what should i learn next': 'recommend',
    'put me on the waitlist': 'join_waitlist',
    'book me on it': 'book_session',
    'roster for it': 'session_roster',
    'mark attendance': 'record_attendance',
    'everyone attended': 'record_attendance',
    'show pending approvals': 'approve_request',
    'how is my team doing on compliance': 'team_compliance',
    'who expires in the next 60 days': 'team_compliance',
    'compliance report': 'report',
    'cost report this quarter': 'report',
    'cost per learner this quarter': 'report',
    'attendance vs registrations this month': 'report',
  }),
);

const EXACT: [RegExp, UnderstoodIntentName][] = [
  [/^(help|menu|commands|\?+)$/, 'help'],
  // A greeting on its own: a word or two the model, trained on longer messages, may not rank.
  [
    /^(hi|hello|hey|hiya|howdy|yo|good (morning|afternoon|evening))( there| all| everyone| rollcall| bot)?$/,
    'small_talk',
  ],
  [/^(cancel|drop|scrap|undo) (it|that|this)( one| booking)?$/, 'cancel_booking'],
  [/^(book|reserve) (it|that|this)( one)?$/, 'book_session'],
  [/^(approve|accept) (it|that|this)( one| request)?$/, 'approve_request'],
  [/^(decline|reject|deny) (it|that|this)( one| request)?$/, 'approve_request'],
  [/^[a-z]{2,5}-?\d{3}$/, 'find_sessions'],
  // A command that opens with the verb: "reschedule …" moves a session, "schedule …" (not
  // "schedule for …", a question about dates) puts one on. The model's character grams
  // cannot tell the two verbs apart, one being inside the other.
  [/^(?:(?:can|could) you |please )?re-?schedule\b/, 'reschedule_session'],
  [/^(?:(?:can|could) you |please )?schedule (?!for\b|of\b|me\b|please\b)[a-z0-9]/, 'schedule_sessions'],
  [
    /\b(in|on|from) (my |a |the )?(web )?browser\b|\bweb (version|chat|app)\b|\bon the web\b|\bwebsite for (this|rollcall)\b/,
    'open_web_chat',
  ],
];

export function exactIntent(text: string): Classified | undefined {
  // A Map, not an object: "constructor" or "__proto__" typed alone must not find Object's own.
  const button = BUTTON_TEXTS.get(text);
  if (button) return { intent: button, confidence: 1 };
  for (const [pattern, intent] of EXACT) if (pattern.test(text)) return { intent, confidence: 1 };
  return undefined;
}
