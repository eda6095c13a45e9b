/**
 * Finds the Person behind a Slack / Teams user. The first contact looks the user's e-mail
 * up on the platform (Slack users.info, Teams roster) and links a ChatIdentity to the
 * Person with that e-mail; later turns find the ChatIdentity directly, without a platform
 * call. A user nobody in Rollcall matches gets a typed result so the adapter can answer
 * clearly instead of failing.
 */
import type { Deps } from '../../deps.ts';
import type { Channel } from '../../shared/channel.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../audit/record-audit.ts';

export interface ChatUserKey {
  platform: Channel;
  /** Slack team id or Teams tenant id ('' for web). */
  tenant: string;
  /** Slack user id, Teams AAD object id. */
  externalId: string;
}

export interface LinkChatIdentityInput extends ChatUserKey {
  /** Asked only on first contact: the user's e-mail as the platform knows it. */
  lookupEmail(): Promise<string | undefined>;
}

export type LinkChatIdentityResult =
  | {
      kind: 'linked';
      personId: string;
      identityId: string;
      firstContact: boolean;
      /** The stored proactive address, so a caller can tell whether it changed without a read. */
      conversationRef: unknown;
    }
  | { kind: 'unknown_user'; reason: 'no_email' | 'no_person'; email?: string }
  | { kind: 'inactive'; email: string };

export async function linkChatIdentity(
  deps: Pick<Deps, 'db'>,
  input: LinkChatIdentityInput,
): Promise<LinkChatIdentityResult> {
  const prisma = deps.db.prisma;
  const key = keyOf(input);
  const existing = await prisma.chatIdentity.findUnique({
    where: { platform_tenant_externalId: key },
    select: { id: true, conversationRef: true, person: { select: { id: true, status: true, email: true } } },
  });
  if (existing) {
    if (existing.person.status !== 'active') return { kind: 'inactive', email: existing.person.email };
    return {
      kind: 'linked',
      personId: existing.person.id,
      identityId: existing.id,
      firstContact: false,
      conversationRef: existing.conversationRef,
    };
  }

  const email = (await input.lookupEmail())?.trim().toLowerCase();
  if (!email) return { kind: 'unknown_user', reason: 'no_email' };
  const person = await prisma.person.findUnique({ where: { email }, select: { id: true, status: true } });
  if (!person) return { kind: 'unknown_user', reason: 'no_person', email };
  if (person.status !== 'active') return { kind: 'inactive', email };

  return inTransaction(prisma, async (tx) => {
    // Two first messages from the same user can race here; the unique key keeps one row.
    const { count } = await tx.chatIdentity.createMany({
      data: [{ ...key, personId: person.id }],
      skipDuplicates: true,
    });
    const identity = await tx.chatIdentity.findUniqueOrThrow({
      where: { platform_tenant_externalId: key },
      select: { id: true, personId: true, conversationRef: true },
    });
    if (count === 1) {
      await recordAudit(tx, {
        actorId: person.id,
        action: 'chat_identity.linked',
        entityType: 'ChatIdentity',
        entityId: identity.id,
        after: { ...key, personId: person.id, matchedBy: 'email' },
      });
    }
    return {
      kind: 'linked',
      personId: identity.personId,
      identityId: identity.id,
      firstContact: count === 1,
      conversationRef: identity.conversationRef,
    } as const;
  });
}

/**
 * Keeps the platform's address for proactive messages (a Teams ConversationReference, a
 * Slack DM channel). Written only when it changed, so ordinary turns cost no write.
 */
export async function rememberConversationRef(
  deps: Pick<Deps, 'db'>,
  linked: { identityId: string; conversationRef: unknown },
  conversationRef: Record<string, unknown>,
): Promise<void> {
  if (sameJson(linked.conversationRef, conversationRef)) return;
  await deps.db.prisma.chatIdentity.update({
    where: { id: linked.identityId },
    data: { conversationRef: conversationRef as Prisma.InputJsonObject },
  });
}

/** The stored proactive addresses of a person on one platform, newest first. */
export async function findConversationRefs(
  deps: Pick<Deps, 'db'>,
  personId: string,
  platform: Channel,
): Promise<
  { identityId: string; tenant: string; externalId: string; conversationRef: Record<string, unknown> }[]
> {
  const rows = await deps.db.prisma.chatIdentity.findMany({
    where: { personId, platform, NOT: { conversationRef: { equals: Prisma.AnyNull } } },
    orderBy: { updatedAt: 'desc' },
    select: { id: true, tenant: true, externalId: true, conversationRef: true },
  });
  return rows
    .filter(
      (r) => r.conversationRef && typeof r.conversationRef === 'object' && !Array.isArray(r.conversationRef),
    )
    .map((r) => ({
      identityId: r.id,
      tenant: r.tenant,
      externalId: r.externalId,
      conversationRef: r.conversationRef as Record<string, unknown>,
    }));
}

/** Key order differs between JSON read back from Postgres (jsonb) and a fresh object. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([x], [y]) => x.localeCompare(y))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

function keyOf(input: ChatUserKey): ChatUserKey {
  return { platform: input.platform, tenant: input.tenant, externalId: input.externalId };
}
