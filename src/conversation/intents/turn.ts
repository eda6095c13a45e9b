/** What every intent handler receives: who asks, when, the dialogue state, and the deps. */
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../features/people/index.ts';
import type { Context, Pending } from '../dialogue/state.ts';
import type { Intent, IntentName, IntentOf } from '../parse/intents.ts';
import type { Channel, Reply } from '../types.ts';

export interface Turn {
  deps: Deps;
  actor: Actor;
  now: Date;
  channel: Channel;
  /** The reader's locale (BCP 47) for dates and numbers, e.g. "en-US"; see reply/locale.ts. */
  locale: string;
  /** Mutable: handlers record what they talked about, and set a question to ask. */
  context: Context;
  pending?: Pending;
  /** The intent being run, so a refusal still reports what was asked. */
  current?: Intent;
}

/**
 * Facts settled earlier in the dialogue (a chosen session, a chosen person, a "yes") that
 * the handler must not ask about again.
 */
export interface Resolved {
  sessionId?: string;
  personId?: string;
  registrationId?: string;
  confirmed?: boolean;
  [key: string]: unknown;
}

export type IntentHandler<N extends IntentName = IntentName> = (
  turn: Turn,
  intent: IntentOf<N>,
  resolved: Resolved,
) => Promise<Reply>;
export type IntentHandlers = { [N in IntentName]: IntentHandler<N> };

export type AnyIntent = Intent;
