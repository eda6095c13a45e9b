/**
 * What Rollcall asks Slack about a user (users.info with include_locale): the e-mail that
 * links them to a person on first contact, and their locale for dates and numbers. One call
 * serves both, and its answer is kept for an hour: a locale rarely changes, and this is a
 * cache (any replica rebuilds it), not state. A failed look-up leaves the locale unknown,
 * so the answer is in the default locale rather than the turn failing.
 */
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../src/shared/logger.ts';
import { supportedLocale } from '../shared/locale.ts';

const TTL_MS = 60 * 60 * 1000;
const MAX_ENTRIES = 5000;

interface SlackUserInfo {
  email?: string;
  locale?: string;
}

export interface SlackUsers {
  /** users.info, cached; throws when Slack cannot answer. */
  info(teamId: string, userId: string): Promise<SlackUserInfo>;
  /** The user's locale, or undefined when unknown or the look-up failed. */
  localeOf(teamId: string, userId: string): Promise<string | undefined>;
}

export function slackUsers(web: WebClient, log: Logger, now: () => number = Date.now): SlackUsers {
  const cache = new Map<string, { info: SlackUserInfo; until: number }>();
  async function info(teamId: string, userId: string): Promise<SlackUserInfo> {
    const key = `${teamId}:${userId}`;
    const hit = cache.get(key);
    if (hit && hit.until > now()) return hit.info;
    const answer = await web.users.info({ user: userId, include_locale: true });
    const found: SlackUserInfo = {
      email: answer.user?.profile?.email ?? undefined,
      locale: supportedLocale(answer.user?.locale),
    };
    // A Map iterates oldest first: drop the oldest entry when full.
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, { info: found, until: now() + TTL_MS });
    return found;
  }
  return {
    info,
    async localeOf(teamId, userId) {
      try {
        return (await info(teamId, userId)).locale;
      } catch (error) {
        log.warn({ err: error, teamId, userId }, 'slack locale look-up failed');
        return undefined;
      }
    },
  };
}
