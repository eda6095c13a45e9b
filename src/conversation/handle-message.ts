/**
 * The conversation core: one InboundMessage in, one Reply out. It loads the person (the
 * identity comes from the adapter, never from the text), reads the dialogue state from the
 * database, settles any pending question, parses the message (deterministic first, the LLM
 * layer only for what the parser cannot place), runs the intent's handler — which calls the
 * use cases with the person's Actor, so authorization stays there — and saves the state.
 */
import type { Deps } from '../deps.ts';
import { findPeople, identifyActor, type Actor } from '../features/people/index.ts';
import { AppError } from '../shared/app-error.ts';
import { looksLikeAnswer, readChoice, readYesNo } from './dialogue/answers.ts';
import { loadState, saveState, type Pending } from './dialogue/state.ts';
import { INTENT_HANDLERS } from './intents/registry.ts';
import type { Resolved, Turn } from './intents/turn.ts';
import { PLACED_CONFIDENCE, ZIntent, type Intent, type ParsedMessage } from './parse/intents.ts';
import { MAX_MESSAGE_CHARS, parseMessage } from './parse/parse-message.ts';
import { reply, say } from './reply/build.ts';
import { isActionId, type ActionId } from '../shared/reply.ts';
import { answerOffer } from './intents/offer.ts';
import { didYouMean, offerable, otherLanguageReply, smallTalkReply } from './intents/ask-back.ts';
import { coursesMeant } from './intents/lookups.ts';
import { REPEATABLE, resolveFollowUp, type FollowUpResult } from './dialogue/follow-ups.ts';
import { findFollowUp } from './parse/follow-up.ts';
import { errorWords } from './reply/error-words.ts';
import { readerLocale } from './reply/locale.ts';
import { fillSlot, isNewRequest, namesTyped } from './dialogue/fill-slot.ts';
import type { ConversationHandler, InboundMessage, Reply } from './types.ts';

/** An optional interpreter for messages the parser cannot place (the OpenAI layer). */
export interface IntentInterpreter {
  interpret(text: string, actor: Actor, now: Date): Promise<Intent | undefined>;
}

export interface ConversationOptions {
  interpreter?: IntentInterpreter;
}

export interface TurnResult {
  intent: Intent['intent'];
  slots: Intent['slots'];
  reply: Reply;
  /** Where the intent came from: the parser, the LLM, a dialogue answer or a button. */
  source: 'parser' | 'llm' | 'dialogue' | 'action';
}

export function createConversationHandler(
  deps: Deps,
  options: ConversationOptions = {},
): ConversationHandler {
  return async (message) => (await handleTurn(deps, message, options)).reply;
}

export async function handleTurn(
  deps: Deps,
  message: InboundMessage,
  options: ConversationOptions = {},
): Promise<TurnResult> {
  const now = deps.clock.now();
  let actor: Actor;
  try {
    actor = await identifyActor(deps, message.personId);
  } catch (error) {
    return { intent: 'unknown', slots: {}, reply: reply(errorWords(error).text), source: 'parser' };
  }
  const state = await loadState(deps, actor, message.channel, message.threadKey, now);
  const turn: Turn = {
    deps,
    actor,
    now,
    channel: message.channel,
    locale: readerLocale(message.locale),
    context: state.context,
  };
  let result: TurnResult;
  try {
    result = await route(turn, message, state.pending, state.pendingExpired, options);
  } catch (error) {
    if (!(error instanceof AppError))
      deps.log.error({ err: error, personId: actor.personId }, 'conversation turn failed');
    const words = errorWords(error);
    result = {
      intent: turn.current?.intent ?? 'unknown',
      slots: turn.current?.slots ?? {},
      reply: reply(words.text, { next: [say('My bookings', 'what am I booked on?'), say('Help', 'help')] }),
      source: 'parser',
    };
  }
  await saveState(
    deps,
    actor,
    message.channel,
    message.threadKey,
    { context: turn.context, pending: turn.pending },
    now,
  );
  return result;
}

