/**
 * Workspaces that uninstalled the app or revoked its token, kept in the database: every
 * replica stops sending there, and a restart does not start again.
 */
import type { Deps } from '../../src/deps.ts';

export type RevokedReason = 'app_uninstalled' | 'tokens_revoked';

export async function markWorkspaceRevoked(
  deps: Pick<Deps, 'db'>,
  teamId: string,
  reason: RevokedReason,
): Promise<void> {
  const revoked = { revokedAt: new Date(), revokedReason: reason };
  await deps.db.prisma.slackWorkspace.upsert({
    where: { teamId },
    create: { teamId, ...revoked },
    update: revoked,
  });
}

export async function isWorkspaceRevoked(deps: Pick<Deps, 'db'>, teamId: string): Promise<boolean> {
  const row = await deps.db.prisma.slackWorkspace.findUnique({
    where: { teamId },
    select: { revokedAt: true },
  });
  return row?.revokedAt != null;
}
