/** "cost per learner for the Leadership programme": a programme by its code or a title phrase. */
import type { Deps } from '../../deps.ts';
import type { Actor } from '../people/actor.ts';

export async function findProgramme(
  deps: Deps,
  _actor: Actor,
  input: { text: string },
): Promise<{ id: string; title: string } | undefined> {
  const text = input.text.trim();
  if (!text) return undefined;
  const programme = await deps.db.prisma.programme.findFirst({
    where: {
      OR: [
        { title: { contains: text, mode: 'insensitive' } },
        { code: { equals: text, mode: 'insensitive' } },
      ],
    },
    select: { id: true, title: true },
  });
  return programme ?? undefined;
}
