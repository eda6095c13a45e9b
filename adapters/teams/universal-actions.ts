/**
 * Teams Universal Actions for cards whose meaning changes after they are sent: a waitlist
 * offer (accepted, declined or lapsed) and a manager's approval request (approved, declined
 * elsewhere). Such a card carries `refresh` with the people it was sent to, so when one of
 * them opens the chat Teams asks Rollcall (an `adaptiveCard/action` invoke, verb `refresh`)
 * and shows the card as it stands now, not as it was sent; its buttons are Action.Execute,
 * answered with the updated card in the invoke response. Other cards keep Action.Submit.
 */
import type { Deps } from '../../src/deps.ts';
import type { Reply, ReplyButton } from '../../src/conversation/types.ts';
import { loadActor } from '../../src/features/people/actor.ts';
import { getRegistration } from '../../src/features/registrations/index.ts';
import { AppError } from '../../src/shared/app-error.ts';

export const REFRESH_VERB = 'refresh';

type StatefulKind = 'offer' | 'approval';

const STATEFUL: Partial<Record<string, StatefulKind>> = {
  accept_offer: 'offer',
  decline_offer: 'offer',
  approve_request: 'approval',
  decline_request: 'approval',
};

/** What a refresh needs to rebuild the card: which registration, and the card as sent. */
export interface RefreshData {
  rollcallRefresh: StatefulKind;
  value: string;
  text: string;
  buttons: ReplyButton[];
}

/** The refresh data for a reply whose buttons act on a registration's state; else undefined. */
export function refreshDataOf(reply: Reply): RefreshData | undefined {
  for (const block of reply.blocks) {
    if (block.type !== 'buttons') continue;
    const stateful = block.buttons.find((b) => STATEFUL[b.actionId]);
    if (!stateful) continue;
    return {
      rollcallRefresh: STATEFUL[stateful.actionId]!,
      value: stateful.value,
      text: reply.text,
      buttons: block.buttons,
    };
  }
  return undefined;
}

export function readRefreshData(data: unknown): RefreshData | undefined {
  const d = data as Partial<RefreshData> | undefined;
  if (!d || (d.rollcallRefresh !== 'offer' && d.rollcallRefresh !== 'approval')) return undefined;
  if (typeof d.value !== 'string' || typeof d.text !== 'string' || !Array.isArray(d.buttons))
    return undefined;
  return d as RefreshData;
}

/**
 * The card as it stands for this person now. Someone who may not see the registration gets
 * a card without buttons saying so; a state the card no longer offers a choice for is shown
 * in words, buttons gone.
 */
export async function currentStateReply(
  deps: Deps,
  personId: string | undefined,
  data: RefreshData,
): Promise<Reply> {
  const plain = (text: string): Reply => ({ text, blocks: [{ type: 'section', text }] });
  if (!personId) return plain('This card is for someone else.');
  let status: string;
  let personName: string;
  try {
    const actor = await loadActor(deps.db.prisma, personId);
    ({ status, personName } = await getRegistration(deps, actor, { registrationId: data.value }));
  } catch (error) {
    if (error instanceof AppError) return plain('This card is for someone else.');
    throw error;
  }
  const original: Reply = {
    text: data.text,
    blocks: [
      { type: 'section', text: data.text },
      { type: 'buttons', buttons: data.buttons },
    ],
  };
  if (data.rollcallRefresh === 'offer') {
    switch (status) {
      case 'offered':
        return original;
      case 'confirmed':
      case 'attended':
      case 'partial':
        return plain(`*Booked.* ${data.text}`);
      case 'pending_approval':
        return plain("*Seat held*, waiting for your manager's approval.");
      case 'declined':
        return plain('*Declined.* The seat went to the next person waiting.');
      default:
        return plain('*This offer has lapsed.* Ask me about the session to join the waitlist again.');
    }
  }
  switch (status) {
    case 'pending_approval':
      return original;
    case 'confirmed':
    case 'attended':
    case 'partial':
      return plain(`*Approved:* ${personName} is booked.`);
    case 'declined':
      return plain(`*Declined:* ${personName}'s request.`);
    default:
      return plain(`${personName}'s request is no longer waiting for a decision.`);
  }
}
