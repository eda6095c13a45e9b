/**
 * A purchase order raised against a vendor in one currency; its lines are the cost items
 * linked to it (add-cost-item with purchaseOrderId).
 */
import type { PurchaseOrderStatus } from '../../generated/prisma/enums.ts';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { isUuid } from '../registrations/seat-store.ts';
import { parseCurrency } from './money.ts';

export interface RaisePurchaseOrderInput {
  number: string;
  vendorId: string;
  currency: string;
  description?: string;
}

export async function raisePurchaseOrder(
  deps: Deps,
  actor: Actor,
  input: RaisePurchaseOrderInput,
): Promise<{ kind: 'raised'; purchaseOrderId: string }> {
  assertAdmin(actor, 'raise purchase orders');
  const number = input.number?.trim();
  if (!number) throw new AppError('VALIDATION', 'A purchase order needs a number.');
  const currency = parseCurrency(input.currency);
  try {
    return await inTransaction(deps.db.prisma, async (tx) => {
      const vendor = isUuid(input.vendorId)
        ? await tx.vendor.findUnique({ where: { id: input.vendorId } })
        : null;
      if (!vendor?.active) throw new AppError('NOT_FOUND', 'That vendor does not exist.');
      const po = await tx.purchaseOrder.create({
        data: {
          number,
          vendorId: vendor.id,
          currency,
          description: input.description?.trim() ?? '',
          status: 'raised',
          raisedById: actorIdOf(actor),
          raisedAt: deps.clock.now(),
        },
      });
      await recordAudit(tx, {
        actorId: actorIdOf(actor),
        action: 'purchase_order.raised',
        entityType: 'PurchaseOrder',
        entityId: po.id,
        after: po,
      });
      return { kind: 'raised' as const, purchaseOrderId: po.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `Purchase order ${number} already exists.`);
    throw error;
  }
}

const NEXT: Record<PurchaseOrderStatus, PurchaseOrderStatus[]> = {
  draft: ['raised', 'cancelled'],
  raised: ['approved', 'cancelled'],
  approved: ['received', 'cancelled'],
  received: ['closed'],
  closed: [],
  cancelled: [],
};

export async function setPurchaseOrderStatus(
  deps: Deps,
  actor: Actor,
  input: { purchaseOrderId: string; status: PurchaseOrderStatus },
): Promise<{ kind: 'updated'; status: PurchaseOrderStatus }> {
  assertAdmin(actor, 'update purchase orders');
  return inTransaction(deps.db.prisma, async (tx) => {
    const po = isUuid(input.purchaseOrderId)
      ? await tx.purchaseOrder.findUnique({ where: { id: input.purchaseOrderId } })
      : null;
    if (!po) throw new AppError('NOT_FOUND', 'That purchase order does not exist.');
    if (!NEXT[po.status].includes(input.status)) {
      throw new AppError('INVALID_STATE', `A ${po.status} purchase order cannot become ${input.status}.`);
    }
    const after = await tx.purchaseOrder.update({ where: { id: po.id }, data: { status: input.status } });
    await recordAudit(tx, {
      actorId: actorIdOf(actor),
      action: `purchase_order.${input.status}`,
      entityType: 'PurchaseOrder',
      entityId: po.id,
      before: po,
      after,
    });
    return { kind: 'updated' as const, status: input.status };
  });
}
