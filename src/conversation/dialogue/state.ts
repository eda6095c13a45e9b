/**
 * Dialogue state per (person, channel, thread), kept in ConversationState so any replica
 * can take the next turn. `context` remembers what was last talked about ("it", "that");
 * `pending` is a question awaiting an answer, void after its expiry.
 */
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../features/people/index.ts';
import { readDialogueState, writeDialogueState } from '../../features/platform/index.ts';
import type { Channel } from '../types.ts';
import { ZIntent } from '../parse/intents.ts';

export const PENDING_TTL_MS = 15 * 60_000;

export const ZContext = z
  .object({
    lastSessionId: z.string().optional(),
    lastRegistrationId: z.string().optional(),
    lastCourseId: z.string().optional(),
    /** Sessions last listed, in the order shown, so "the second one" has a meaning. */
    lastSessionIds: z.array(z.string()).optional(),
    /** People last listed by a team question ("remind them", "remind the overdue ones"). */
    lastPeople: z
      .object({
        overdue: z.array(z.string()),
        expiring: z.array(z.string()),
        all: z.array(z.string()),
        /** Which of the lists the reply showed: what "remind them" refers to. */
        shown: z.enum(['overdue', 'expiring', 'all']).optional(),
      })
      .optional(),
    /** The intent whose reply showed `lastSessionIds`: what "the second one" goes on to do. */
    lastListIntent: ZIntent.optional(),
    /** The last question asked (sessions, bookings, a report): what "and next month?" repeats. */
    lastQuery: ZIntent.optional(),
    /** The last change asked for, on which session: what "same for Sam" repeats. */
    lastAction: z.object({ intent: ZIntent, sessionId: z.string().optional() }).optional(),
    /** The request last shown or mentioned: what "decline it" decides. */
    lastRequestId: z.string().optional(),
  })
  .catch({});
export type Context = z.infer<typeof ZContext>;

/** Something the person must answer before it happens. */
export const ZPending = z.discriminatedUnion('kind', [
  /** Several sessions matched; the intent runs again on the one chosen. */
  z.object({
    kind: z.literal('choose_session'),
    intent: ZIntent,
    sessionIds: z.array(z.string()).min(1),
    prompt: z.string(),
  }),
  /** Several people matched a name. */
  z.object({
    kind: z.literal('choose_person'),
    intent: ZIntent,
    personIds: z.array(z.string()).min(1),
    prompt: z.string(),
  }),
  /** One value was missing ("What is the vendor called?"): the typed answer fills `slot` and `intent` runs again. */
  z.object({
    kind: z.literal('fill_slot'),
    intent: ZIntent,
    slot: z.string(),
    prompt: z.string(),
  }),
  /** A change for someone else or one that costs money: run `intent` with `confirmed` once they say yes. */
  z.object({
    kind: z.literal('confirm'),
    intent: ZIntent,
    resolved: z.record(z.string(), z.unknown()),
    prompt: z.string(),
  }),
]);
export type Pending = z.infer<typeof ZPending>;

export interface DialogueState {
  context: Context;
  pending?: Pending;
  /** True when a question was pending but lapsed before this turn. */
  pendingExpired: boolean;
}

export async function loadState(
  deps: Deps,
  actor: Actor,
  channel: Channel,
  threadKey: string,
  now: Date,
): Promise<DialogueState> {
  const row = await readDialogueState(deps, actor, { channel, threadKey });
  if (!row) return { context: {}, pendingExpired: false };
  const pending = row.pending ? ZPending.safeParse(row.pending) : undefined;
  const live = pending?.success && row.pendingExpiresAt && row.pendingExpiresAt > now;
  return {
    context: ZContext.parse(row.context),
    pending: live ? pending.data : undefined,
    pendingExpired: Boolean(row.pending) && !live,
  };
}

export async function saveState(
  deps: Deps,
  actor: Actor,
  channel: Channel,
  threadKey: string,
  state: { context: Context; pending?: Pending },
  now: Date,
): Promise<void> {
  await writeDialogueState(deps, actor, {
    channel,
    threadKey,
    context: state.context,
    pending: state.pending,
    pendingExpiresAt: state.pending ? new Date(now.getTime() + PENDING_TTL_MS) : null,
  });
}
