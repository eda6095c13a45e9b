import type { Deps } from '../../deps.ts';
import { hashSecret, looksLikeSecret } from './hash-secret.ts';

/** The person a session cookie belongs to, if it is live (not expired, not revoked, person active). */
export async function findWebSession(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { sessionId: string },
): Promise<{ personId: string } | undefined> {
  if (!looksLikeSecret(input.sessionId)) return undefined;
  const session = await deps.db.prisma.webSession.findFirst({
    where: {
      id: hashSecret(input.sessionId),
      revokedAt: null,
      expiresAt: { gt: deps.clock.now() },
      person: { status: 'active' },
    },
    select: { personId: true },
  });
  return session ?? undefined;
}
