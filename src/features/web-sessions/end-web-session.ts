import type { Deps } from '../../deps.ts';
import { hashSecret, looksLikeSecret } from './hash-secret.ts';

/** Signs a browser out: the session stops working on every replica at once. */
export async function endWebSession(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { sessionId: string },
): Promise<void> {
  if (!looksLikeSecret(input.sessionId)) return;
  await deps.db.prisma.webSession.updateMany({
    where: { id: hashSecret(input.sessionId), revokedAt: null },
    data: { revokedAt: deps.clock.now() },
  });
}
