/**
 * Mounts the web chat on the service's Hono app. It is always there and closed by default:
 * outside demo mode nobody chats without a session from a one-time sign-in link.
 */
import type { Hono } from 'hono';
import type { Deps } from '../../src/deps.ts';
import type { ConversationHandler } from '../../src/conversation/types.ts';
import { webChatRoutes } from './web-chat-routes.ts';
import { webInboxSender } from './web-inbox-sender.ts';
import type { NotificationSender } from '../../src/features/notifications/index.ts';

/** Mounts the routes; returns the inbox's sender, which the outbox tries after Slack and Teams. */
export function mountWebChat(app: Hono, deps: Deps, handler: ConversationHandler): NotificationSender {
  app.route('/', webChatRoutes(deps, handler));
  return webInboxSender(deps);
}
