/**
 * The typed intents the assistant understands. The deterministic parser and the optional
 * LLM layer both produce these; the LLM's tool schemas are generated from the same zod
 * schemas, so a tool call is validated exactly like a parsed message.
 */
import { z } from 'zod';

export const INTENT_NAMES = [
  'help',
  'find_sessions',
  'book_session',
  'join_waitlist',
  'cancel_booking',
  'my_bookings',
  'my_learning',
  'launch_course',
  'my_certificates',
  'recommend',
  'team_compliance',
  'nudge',
  'approve_request',
  'session_roster',
  'record_attendance',
  'schedule_sessions',
  'add_cost',
  'report',
  'reschedule_session',
  'cancel_session',
  'transfer_registration',
  'change_capacity',
  'my_journeys',
  'journey_progress',
  'start_journey',
  'assign_instructor',
  'add_vendor',
  'raise_purchase_order',
  'set_certificate_validity',
  'open_web_chat',
  'unknown',
] as const;
export type IntentName = (typeof INTENT_NAMES)[number];

/**
 * What the classifier can tell apart: the handled intents above plus readings that have no
 * handler of their own yet. A parse of one of these carries the nearest handled intent (or
 * `unknown`) in `intent`, and the finer reading in `understood`, so handlers can be added one
 * at a time without the parse result changing shape.
 */
export const EXTRA_INTENT_NAMES = [
  'small_talk',
  'out_of_domain',
  'follow_up',
  'accept_offer',
  'decline_offer',
] as const;
export type ExtraIntentName = (typeof EXTRA_INTENT_NAMES)[number];
export const UNDERSTOOD_INTENT_NAMES = [...INTENT_NAMES, ...EXTRA_INTENT_NAMES] as const;
export type UnderstoodIntentName = IntentName | ExtraIntentName;

/** The handled intent each finer reading falls back to until it has a handler (small talk gets the friendly help). */
export const HANDLED_AS: Record<ExtraIntentName, IntentName> = {
  small_talk: 'help',
  out_of_domain: 'unknown',
  follow_up: 'unknown',
  accept_offer: 'unknown',
  decline_offer: 'unknown',
};

/** A span of time as UTC instants, read in the person's zone. `to` is exclusive. */
export const ZDateRange = z.object({
  from: z.iso.datetime({ offset: true }).describe('ISO-8601 instant, inclusive'),
  to: z.iso.datetime({ offset: true }).describe('ISO-8601 instant, exclusive'),
  /** True when a time of day was given, not just a date. */
  hasTime: z.boolean().optional(),
  text: z.string().optional(),
});
export type DateRange = z.infer<typeof ZDateRange>;

/** Raw words naming a course or session ("first aid", "the excel one", "FA-101"). */
export const ZCourseText = z
  .string()
  .min(1)
  .max(120)
  .describe('Words naming the course, e.g. "first aid" or a code like "FA-101"');

/** Somebody named in the message; resolved against the directory later, authorised by use cases. */
export const ZPersonRef = z.object({
  kind: z.enum(['self', 'name', 'team']),
  name: z.string().max(80).optional(),
});
export type PersonRef = z.infer<typeof ZPersonRef>;

/** "it", "that", "the second one": points at something from earlier turns. */
export const ZReference = z.enum(['it', 'ordinal']);

export const ZMoney = z.object({
  /**
   * Decimal string, never a float: "400.00". The sign is kept ("-400.00") so the use case can
   * refuse it with a reason instead of the parser silently dropping it.
   */
  amount: z.string().regex(/^-?\d+(\.\d{1,2})?$/),
  currency: z.string().length(3),
});
export type Money = z.infer<typeof ZMoney>;

