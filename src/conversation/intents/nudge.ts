/**
 * "Remind them", "remind the overdue ones", "nudge Sam": reminders go to other people, so the
 * assistant says who will get one and asks before sending. The use case checks the sender
 * may act for each of them.
 */
import { describePeople } from '../../features/people/index.ts';
import { sendReminders } from '../../features/reminders/index.ts';
import { confirmButtons, reply, say } from '../reply/build.ts';
import { pickPerson } from './people.ts';
import type { IntentHandler } from './turn.ts';

export const handleNudge: IntentHandler<'nudge'> = async (turn, intent, resolved) => {
  let personIds: string[] = Array.isArray(resolved.personIds) ? (resolved.personIds as string[]) : [];
  if (personIds.length === 0) {
    const audience = intent.slots.audience;
    const last = turn.context.lastPeople;
    if (audience === 'person' || intent.slots.person?.kind === 'name') {
      const picked = await pickPerson(turn, intent, intent.slots.person, resolved);
      if (picked.kind === 'reply') return picked.reply;
      if (picked.kind === 'one') personIds = [picked.person.id];
    } else if (last) {
      personIds =
        audience === 'overdue'
          ? last.overdue
          : audience === 'expiring'
            ? last.expiring
            : audience === 'team' || !last.shown
              ? [...new Set([...last.overdue, ...last.expiring])]
              : last[last.shown];
    }
  }
  if (personIds.length === 0) {
    const hint = turn.context.lastPeople
      ? 'Nobody in that group needs a reminder right now.'
      : 'Who should I remind? Ask "how is my team doing on compliance?" first, then "remind the overdue ones" — or name someone.';
    return reply(hint, { next: [say('Team compliance', 'how is my team doing on compliance?')] });
  }
  const people = await describePeople(turn.deps, turn.actor, { personIds });
  const names = people.map((p) => p.name);
  const list =
    names.length > 6 ? `${names.slice(0, 6).join(', ')} and ${names.length - 6} more` : names.join(', ');
  if (!resolved.confirmed) {
    turn.pending = { kind: 'confirm', intent, resolved: { personIds }, prompt: 'send reminders' };
    return reply(
      `I'll send a training reminder to ${people.length} ${people.length === 1 ? 'person' : 'people'}: ${list}. Send it?`,
      { next: confirmButtons('Yes, send'), awaitingAnswer: true },
    );
  }
  const result = await sendReminders(turn.deps, turn.actor, { personIds });
  const already = result.alreadyReminded.length
    ? ` ${result.alreadyReminded.length} already had a reminder from you today, so I skipped them.`
    : '';
  return reply(
    `Done: ${result.queued.length} reminder${result.queued.length === 1 ? '' : 's'} on the way.${already}`,
    { next: [say('Team compliance', 'how is my team doing on compliance?'), say('Help', 'help')] },
  );
};
