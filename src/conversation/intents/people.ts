/**
 * Which person does the message name? "my team" and "me" are handled by callers; a name is
 * matched against the directory (reporting line first). Several matches become a question.
 */
import type { Intent, PersonRef } from '../parse/intents.ts';
import { describePeople, findPeople, type PersonMatch } from '../../features/people/index.ts';
import { reply, say } from '../reply/build.ts';
import type { Reply } from '../types.ts';
import type { Resolved, Turn } from './turn.ts';

export type PickedPerson =
  | { kind: 'self' }
  | { kind: 'one'; person: PersonMatch }
  | { kind: 'reply'; reply: Reply };

export async function pickPerson(
  turn: Turn,
  intent: Intent,
  ref: PersonRef | undefined,
  resolved: Resolved,
): Promise<PickedPerson> {
  if (resolved.personId) {
    const [person] = await describePeople(turn.deps, turn.actor, { personIds: [resolved.personId] });
    if (person) return person.id === turn.actor.personId ? { kind: 'self' } : { kind: 'one', person };
  }
  if (!ref || ref.kind === 'self' || !ref.name) return { kind: 'self' };
  const matches = await findPeople(turn.deps, turn.actor, { name: ref.name });
  if (matches.length === 0)
    return {
      kind: 'reply',
      reply: reply(`I couldn't find anyone called "${ref.name}".`, { next: [say('Help', 'help')] }),
    };
  if (matches.length === 1)
    return matches[0]!.id === turn.actor.personId ? { kind: 'self' } : { kind: 'one', person: matches[0]! };
  const shown = matches.slice(0, 6);
  const prompt = `Which ${ref.name} do you mean?`;
  turn.pending = { kind: 'choose_person', intent, personIds: shown.map((p) => p.id), prompt };
  return {
    kind: 'reply',
    reply: reply(`${prompt} (answer with a number or press a choice)`, {
      blocks: [
        {
          type: 'choices',
          prompt,
          actionId: 'choose',
          choices: shown.map((p, i) => ({ label: `${i + 1}. ${p.name} <${p.email}>`, value: String(i + 1) })),
        },
      ],
      next: [{ label: 'Never mind', actionId: 'confirm', value: 'no' }],
      awaitingAnswer: true,
    }),
  };
}
