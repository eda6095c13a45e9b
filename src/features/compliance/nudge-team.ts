/**
 * "Remind them": a manager (or admin) nudges everyone in their line who is overdue, due or
 * expiring on a requirement. One message per person listing what they need, queued in the
 * outbox; at most one nudge per person per day (the dedupe key carries the date), so a
 * second "remind them" the same day sends nothing new and says so.
 */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { enqueueNotification } from '../notifications/enqueue-notification.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';
import { complianceStatus, type ComplianceScope, type ComplianceStatusValue } from './compliance-status.ts';

export interface NudgeTeamResult {
  kind: 'nudged' | 'nobody_to_nudge';
  /** People a reminder was queued for now. */
  nudged: { personId: string; personName: string; items: number }[];
  /** People already reminded today. */
  alreadyNudgedToday: number;
}

export async function nudgeTeam(
  deps: Deps,
  actor: Actor,
  input: { scope?: ComplianceScope; statuses?: ComplianceStatusValue[]; requirementCodes?: string[] },
): Promise<NudgeTeamResult> {
  const scope = input.scope ?? { kind: 'manager_line', managerId: actor.personId };
  const statuses = input.statuses ?? ['overdue', 'due', 'expiring'];
  // Authorization is complianceStatus's: a manager only for their own line.
  const { rows } = await complianceStatus(deps, actor, {
    scope,
    statuses,
    requirementCodes: input.requirementCodes,
  });
  const byPerson = new Map<string, typeof rows>();
  for (const row of rows) byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row]);
  if (byPerson.size === 0) return { kind: 'nobody_to_nudge', nudged: [], alreadyNudgedToday: 0 };

  const now = deps.clock.now();
  const day = now.toISOString().slice(0, 10);
  const result: NudgeTeamResult = { kind: 'nudged', nudged: [], alreadyNudgedToday: 0 };
  await inTransaction(deps.db.prisma, async (tx) => {
    const keys = [...byPerson.keys()].map((id) => `compliance-nudge:${id}:${day}`);
    const sent = new Set(
      (
        await tx.notification.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true } })
      ).map((n) => n.dedupeKey),
    );
    for (const [personId, items] of byPerson) {
      const dedupeKey = `compliance-nudge:${personId}:${day}`;
      if (sent.has(dedupeKey)) {
        result.alreadyNudgedToday += 1;
        continue;
      }
      await enqueueNotification(tx, {
        kind: 'compliance.reminder',
        recipientId: personId,
        dueAt: now,
        dedupeKey,
        payload: {
          from: actor.name,
          items: items.map((r) => ({
            requirement: r.requirementName,
            status: r.status,
            dueAt: r.dueAt?.toISOString() ?? null,
            expiresAt: r.expiresAt?.toISOString() ?? null,
            courses: r.evidence
              .filter(
                (e) =>
                  !e.completionId ||
                  (e.expiresAt && e.expiresAt <= new Date(now.getTime() + 60 * 86_400_000)),
              )
              .map((e) => ({ code: e.courseCode, title: e.courseTitle })),
          })),
        },
      });
      result.nudged.push({ personId, personName: items[0]!.personName, items: items.length });
    }
    if (result.nudged.length > 0) {
      await recordAudit(tx, {
        actorId: actorIdOf(actor),
        action: 'compliance.nudged',
        entityType: 'Person',
        entityId: actor.personId,
        after: { scope, people: result.nudged.map((n) => n.personId) },
      });
    }
  });
  return result;
}
