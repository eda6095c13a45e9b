/**
 * Where the conversation keeps its dialogue state: one ConversationState row per (person,
 * channel, thread), so any replica can take the next turn. The shape of `context` and
 * `pending` belongs to the conversation, which validates what it reads back; this store
 * only keeps them, and only for the person talking (the actor).
 */
import type { Deps } from '../../deps.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import type { ChatChannel } from '../../shared/channel.ts';
import type { Actor } from '../people/actor.ts';

export interface DialogueThread {
  channel: ChatChannel;
  /** '' for a DM's main timeline; a Slack thread or Teams reply chain is its own thread. */
  threadKey: string;
}

export interface StoredDialogue {
  context: unknown;
  pending: unknown;
  pendingExpiresAt: Date | null;
}

export async function readDialogueState(
  deps: Deps,
  actor: Actor,
  thread: DialogueThread,
): Promise<StoredDialogue | undefined> {
  const row = await deps.db.prisma.conversationState.findUnique({
    where: { personId_channel_threadKey: { personId: actor.personId, ...thread } },
    select: { context: true, pending: true, pendingExpiresAt: true },
  });
  return row ?? undefined;
}

export async function writeDialogueState(
  deps: Deps,
  actor: Actor,
  input: DialogueThread & { context: object; pending: object | undefined; pendingExpiresAt: Date | null },
): Promise<void> {
  const { channel, threadKey } = input;
  const data = {
    context: input.context as Prisma.InputJsonValue,
    pending: input.pending ? (input.pending as Prisma.InputJsonValue) : Prisma.DbNull,
    pendingExpiresAt: input.pendingExpiresAt,
  };
  await deps.db.prisma.conversationState.upsert({
    where: { personId_channel_threadKey: { personId: actor.personId, channel, threadKey } },
    create: { personId: actor.personId, channel, threadKey, ...data },
    update: data,
  });
}
