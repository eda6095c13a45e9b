/** Who may see a roster and mark attendance: an admin, or an instructor of that session (that day). */
import type { DbClient } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { isAdmin, type Actor } from '../people/actor.ts';

export async function assertTeachesSession(
  db: DbClient,
  actor: Actor,
  sessionId: string,
  sessionDayId?: string,
): Promise<void> {
  if (isAdmin(actor)) return;
  const row = await db.sessionInstructor.findFirst({
    where: {
      sessionId,
      personId: actor.personId,
      ...(sessionDayId ? { OR: [{ sessionDayId: null }, { sessionDayId }] } : {}),
    },
    select: { id: true },
  });
  if (!row) throw new AppError('FORBIDDEN', 'Only the session’s instructors or an admin can do that.');
}