async function route(
  turn: Turn,
  message: InboundMessage,
  pending: Pending | undefined,
  pendingExpired: boolean,
  options: ConversationOptions,
): Promise<TurnResult> {
  const action = message.action;
  let text = (message.text ?? '').trim();
  if (action?.id === 'say') text = action.value.slice(0, MAX_MESSAGE_CHARS);
  else if (action) {
    const fromAction = await routeAction(turn, action, pending);
    if (fromAction) return fromAction;
  }

  // A correction or a pick by description must reach the draft before "no"/"yes" settles it.
  const early = text ? findFollowUp(text, { now: turn.now, timeZone: turn.actor.timeZone }) : undefined;
  if (early && early.kind !== 'ordinal' && early.kind !== 'and_period' && early.kind !== 'same_for') {
    const followed = await resolveFollowUp(turn, early, pending, runIntent);
    if (followed) return fromFollowUp(followed);
  }
  if (pending && text) {
    const answered = await answerPending(turn, pending, text);
    if (answered) return answered;
  }
  if (!pending && pendingExpired && text && looksLikeAnswer(text)) {
    return {
      intent: 'unknown',
      slots: {},
      source: 'dialogue',
      reply: reply('That question has expired, so I did nothing. Tell me again what you would like to do.', {
        next: [
          say('My bookings', 'what am I booked on?'),
          say('Find sessions', 'what sessions are coming up?'),
        ],
      }),
    };
  }
  if (!text) {
    return {
      intent: 'help',
      slots: {},
      source: 'parser',
      reply: reply("I didn't get any text there. Try one of these, or type `help`.", {
        next: [
          say('Find sessions', 'what sessions are coming up?'),
          say('My bookings', 'what am I booked on?'),
          say('Help', 'help'),
        ],
      }),
    };
  }
  if (text.length > MAX_MESSAGE_CHARS) {
    return {
      intent: 'unknown',
      slots: {},
      source: 'parser',
      reply: reply(
        `That message is very long (${text.length.toLocaleString(turn.locale)} characters). Ask me one thing at a time in a sentence or two — for example "book me on first aid next Tuesday".`,
        { next: [say('Help', 'help')] },
      ),
    };
  }

  const parsed = parseMessage(text, { now: turn.now, timeZone: turn.actor.timeZone });
  if (parsed.followUp && parsed.understood === 'follow_up') {
    const followed = await resolveFollowUp(turn, parsed.followUp, pending, runIntent);
    if (followed) return fromFollowUp(followed);
  }
  let intent: Intent = parsed;
  let source: TurnResult['source'] = 'parser';
  if (parsed.confidence < PLACED_CONFIDENCE && options.interpreter) {
    const fromLlm = await options.interpreter.interpret(text, turn.actor, turn.now).catch(() => undefined);
    if (fromLlm && fromLlm.intent !== 'unknown') {
      intent = fromLlm;
      source = 'llm';
    }
  }
  const clean = ZIntent.parse({ intent: intent.intent, slots: intent.slots });
  if (source === 'parser') {
    const asked = await askBack(turn, parsed, text);
    if (asked) return { intent: clean.intent, slots: clean.slots, reply: asked, source };
    // "decline it": the request last shown or mentioned, decided as a button on it would be.
    if (
      clean.intent === 'approve_request' &&
      parsed.followUp?.kind === 'that' &&
      !clean.slots.person &&
      turn.context.lastRequestId
    ) {
      return {
        intent: clean.intent,
        slots: clean.slots,
        reply: await runIntent(turn, clean, { registrationId: turn.context.lastRequestId, confirmed: true }),
        source,
      };
    }
  }
  return {
    intent: clean.intent,
    slots: clean.slots,
    reply: await runIntent(turn, clean, clean.intent === 'unknown' ? { text } : {}),
    source,
  };
}

export async function runIntent(turn: Turn, intent: Intent, resolved: Resolved): Promise<Reply> {
  turn.current = intent;
  const handler = INTENT_HANDLERS[intent.intent] as (t: Turn, i: Intent, r: Resolved) => Promise<Reply>;
  const listBefore = turn.context.lastSessionIds;
  const out = await handler(turn, intent, resolved);
  rememberTurn(turn, intent, resolved, out, listBefore);
  return out;
}

/** Questions a follow-up may repeat for another period ("and next month?"). */
const QUERIES = new Set<Intent['intent']>(['find_sessions', 'my_bookings', 'session_roster', 'report']);

/** What later follow-ups refer to: the list shown and who showed it, the last question, the last change. */
function rememberTurn(
  turn: Turn,
  intent: Intent,
  resolved: Resolved,
  out: Reply,
  listBefore: string[] | undefined,
): void {
  if (turn.context.lastSessionIds !== listBefore) turn.context.lastListIntent = intent;
  if (QUERIES.has(intent.intent)) turn.context.lastQuery = intent;
  if (REPEATABLE.has(intent.intent)) {
    const sessionId =
      typeof resolved.sessionId === 'string' ? resolved.sessionId : turn.context.lastSessionId;
    turn.context.lastAction = { intent, ...(sessionId ? { sessionId } : {}) };
  }
  const buttons = [...(out.blocks ?? [])].flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
  const request = buttons.find((b) => b.actionId === 'approve_request' || b.actionId === 'decline_request');
  if (request) turn.context.lastRequestId = request.value;
  else if (intent.intent === 'approve_request' && typeof resolved.registrationId === 'string')
    turn.context.lastRequestId = resolved.registrationId;
}