/** Matches the TMS recurrence rule (weekly, interval, weekday, times, count/until). */
export const ZRecurrence = z.object({
  frequency: z.literal('weekly'),
  interval: z.number().int().min(1).max(52),
  /** 0 = Sunday … 6 = Saturday. */
  weekday: z.number().int().min(0).max(6),
  startTime: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional(),
  endTime: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional(),
  count: z.number().int().min(1).max(104).optional(),
  until: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export type Recurrence = z.infer<typeof ZRecurrence>;

export const REPORT_KINDS = [
  'compliance',
  'cost_per_learner',
  'costs',
  'attendance',
  'completions',
  'expiring',
  'scorm_attempts',
] as const;
export const REPORT_FORMATS = ['table', 'csv', 'chart', 'pdf'] as const;

const common = {
  course: ZCourseText.optional(),
  when: ZDateRange.optional(),
  ref: ZReference.optional(),
  ordinal: z.number().int().min(1).max(20).optional(),
};

export const ZIntentHelp = z.object({
  intent: z.literal('help'),
  slots: z.object({ topic: z.string().max(60).optional() }),
});
export const ZIntentFindSessions = z.object({
  intent: z.literal('find_sessions'),
  slots: z.object({ ...common }),
});
export const ZIntentBookSession = z.object({
  intent: z.literal('book_session'),
  slots: z.object({ ...common, person: ZPersonRef.optional() }),
});
export const ZIntentJoinWaitlist = z.object({
  intent: z.literal('join_waitlist'),
  /** `person`: someone else put on the waitlist ("put kofi on the forklift waitlist"). */
  slots: z.object({ ...common, person: ZPersonRef.optional() }),
});
export const ZIntentCancelBooking = z.object({
  intent: z.literal('cancel_booking'),
  slots: z.object({ ...common, person: ZPersonRef.optional() }),
});
export const ZIntentMyBookings = z.object({
  intent: z.literal('my_bookings'),
  slots: z.object({ when: ZDateRange.optional(), course: ZCourseText.optional() }),
});
export const ZIntentMyLearning = z.object({
  intent: z.literal('my_learning'),
  slots: z.object({
    filter: z.enum(['all', 'completed', 'overdue', 'due', 'in_progress', 'expiring']).optional(),
    person: ZPersonRef.optional(),
    course: ZCourseText.optional(),
  }),
});
export const ZIntentLaunchCourse = z.object({
  intent: z.literal('launch_course'),
  slots: z.object({ course: ZCourseText.optional(), ref: ZReference.optional() }),
});
export const ZIntentMyCertificates = z.object({
  intent: z.literal('my_certificates'),
  slots: z.object({ course: ZCourseText.optional(), person: ZPersonRef.optional() }),
});
export const ZIntentRecommend = z.object({
  intent: z.literal('recommend'),
  slots: z.object({ topic: z.string().max(60).optional() }),
});
export const ZIntentTeamCompliance = z.object({
  intent: z.literal('team_compliance'),
  slots: z.object({
    filter: z.enum(['all', 'overdue', 'expiring']).optional(),
    withinDays: z.number().int().min(1).max(730).optional(),
    course: ZCourseText.optional(),
  }),
});
export const ZIntentNudge = z.object({
  intent: z.literal('nudge'),
  slots: z.object({
    audience: z.enum(['overdue', 'expiring', 'team', 'person', 'them']).optional(),
    person: ZPersonRef.optional(),
    course: ZCourseText.optional(),
  }),
});
export const ZIntentApproveRequest = z.object({
  intent: z.literal('approve_request'),
  slots: z.object({
    decision: z.enum(['approve', 'decline']),
    person: ZPersonRef.optional(),
    course: ZCourseText.optional(),
  }),
});
export const ZIntentSessionRoster = z.object({
  intent: z.literal('session_roster'),
  slots: z.object({ ...common }),
});
export const ZIntentRecordAttendance = z.object({
  intent: z.literal('record_attendance'),
  slots: z.object({
    ...common,
    person: ZPersonRef.optional(),
    status: z.enum(['attended', 'no_show', 'partial']).optional(),
  }),
});
export const ZIntentScheduleSessions = z.object({
  intent: z.literal('schedule_sessions'),
  slots: z.object({
    course: ZCourseText.optional(),
    when: ZDateRange.optional(),
    recurrence: ZRecurrence.optional(),
    startTime: z
      .string()
      .regex(/^\d{2}:\d{2}$/)
      .optional(),
    endTime: z
      .string()
      .regex(/^\d{2}:\d{2}$/)
      .optional(),
    venue: z.string().max(80).optional(),
    instructors: z.array(z.string().max(80)).max(6).optional(),
    /** Exact as written (even 0, negative or huge): the use case refuses out-of-range values. */
    capacity: z.number().int().optional(),
    /** Held online ("online", "on Teams", "virtual"): a meeting link instead of a venue. */
    online: z.literal(true).optional(),
    /** "no venue": nowhere to book, so the session needs a meeting link instead. */
    noVenue: z.literal(true).optional(),
    meetingUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
  }),
});
/** "reschedule the First Aid session on 10 Dec to 11 Dec (at 9am)": which session, and its new date. */
export const ZIntentRescheduleSession = z.object({
  intent: z.literal('reschedule_session'),
  slots: z.object({ ...common, to: ZDateRange.optional() }),
});
/** "cancel the First Aid session on 17 Dec because the trainer is ill": which session, and why. */
export const ZIntentCancelSession = z.object({
  intent: z.literal('cancel_session'),
  slots: z.object({ ...common, reason: z.string().max(300).optional() }),
});
/** "move Sam Brooks to the First Aid session on 17 Dec": whose booking, and the session it goes to. */
export const ZIntentTransferRegistration = z.object({
  intent: z.literal('transfer_registration'),
  slots: z.object({ ...common, person: ZPersonRef.optional(), from: ZDateRange.optional() }),
});
/** "raise the capacity of the First Aid session on 10 Dec to 14". */
export const ZIntentChangeCapacity = z.object({
  intent: z.literal('change_capacity'),
  slots: z.object({ ...common, capacity: z.number().int().optional() }),
});
/** "my journeys": the learning journeys I have started, with where I am on each. */
export const ZIntentMyJourneys = z.object({ intent: z.literal('my_journeys'), slots: z.object({}) });
/** "how far am I on my forklift licence journey?": one journey, step by step. */
export const ZIntentJourneyProgress = z.object({
  intent: z.literal('journey_progress'),
  slots: z.object({
    journey: z.string().max(80).optional(),
    /** "book the next step", "start the next step": act on it rather than only show it. */
    next: z.literal(true).optional(),
  }),
});
/** "start the new starter journey": begins a journey for me (its steps are assigned). */
export const ZIntentStartJourney = z.object({
  intent: z.literal('start_journey'),
  slots: z.object({ journey: z.string().max(80).optional() }),
});
/** "make Dana the trainer for first aid on 10 Dec", "replace Lee with Dana on …": who teaches which session. */
export const ZIntentAssignInstructor = z.object({
  intent: z.literal('assign_instructor'),
  slots: z.object({
    ...common,
    /** The instructor put on the session. */
    person: ZPersonRef.optional(),
    /** The instructor they stand in for ("replace Lee with Dana"). */
    replaces: z.string().max(80).optional(),
  }),
});
/** "add Acme Training as a supplier": a new vendor, by name (and e-mail when given). */
export const ZIntentAddVendor = z.object({
  intent: z.literal('add_vendor'),
  slots: z.object({
    vendor: z.string().min(1).max(80).optional(),
    email: z.string().max(120).optional(),
  }),
});
/** "raise PO 4501 for £2,000 to Acme Training": a purchase order against a known vendor. */
export const ZIntentRaisePurchaseOrder = z.object({
  intent: z.literal('raise_purchase_order'),
  slots: z.object({
    vendor: z.string().min(1).max(80).optional(),
    money: ZMoney.optional(),
    /** The PO number as finance issued it ("PO-4501"). */
    number: z.string().min(1).max(40).optional(),
    /** The course it pays for, as typed ("the first aid trainer" → "first aid"): named in its description. */
    course: ZCourseText.optional(),
    category: z.enum(['venue', 'facilitator', 'travel', 'materials', 'catering', 'other']).optional(),
  }),
});
/** "forklift certificates are valid for 3 years": a course's validity in months, or none ("never expire"). */
export const ZIntentSetCertificateValidity = z.object({
  intent: z.literal('set_certificate_validity'),
  slots: z.object({
    course: ZCourseText.optional(),
    /** Exact as written: the use case refuses out-of-range values. */
    months: z.number().int().optional(),
    noExpiry: z.literal(true).optional(),
  }),
});
export const ZIntentAddCost = z.object({
  intent: z.literal('add_cost'),
  slots: z.object({
    ...common,
    money: ZMoney.optional(),
    category: z.enum(['venue', 'facilitator', 'travel', 'materials', 'catering', 'other']).optional(),
    vendor: z.string().max(80).optional(),
  }),
});
export const ZIntentReport = z.object({
  intent: z.literal('report'),
  slots: z.object({
    kind: z.enum(REPORT_KINDS).optional(),
    format: z.enum(REPORT_FORMATS).optional(),
    department: z.string().max(60).optional(),
    period: ZDateRange.optional(),
    course: ZCourseText.optional(),
  }),
});
/** "open Rollcall in my browser": a one-time sign-in link to the web chat. */
export const ZIntentOpenWebChat = z.object({ intent: z.literal('open_web_chat'), slots: z.object({}) });
export const ZIntentUnknown = z.object({ intent: z.literal('unknown'), slots: z.object({}) });

export const ZIntent = z.discriminatedUnion('intent', [
  ZIntentHelp,
  ZIntentFindSessions,
  ZIntentBookSession,
  ZIntentJoinWaitlist,
  ZIntentCancelBooking,
  ZIntentMyBookings,
  ZIntentMyLearning,
  ZIntentLaunchCourse,
  ZIntentMyCertificates,
  ZIntentRecommend,
  ZIntentTeamCompliance,
  ZIntentNudge,
  ZIntentApproveRequest,
  ZIntentSessionRoster,
  ZIntentRecordAttendance,
  ZIntentScheduleSessions,
  ZIntentAddCost,
  ZIntentRescheduleSession,
  ZIntentCancelSession,
  ZIntentTransferRegistration,
  ZIntentChangeCapacity,
  ZIntentMyJourneys,
  ZIntentJourneyProgress,
  ZIntentStartJourney,
  ZIntentAssignInstructor,
  ZIntentAddVendor,
  ZIntentRaisePurchaseOrder,
  ZIntentSetCertificateValidity,
  ZIntentReport,
  ZIntentOpenWebChat,
  ZIntentUnknown,
]);
export type Intent = z.infer<typeof ZIntent>;
export type IntentOf<N extends IntentName> = Extract<Intent, { intent: N }>;

/** Every intent's schema by name: the LLM layer builds one tool per entry (but `unknown`). */
export const INTENT_SCHEMAS = Object.fromEntries(
  ZIntent.options.map((schema) => [schema.shape.intent.value, schema]),
) as unknown as { [N in IntentName]: (typeof ZIntent.options)[number] };

/**
 * A follow-up that only makes sense against the last list or draft shown: "the second one"
 * (ordinal), "that one" (that), "the Manchester one" (attribute), "same for Sam" (same_for),
 * "and next month?" (and_period), "no, Thursday" / "yes but for Priya" (correction).
 */
export const ZFollowUp = z.object({
  kind: z.enum(['ordinal', 'that', 'attribute', 'same_for', 'and_period', 'correction']),
  /** 1-based position in the last list; -1 is "the last one". */
  ordinal: z.number().int().min(-1).max(20).optional(),
  /** A word that picks one item of the last list: a place, a part of day or a weekday. */
  attribute: z.string().max(40).optional(),
  person: ZPersonRef.optional(),
  when: ZDateRange.optional(),
  /** "yes but …": the pending draft is confirmed with the correction applied. */
  confirms: z.boolean().optional(),
});
export type FollowUp = z.infer<typeof ZFollowUp>;

/** Slots read for a reading that has no handler yet (see EXTRA_INTENT_NAMES). */
export interface ExtraSlots {
  course?: string;
  when?: DateRange;
  person?: PersonRef;
  money?: Money;
  capacity?: number;
  vendor?: string;
}

export interface Alternative {
  intent: UnderstoodIntentName;
  confidence: number;
}

/** What the parser hands on: the intent plus how sure it is and what it saw. */
export type ParsedMessage = Intent & {
  /** 0..1; below PLACED_CONFIDENCE the LLM layer (when configured) gets a go. */
  confidence: number;
  /** The finer reading; equals `intent` for handled intents. */
  understood: UnderstoodIntentName;
  /** The next likeliest readings, best first (at most three), for "Did you mean …". */
  alternatives: Alternative[];
  /** ISO 639-1 code when the message is recognisably not English. */
  language?: string;
  followUp?: FollowUp;
  extra?: ExtraSlots;
};
export const PLACED_CONFIDENCE = 0.5;
