/** Teams activities in the Bot Framework wire format. */
export const TENANT_ID = 'tenant-acme';
export const BOT = { id: '28:rollcall-bot', name: 'Rollcall' };

export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
}

export const PRIYA: TeamsUser = { id: '29:priya', aadObjectId: 'aad-priya', name: 'Priya Shah' };
export const SAM: TeamsUser = { id: '29:sam', aadObjectId: 'aad-sam', name: 'Sam Brooks' };
export const STRANGER: TeamsUser = { id: '29:stranger', aadObjectId: 'aad-stranger', name: 'Stranger' };

let seq = 0;

export function personalActivity(
  serviceUrl: string,
  user: TeamsUser,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  return {
    type: 'message',
    id: `act-${++seq}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { ...user },
    recipient: BOT,
    conversation: { id: `a:personal-${user.aadObjectId}`, conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    locale: 'en-GB',
    ...fields,
  };
}

export function executeInvoke(
  serviceUrl: string,
  user: TeamsUser,
  verb: string,
  data: Record<string, unknown>,
): Record<string, unknown> {
  return personalActivity(serviceUrl, user, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
}

/**
 * Message turns run after the ack (adapters/shared/turn-queue.ts). A test file that mounts
 * Teams registers the mount's `idle` here, so postActivity returns once the turn's replies
 * have reached the fake connector, as a person would see them.
 */
const settlers: (() => Promise<void>)[] = [];
export function settleTurnsWith(idle: () => Promise<void>): void {
  settlers.push(idle);
}

export async function postActivity(baseUrl: string, activity: unknown, token?: string): Promise<Response> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
  for (const idle of settlers) await idle();
  return response;
}
