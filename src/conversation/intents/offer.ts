/**
 * The buttons on a "a seat freed up" notification: take the offered seat or pass it on.
 * acceptOffer and declineOffer check the offer is the person's and still open.
 */
import { acceptOffer, declineOffer } from '../../features/registrations/index.ts';
import { formatRange } from '../../shared/time.ts';
import { reply, say } from '../reply/build.ts';
import type { Reply } from '../types.ts';
import { sessionById } from './lookups.ts';
import type { Turn } from './turn.ts';

export async function answerOffer(turn: Turn, registrationId: string, accept: boolean): Promise<Reply> {
  const result = accept
    ? await acceptOffer(turn.deps, turn.actor, { registrationId })
    : await declineOffer(turn.deps, turn.actor, { registrationId });
  const session = await sessionById(turn, result.sessionId);
  const what = session
    ? `${session.courseTitle}, ${formatRange(session.startsAt, session.endsAt, turn.actor.timeZone, turn.locale)}`
    : 'that session';
  const next = [say('My bookings', 'what am I booked on?')];
  if (result.kind === 'declined_offer')
    return reply(`No problem: the seat on ${what} goes to the next person waiting.`, { next });
  if (result.kind === 'pending_approval')
    return reply(`The seat on ${what} is held for you; it needs your manager's approval.`, { next });
  turn.context.lastRegistrationId = result.registrationId;
  return reply(`You're booked on ${what}.`, { next });
}
