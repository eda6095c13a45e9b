/** Mounts the web chat on the service's Hono app when it is enabled (demo mode or WEB_CHAT_TOKEN). */
import type { Hono } from 'hono';
import type { Deps } from '../../src/deps.ts';
import type { ConversationHandler } from '../../src/conversation/types.ts';
import { webChatEnabled, webChatRoutes } from './web-chat-routes.ts';

export function mountWebChat(app: Hono, deps: Deps, handler: ConversationHandler): boolean {
  if (!webChatEnabled(deps)) return false;
  app.route('/', webChatRoutes(deps, handler));
  return true;
}
