import type { DbClient } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { isAdmin, type Actor } from './actor.ts';
import { isInReportingLine } from './reporting-line.ts';

/**
 * May `actor` see or act on `personId`'s record? Themself, an admin, or anyone above them
 * in the reporting line. Throws FORBIDDEN without saying whether the person exists.
 */
export async function assertCanActFor(db: DbClient, actor: Actor, personId: string): Promise<void> {
  if (actor.personId === personId || isAdmin(actor)) return;
  if (actor.isManager && (await isInReportingLine(db, actor.personId, personId))) return;
  throw new AppError('FORBIDDEN', 'You can only do that for yourself or for people in your reporting line.');
}

export function assertAdmin(actor: Actor, what = 'do that'): void {
  if (!isAdmin(actor)) throw new AppError('FORBIDDEN', `Only an admin can ${what}.`);
}
