/**
 * The fields Rollcall relies on in an incoming activity, checked before authentication or
 * any work: without a serviceUrl there is nowhere to reply, without from.id nobody to act
 * for. botbuilder's own validateAndFixActivity is then a formality.
 */
import { z } from 'zod';

const ZAccount = z.looseObject({
  id: z.string().min(1),
  aadObjectId: z.string().optional(),
  name: z.string().optional(),
});

export const ZActivity = z.looseObject({
  type: z.string().min(1),
  id: z.string().optional(),
  channelId: z.string().min(1),
  serviceUrl: z.url(),
  from: ZAccount,
  recipient: ZAccount,
  conversation: z.looseObject({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
    isGroup: z.boolean().optional(),
  }),
  text: z.string().optional(),
  value: z.unknown().optional(),
  name: z.string().optional(),
  channelData: z.looseObject({}).optional(),
});

export type IncomingActivity = z.infer<typeof ZActivity>;

export function parseActivity(
  body: unknown,
): { ok: true; activity: IncomingActivity } | { ok: false; reason: string } {
  const parsed = ZActivity.safeParse(body);
  if (parsed.success) return { ok: true, activity: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, reason: `${issue.path.join('.') || 'body'}: ${issue.message}` };
}
