/**
 * Teams when it is not configured (no MICROSOFT_APP_ID, no Emulator): every activity is
 * refused, as HonoCloudAdapter does in `closed` mode. Kept apart from mount-teams so such a
 * service never loads botbuilder (tens of MB, over a second at start). Download links
 * already handed out keep working until they expire.
 */
import type { Hono } from 'hono';
import type { Deps } from '../../src/deps.ts';
import { KB, limitBody } from '../../src/http/body-limit.ts';
import type { NotificationSender } from '../shared/proactive.ts';
import { mountFileDownloads } from './download-route.ts';
import { FileDelivery } from './file-delivery.ts';

export function refuseUnconfiguredTeams(
  app: Hono,
  deps: Deps,
): {
  mode: 'closed';
  authenticated: false;
  sender: NotificationSender;
  stop: () => Promise<void>;
} {
  app.post('/api/messages', limitBody(256 * KB), (c) =>
    c.json(
      {
        error: {
          code: 'UNAUTHENTICATED',
          message:
            'Teams is not configured on this service (MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are unset).',
        },
      },
      401,
    ),
  );
  mountFileDownloads(app, new FileDelivery(deps));
  return {
    mode: 'closed',
    authenticated: false,
    sender: { send: async () => ({ kind: 'no_channel' }) },
    stop: async () => {},
  };
}
