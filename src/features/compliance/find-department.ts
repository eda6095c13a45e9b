/** "Compliance report for Operations": a department by name, forgiving case and spacing. */
import type { Deps } from '../../deps.ts';
import type { Actor } from '../people/actor.ts';
import { AppError } from '../../shared/app-error.ts';

export async function findDepartment(
  deps: Deps,
  _actor: Actor,
  input: { name: string },
): Promise<{ id: string; name: string }> {
  const { name } = input;
  const wanted = name.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!wanted) throw new AppError('VALIDATION', 'Which department?');
  // People type "and" where the name has "&" ("Sales and Marketing"); both spellings count.
  const spellings = [...new Set([wanted, wanted.replace(/\band\b/g, '&')])];
  const all = await deps.db.prisma.department.findMany({
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
  const exact = all.find((d) => spellings.includes(d.name.toLowerCase()));
  if (exact) return exact;
  const partial = all.filter((d) =>
    spellings.some((w) => d.name.toLowerCase().includes(w) || w.includes(d.name.toLowerCase())),
  );
  if (partial.length === 1) return partial[0]!;
  if (partial.length > 1)
    throw new AppError('VALIDATION', `Which one: ${partial.map((d) => d.name).join(', ')}?`);
  throw new AppError(
    'NOT_FOUND',
    `There is no department called ${name.trim()}. Departments: ${all.map((d) => d.name).join(', ')}.`,
  );
}
