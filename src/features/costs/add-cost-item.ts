/**
 * "Add a venue cost of £400 to that session": a cost item on a session or a programme,
 * as a decimal amount with its ISO 4217 currency, optionally from a vendor and on a
 * purchase order (whose vendor and currency it must match).
 */
import type { CostCategory } from '../../generated/prisma/enums.ts';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { isUuid } from '../registrations/seat-store.ts';
import { parseAmount, parseCurrency } from './money.ts';
import { parseLocalDate } from '../sessions/local-dates.ts';

export const COST_CATEGORIES: CostCategory[] = [
  'venue',
  'facilitator',
  'travel',
  'materials',
  'catering',
  'other',
];

export interface AddCostItemInput {
  /** Exactly one of sessionId and programmeId. */
  sessionId?: string;
  programmeId?: string;
  category: CostCategory;
  /** Decimal text, e.g. "400" or "1250.50"; never a float. */
  amount: string;
  currency: string;
  description?: string;
  vendorId?: string;
  purchaseOrderId?: string;
  /** YYYY-MM-DD; defaults to the session's date, or today for a programme. */
  incurredOn?: string;
}

export interface AddCostItemResult {
  kind: 'added';
  costItemId: string;
  amount: string;
  currency: string;
}

export async function addCostItem(
  deps: Deps,
  actor: Actor,
  input: AddCostItemInput,
): Promise<AddCostItemResult> {
  assertAdmin(actor, 'record costs');
  if (Boolean(input.sessionId) === Boolean(input.programmeId)) {
    throw new AppError('VALIDATION', 'A cost belongs to exactly one session or one programme.');
  }
  if (!COST_CATEGORIES.includes(input.category)) {
    throw new AppError('VALIDATION', `Cost category must be one of ${COST_CATEGORIES.join(', ')}.`);
  }
  const amount = parseAmount(input.amount);
  const currency = parseCurrency(input.currency);
  return inTransaction(deps.db.prisma, async (tx) => {
    let incurredOn: Date;
    if (input.sessionId) {
      const session = isUuid(input.sessionId)
        ? await tx.session.findUnique({ where: { id: input.sessionId }, select: { startsAt: true } })
        : null;
      if (!session) throw new AppError('NOT_FOUND', 'That session does not exist.');
      incurredOn = session.startsAt;
    } else {
      const programme = isUuid(input.programmeId!)
        ? await tx.programme.findUnique({ where: { id: input.programmeId! }, select: { id: true } })
        : null;
      if (!programme) throw new AppError('NOT_FOUND', 'That programme does not exist.');
      incurredOn = deps.clock.now();
    }
    if (input.incurredOn) {
      const d = parseLocalDate(input.incurredOn);
      incurredOn = new Date(Date.UTC(d.year, d.month - 1, d.day));
    }
    let vendorId = input.vendorId ?? null;
    if (vendorId) {
      const vendor = isUuid(vendorId)
        ? await tx.vendor.findUnique({ where: { id: vendorId }, select: { id: true } })
        : null;
      if (!vendor) throw new AppError('NOT_FOUND', 'That vendor does not exist.');
    }
    if (input.purchaseOrderId) {
      const po = isUuid(input.purchaseOrderId)
        ? await tx.purchaseOrder.findUnique({ where: { id: input.purchaseOrderId } })
        : null;
      if (!po) throw new AppError('NOT_FOUND', 'That purchase order does not exist.');
      if (po.status === 'cancelled' || po.status === 'closed')
        throw new AppError('INVALID_STATE', `Purchase order ${po.number} is ${po.status}.`);
      if (po.currency !== currency)
        throw new AppError(
          'VALIDATION',
          `Purchase order ${po.number} is in ${po.currency}, not ${currency}.`,
        );
      if (vendorId && vendorId !== po.vendorId)
        throw new AppError('VALIDATION', `Purchase order ${po.number} is with another vendor.`);
      vendorId = po.vendorId;
    }
    const item = await tx.costItem.create({
      data: {
        sessionId: input.sessionId ?? null,
        programmeId: input.programmeId ?? null,
        category: input.category,
        description: input.description?.trim() ?? '',
        amount,
        currency,
        vendorId,
        purchaseOrderId: input.purchaseOrderId ?? null,
        incurredOn,
        createdById: actorIdOf(actor),
      },
    });
    await recordAudit(tx, {
      actorId: actorIdOf(actor),
      action: 'cost_item.added',
      entityType: 'CostItem',
      entityId: item.id,
      after: item,
    });
    return { kind: 'added', costItemId: item.id, amount: amount.toFixed(2), currency };
  });
}
