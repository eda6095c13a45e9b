/**
 * The sentences TMS notifications carry (`payload.text`), with times shown in each
 * recipient's own zone, and the buttons that answer them. The outbox renders the text as
 * is; the conversation layer handles the action ids (approve_request, decline_request,
 * accept_offer, decline_offer, with the registration id as value).
 */
import type { DbClient } from '../../db/transaction.ts';
import type { ReplyButton } from '../../shared/reply.ts';
import { formatRange } from '../../shared/time.ts';

export interface SessionTimes {
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
}

/** Each person's display zone (the session's zone when unknown). */
export async function zonesOf(db: DbClient, personIds: string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db.person.findMany({
    where: { id: { in: [...new Set(personIds)] } },
    select: { id: true, timeZone: true },
  });
  return new Map(rows.map((r) => [r.id, r.timeZone]));
}

export function when(session: SessionTimes, zone: string | undefined): string {
  return formatRange(session.startsAt, session.endsAt, zone ?? session.timeZone);
}

export function instant(at: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(at);
}

export const offerButtons = (registrationId: string): ReplyButton[] => [
  { label: 'Accept the seat', actionId: 'accept_offer', value: registrationId, style: 'primary' },
  { label: 'No thanks', actionId: 'decline_offer', value: registrationId },
];

export const approvalButtons = (registrationId: string, firstName: string): ReplyButton[] => [
  { label: `Approve ${firstName}`, actionId: 'approve_request', value: registrationId, style: 'primary' },
  { label: `Decline ${firstName}`, actionId: 'decline_request', value: registrationId },
];