function fromFollowUp(followed: FollowUpResult): TurnResult {
  return {
    intent: followed.intent.intent,
    slots: followed.intent.slots,
    reply: followed.reply,
    source: 'dialogue',
  };
}

/**
 * Not a request to act on: another language, small talk, or a reading too unsure to act on
 * (offered back as buttons). A loose message that names a course still goes to its sessions.
 */
async function askBack(turn: Turn, parsed: ParsedMessage, text: string): Promise<Reply | undefined> {
  if (parsed.language && parsed.language !== 'en') return otherLanguageReply(turn.actor);
  // A bare "yes" or "no" with no question open is not small talk: the unknown handler says so.
  if (readYesNo(text)) return undefined;
  const chatty = parsed.understood === 'small_talk' || parsed.understood === 'out_of_domain';
  const unsure = parsed.understood === 'unknown' || (chatty && parsed.confidence < PLACED_CONFIDENCE);
  const readings = unsure ? offerable(parsed.alternatives) : [];
  if (chatty && readings.length === 0) return smallTalkReply(turn.actor, parsed.understood as 'small_talk');
  if (readings.length === 0) return undefined;
  if (readings.length === 0) return undefined;
  if (text.length <= 60) {
    const courses = await coursesMeant(turn, text);
    if (courses.length > 0 && courses[0]!.score >= NAMES_A_COURSE) return undefined;
  }
  return didYouMean(readings);
}

/** A loose message names a course when it matches at least a title phrase or a tag. */
const NAMES_A_COURSE = 55;

/** Buttons carry an action id and a value; ids that name an intent run it on that entity. */
async function routeAction(
  turn: Turn,
  action: { id: string; value: string },
  pending: Pending | undefined,
): Promise<TurnResult | undefined> {
  const run = async (intent: Intent, resolved: Resolved): Promise<TurnResult> => ({
    intent: intent.intent,
    slots: intent.slots,
    reply: await runIntent(turn, intent, resolved),
    source: 'action',
  });
  const unknownButton = (): TurnResult => ({
    intent: 'unknown',
    slots: {},
    source: 'action',
    reply: reply("I don't recognise that button any more. Tell me what you would like to do.", {
      next: [say('Help', 'help')],
    }),
  });
  if (!isActionId(action.id)) return unknownButton();
  const id: ActionId = action.id;
  switch (id) {
    case 'say':
    case 'link':
    case 'open_web_chat':
      // `say` was read as text before routing; links open a page and never come back.
      return unknownButton();
    case 'confirm':
    case 'choose':
      if (!pending) {
        return {
          intent: 'unknown',
          slots: {},
          source: 'action',
          reply: reply(
            'That question has expired, so I did nothing. Tell me again what you would like to do.',
            { next: [say('My bookings', 'what am I booked on?')] },
          ),
        };
      }
      return answerPending(turn, pending, action.value);
    case 'book_session':
      return run({ intent: 'book_session', slots: {} }, { sessionId: action.value });
    case 'join_waitlist':
      return run({ intent: 'join_waitlist', slots: {} }, { sessionId: action.value });
    case 'cancel_booking':
      return run({ intent: 'cancel_booking', slots: {} }, { registrationId: action.value });
    case 'session_roster':
      return run({ intent: 'session_roster', slots: {} }, { sessionId: action.value });
    case 'launch_course':
      return run({ intent: 'launch_course', slots: {} }, { courseId: action.value });
    case 'approve_request':
      // A button on one named request is itself the explicit decision.
      return run(
        { intent: 'approve_request', slots: { decision: 'approve' } },
        { registrationId: action.value, confirmed: true },
      );
    case 'decline_request':
      return run(
        { intent: 'approve_request', slots: { decision: 'decline' } },
        { registrationId: action.value, confirmed: true },
      );
    case 'accept_offer':
    case 'decline_offer':
      // The buttons on a freed-seat notification (registrations/notification-text.ts).
      return {
        intent: 'unknown',
        slots: {},
        source: 'action',
        reply: await answerOffer(turn, action.value, action.id === 'accept_offer'),
      };
    default: {
      // Every ActionId has a case above: a new one without a case fails the typecheck here.
      const unhandled: never = id;
      return unhandled;
    }
  }
}

