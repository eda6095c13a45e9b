/**
 * Teams teams and group chats the app is installed in, with the address to reach them:
 * the service URL of the verified activity that installed it, the conversation, the
 * tenant and the scope. Kept in the database (TeamsConversation) so every replica knows
 * them; removed when the app is uninstalled there.
 */
import type { Deps } from '../../src/deps.ts';

export type InstallScope = 'team' | 'groupChat';

export interface InstalledConversation {
  conversationId: string;
  tenantId: string;
  serviceUrl: string;
  scope: InstallScope;
  reference: Record<string, unknown>;
}

/**
 * Stores the address; true only the first time (so the caller greets once however often
 * Teams repeats the install events). A repeat refreshes the service URL and reference.
 */
export async function recordInstall(
  deps: Pick<Deps, 'db'>,
  install: InstalledConversation,
): Promise<boolean> {
  const data = { ...install, reference: install.reference as object };
  const created = await deps.db.prisma.teamsConversation.createMany({ data: [data], skipDuplicates: true });
  if (created.count === 1) return true;
  await deps.db.prisma.teamsConversation.update({
    where: { conversationId: install.conversationId },
    data: { serviceUrl: install.serviceUrl, reference: data.reference, tenantId: install.tenantId },
  });
  return false;
}

export async function recordUninstall(deps: Pick<Deps, 'db'>, conversationId: string): Promise<void> {
  await deps.db.prisma.teamsConversation.deleteMany({ where: { conversationId } });
}
