/**
 * "Remind the overdue ones": a manager (for their reporting line) or an admin (anyone) puts
 * a training reminder in each person's outbox. At most one reminder per sender, person and
 * day (the dedupe key), so pressing the button twice does not nag anyone twice.
 */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { owedBy, type Owed } from '../compliance/owed-by.ts';
import { enqueueNotification } from '../notifications/enqueue-notification.ts';
import { assertCanActFor } from '../people/authorize.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';

export const MAX_REMINDERS_PER_CALL = 200;

export interface SendRemindersInput {
  personIds: string[];
  /**
   * What the reminder is about, e.g. "Data protection (annual) is overdue", per person. When
   * absent it is read from owedBy, the same answer the team view and my learning show.
   */
  reasons?: Record<string, string>;
}

export interface SendRemindersResult {
  kind: 'sent';
  /** People a new reminder was queued for. */
  queued: string[];
  /** People already reminded today by this sender. */
  alreadyReminded: string[];
}

export async function sendReminders(
  deps: Deps,
  actor: Actor,
  input: SendRemindersInput,
): Promise<SendRemindersResult> {
  const personIds = [...new Set(input.personIds)];
  if (personIds.length === 0) throw new AppError('VALIDATION', 'Say who to remind.');
  if (personIds.length > MAX_REMINDERS_PER_CALL)
    throw new AppError('VALIDATION', `Remind at most ${MAX_REMINDERS_PER_CALL} people at once.`);
  const now = deps.clock.now();
  const day = now.toISOString().slice(0, 10);
  // Read before the transaction: owedBy uses the global client (PGlite has one connection).
  const reasons =
    input.reasons ??
    reasonsFrom(await owedBy(deps, actor, { scope: { kind: 'people', personIds }, asOf: now }));
  return inTransaction(deps.db.prisma, async (tx) => {
    const queued: string[] = [];
    const alreadyReminded: string[] = [];
    for (const personId of personIds) {
      await assertCanActFor(tx, actor, personId);
      const dedupeKey = `reminder:${actor.personId}:${personId}:${day}`;
      const existing = await tx.notification.findUnique({ where: { dedupeKey }, select: { id: true } });
      if (existing) {
        alreadyReminded.push(personId);
        continue;
      }
      const reason = reasons[personId];
      await enqueueNotification(tx, {
        kind: 'training.reminder',
        recipientId: personId,
        dueAt: now,
        payload: {
          text: `${actor.name} asked me to remind you about your training${reason ? `: ${reason}` : ''}. Ask me "what's overdue?" to see what to do.`,
          fromPersonId: actor.personId,
        },
        dedupeKey,
      });
      queued.push(personId);
    }
    if (queued.length) {
      await recordAudit(tx, {
        actorId: actorIdOf(actor),
        action: 'reminders.sent',
        entityType: 'Person',
        entityId: actor.personId,
        after: { personIds: queued, day },
      });
    }
    return { kind: 'sent', queued, alreadyReminded };
  });
}

/** "Fire safety is overdue; GDPR is due": the worst of what each person owes, in few words. */
function reasonsFrom(owed: Owed): Record<string, string> {
  const owing = new Map<string, { overdue: string[]; due: string[] }>();
  const add = (personId: string, state: string, name: string) => {
    if (state !== 'overdue' && state !== 'due') return;
    let entry = owing.get(personId);
    if (!entry) owing.set(personId, (entry = { overdue: [], due: [] }));
    if (!entry[state].includes(name)) entry[state].push(name);
  };
  for (const row of owed.requirements) add(row.personId, row.status, row.requirementName);
  for (const course of owed.courses) add(course.personId, course.state, course.courseTitle);
  const reasons: Record<string, string> = {};
  for (const [personId, { overdue, due }] of owing) {
    const parts = [
      ...(overdue.length
        ? [`${overdue.slice(0, 3).join(', ')} ${overdue.length === 1 ? 'is' : 'are'} overdue`]
        : []),
      ...(due.length ? [`${due.slice(0, 3).join(', ')} ${due.length === 1 ? 'is' : 'are'} due`] : []),
    ];
    reasons[personId] = parts.join('; ');
  }
  return reasons;
}