/** Settles a pending question, or returns undefined when the text is a new request instead. */
async function answerPending(turn: Turn, pending: Pending, text: string): Promise<TurnResult | undefined> {
  const done = async (intent: Intent, resolved: Resolved): Promise<TurnResult> => ({
    intent: intent.intent,
    slots: intent.slots,
    reply: await runIntent(turn, intent, resolved),
    source: 'dialogue',
  });
  const no = readYesNo(text) === 'no';
  if (no) {
    return {
      intent: pending.intent.intent,
      slots: pending.intent.slots,
      source: 'dialogue',
      reply: reply('OK, I left it as it was.', {
        next: [
          say('My bookings', 'what am I booked on?'),
          say('Find sessions', 'what sessions are coming up?'),
        ],
      }),
    };
  }
  if (pending.kind === 'confirm') {
    // The words after the "yes" go along: "yes, because the other session moves" is a reason.
    if (readYesNo(text) === 'yes')
      return done(pending.intent, { ...pending.resolved, confirmed: true, answer: text });
    return undefined;
  }
  const ctx = { now: turn.now, timeZone: turn.actor.timeZone };
  if (pending.kind === 'fill_slot') {
    const filled = fillSlot(pending.intent, pending.slot, text, ctx);
    if (filled === undefined) return undefined;
    if (filled === 'again') {
      turn.pending = pending;
      return {
        intent: pending.intent.intent,
        slots: pending.intent.slots,
        source: 'dialogue',
        reply: reply(`${pending.prompt} (Or say "never mind".)`, {
          awaitingAnswer: true,
          next: [{ label: 'Never mind', actionId: 'confirm', value: 'no' }],
        }),
      };
    }
    return done(filled, {});
  }
  const options = pending.kind === 'choose_session' ? pending.sessionIds : pending.personIds;
  const index =
    readChoice(text, options.length) ?? (options.includes(text) ? options.indexOf(text) + 1 : undefined);
  if (index === undefined && pending.kind === 'choose_person') {
    const typed = await instructorsTyped(turn, pending, text);
    if (typed) return typed;
  }
  if (index === undefined) {
    if (looksLikeAnswer(text)) {
      turn.pending = pending;
      return {
        intent: pending.intent.intent,
        slots: pending.intent.slots,
        source: 'dialogue',
        reply: reply(`Please pick a number from 1 to ${options.length}, or say "never mind".`, {
          awaitingAnswer: true,
          next: [{ label: 'Never mind', actionId: 'confirm', value: 'no' }],
        }),
      };
    }
    return undefined;
  }
  const chosen = options[index - 1]!;
  return pending.kind === 'choose_session'
    ? done(pending.intent, { sessionId: chosen })
    : done(pending.intent, { personId: chosen });
}

/**
 * A name typed in answer to "Who will teach it?" (instead of a number): each name must be
 * exactly one instructor. The draft keeps everything said before and gains the names.
 */
async function instructorsTyped(
  turn: Turn,
  pending: Extract<Pending, { kind: 'choose_person' }>,
  text: string,
): Promise<TurnResult | undefined> {
  const draft = pending.intent;
  if (draft.intent !== 'schedule_sessions' && draft.intent !== 'assign_instructor') return undefined;
  if (isNewRequest(text, { now: turn.now, timeZone: turn.actor.timeZone })) return undefined;
  const names = namesTyped(text);
  if (names.length === 0 || names.some((n) => n.split(/\s+/).length > 3)) return undefined;
  const found: { id: string; name: string }[] = [];
  for (const name of names) {
    const matches = await findPeople(turn.deps, turn.actor, { name, role: 'instructor' });
    if (matches.length !== 1) {
      turn.pending = pending;
      return {
        intent: draft.intent,
        slots: draft.slots,
        source: 'dialogue',
        reply: reply(
          matches.length
            ? `"${name}" could be ${matches.map((m) => m.name).join(' or ')}. Type the full name or pick a number.`
            : `I couldn't find an instructor called "${name}". Type another name or pick a number.`,
          { awaitingAnswer: true, next: [{ label: 'Never mind', actionId: 'confirm', value: 'no' }] },
        ),
      };
    }
    found.push(matches[0]!);
  }
  const run = async (intent: Intent, resolved: Resolved): Promise<TurnResult> => ({
    intent: intent.intent,
    slots: intent.slots,
    reply: await runIntent(turn, intent, resolved),
    source: 'dialogue',
  });
  if (draft.intent === 'assign_instructor') return run(draft, { personId: found[0]!.id });
  const before = draft.slots.instructors ?? [];
  const added = found.map((f) => f.name).filter((n) => !before.includes(n));
  return run({ ...draft, slots: { ...draft.slots, instructors: [...before, ...added] } }, {});
}
