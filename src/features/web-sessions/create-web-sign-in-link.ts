/**
 * A one-time link that signs a person into the web chat: from the bot, for whoever asks in
 * Slack or Teams (already authenticated there), or from the CLI for an admin. The token is
 * in the URL fragment, which browsers never send to a server or in a Referer, and link
 * previewers do not run the page's script that exchanges it, so a preview cannot use it up.
 */
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { type Actor, isAdmin, isSystem } from '../people/actor.ts';
import { hashSecret, newSecret } from './hash-secret.ts';

export const SIGN_IN_LINK_TTL_MS = 15 * 60_000;

export interface WebSignInLink {
  url: string;
  expiresAt: Date;
}

export async function createWebSignInLink(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  actor: Actor,
  input: { personId: string },
): Promise<WebSignInLink> {
  if (!isSystem(actor) && !isAdmin(actor) && actor.personId !== input.personId) {
    throw new AppError('FORBIDDEN', 'You can only ask for your own sign-in link.');
  }
  const person = await deps.db.prisma.person.findUnique({
    where: { id: input.personId },
    select: { status: true },
  });
  if (!person || person.status !== 'active') {
    throw new AppError('NOT_FOUND', 'No active person with that id.');
  }
  const token = newSecret();
  const expiresAt = new Date(deps.clock.now().getTime() + SIGN_IN_LINK_TTL_MS);
  await deps.db.prisma.webLinkToken.create({
    data: { tokenHash: hashSecret(token), personId: input.personId, expiresAt },
  });
  return { url: `${deps.config.publicUrl}/web/sign-in#${token}`, expiresAt };
}
