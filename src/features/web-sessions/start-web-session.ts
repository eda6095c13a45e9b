/**
 * Exchanges a one-time sign-in token for a session: the token is marked used in the same
 * statement that checks it, so two exchanges of one link cannot both succeed.
 */
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { hashSecret, looksLikeSecret, newSecret } from './hash-secret.ts';

export const WEB_SESSION_TTL_MS = 12 * 60 * 60_000;

export interface StartedWebSession {
  /** The cookie value; only its hash is stored. */
  sessionId: string;
  personId: string;
  expiresAt: Date;
}

export async function startWebSession(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { token: string },
): Promise<StartedWebSession> {
  const refused = new AppError(
    'UNAUTHENTICATED',
    'This sign-in link is not valid any more (links work once, for 15 minutes). Ask Rollcall for a new one.',
  );
  if (!looksLikeSecret(input.token)) throw refused;
  const now = deps.clock.now();
  const used = await deps.db.prisma.webLinkToken.updateManyAndReturn({
    where: { tokenHash: hashSecret(input.token), usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
    select: { personId: true },
  });
  const personId = used[0]?.personId;
  if (!personId) throw refused;
  const sessionId = newSecret();
  const expiresAt = new Date(now.getTime() + WEB_SESSION_TTL_MS);
  await deps.db.prisma.webSession.create({ data: { id: hashSecret(sessionId), personId, expiresAt } });
  return { sessionId, personId, expiresAt };
}
