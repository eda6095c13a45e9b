/**
 * The nightly job's work: stored statuses move with time alone (compliant → expiring at 60
 * days, expiring → due at expiry, due → overdue after grace, a joiner's start date), so rows
 * past their nextChangeAt are rewritten in short transactions of `batch` people each, at
 * most `maxBatches` per run; the rest wait for the next run. Idempotent: a second run finds
 * nothing. On the first run after the migration (no rows yet) it fills the table.
 */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import {
  complianceStatusIsEmpty,
  refreshComplianceStatus,
  sweepComplianceStatus,
} from './refresh-compliance-status.ts';

export interface SweepResult {
  filled: number;
  people: number;
  batches: number;
}

export async function sweepComplianceStatuses(
  deps: Deps,
  options: { batch?: number; maxBatches?: number } = {},
): Promise<SweepResult> {
  const batch = options.batch ?? 500;
  const maxBatches = options.maxBatches ?? 200;
  const now = deps.clock.now();
  let filled = 0;
  if (await complianceStatusIsEmpty(deps.db.prisma))
    filled = await inTransaction(deps.db.prisma, (tx) =>
      refreshComplianceStatus(tx, now, { kind: 'everyone' }),
    );
  let people = 0;
  let batches = 0;
  while (batches < maxBatches) {
    const swept = await inTransaction(deps.db.prisma, (tx) => sweepComplianceStatus(tx, now, batch));
    if (swept === 0) break;
    people += swept;
    batches += 1;
  }
  return { filled, people, batches };
}
