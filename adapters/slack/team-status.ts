/**
 * The Home tab's "Your team" part for managers: how many in their reporting line are
 * overdue, due or expiring, from the compliance report (counts only), with a button that
 * asks the core for the full team answer. Nothing for people without reports.
 */
import type { Deps } from '../../src/deps.ts';
import type { Reply } from '../../src/conversation/types.ts';
import {
  EXPIRING_WITHIN_DAYS,
  complianceReport,
  teamComplianceScope,
  type RequirementSummary,
} from '../../src/features/compliance/index.ts';
import { loadActor } from '../../src/features/people/actor.ts';
import { formatNumber } from '../../src/shared/time.ts';

/** Requirements listed by name; the rest are in the full answer behind the button. */
const LISTED = 5;

export async function teamStatus(deps: Deps, personId: string, locale?: string): Promise<Reply | undefined> {
  const actor = await loadActor(deps.db.prisma, personId);
  if (!actor.isManager) return undefined;
  const report = await complianceReport(deps, actor, {
    scope: teamComplianceScope(actor),
    detail: 'summary',
  });
  const n = (value: number) => formatNumber(value, locale);
  const { overdue, due, expiring, total } = report.totals;
  const outstanding = report.summary
    .filter((r) => r.overdue + r.due + r.expiring > 0)
    .sort((a, b) => b.overdue - a.overdue || b.due - a.due || b.expiring - a.expiring);
  const text =
    overdue + due + expiring === 0
      ? 'Everyone in your team is up to date.'
      : `Your team: ${n(overdue)} overdue, ${n(due)} due, ${n(expiring)} expiring within ${EXPIRING_WITHIN_DAYS} days.`;
  return {
    text,
    blocks: [
      {
        type: 'fields',
        fields: [
          { label: 'Overdue', value: n(overdue) },
          { label: 'Due', value: n(due) },
          { label: `Expiring (${EXPIRING_WITHIN_DAYS} days)`, value: n(expiring) },
          { label: 'Requirements checked', value: n(total) },
        ],
      },
      ...(outstanding.length
        ? [
            {
              type: 'section' as const,
              text: outstanding
                .slice(0, LISTED)
                .map((r) => line(r, n))
                .join('\n'),
            },
          ]
        : []),
      {
        type: 'buttons',
        buttons: [
          { label: 'Team compliance', actionId: 'say', value: 'how is my team doing on compliance?' },
        ],
      },
    ],
  };
}

function line(r: RequirementSummary, n: (value: number) => string): string {
  const parts = [
    r.overdue ? `${n(r.overdue)} overdue` : '',
    r.due ? `${n(r.due)} due` : '',
    r.expiring ? `${n(r.expiring)} expiring` : '',
  ].filter(Boolean);
  return `• ${r.requirementName}: ${parts.join(', ')}`;
}
