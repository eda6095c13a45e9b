/** Every active instructor, by name: the choices when a schedule request names nobody to teach. */
import type { Deps } from '../../deps.ts';
import type { Actor } from './actor.ts';
import { assertAdmin } from './authorize.ts';
import type { PersonMatch } from './find-people.ts';

export async function listInstructors(deps: Deps, actor: Actor): Promise<PersonMatch[]> {
  assertAdmin(actor, 'list instructors');
  const people = await deps.db.prisma.person.findMany({
    where: { status: 'active' },
    select: { id: true, name: true, email: true, roles: true },
    orderBy: { name: 'asc' },
  });
  // Filtered here rather than with `has` on the enum array (see find-people.ts).
  return people
    .filter((p) => p.roles.includes('instructor'))
    .map(({ id, name, email }) => ({ id, name, email }));
}
