/** Admins page through vendors, purchase orders and cost items. Money stays decimal text. */
import type { Deps } from '../../deps.ts';
import type { CostCategory, PurchaseOrderStatus } from '../../generated/prisma/enums.ts';
import { AppError } from '../../shared/app-error.ts';
import { pageOf, type Page, type PageInput } from '../../shared/page.ts';
import type { Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { isUuid } from '../registrations/seat-store.ts';

export interface VendorRecord {
  id: string;
  name: string;
  email: string | null;
  taxId: string | null;
  active: boolean;
  createdAt: Date;
}

export async function listVendors(
  deps: Deps,
  actor: Actor,
  input: PageInput & { active?: boolean; q?: string },
): Promise<Page<VendorRecord>> {
  assertAdmin(actor, 'see vendors');
  const rows = await deps.db.prisma.vendor.findMany({
    where: {
      ...(input.after ? { id: { gt: input.after } } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(input.q ? { name: { contains: input.q, mode: 'insensitive' } } : {}),
    },
    orderBy: { id: 'asc' },
    take: input.limit + 1,
    select: { id: true, name: true, email: true, taxId: true, active: true, createdAt: true },
  });
  return pageOf(rows, input.limit, (v) => v.id);
}

export interface PurchaseOrderRecord {
  id: string;
  number: string;
  vendorId: string;
  vendorName: string;
  status: PurchaseOrderStatus;
  currency: string;
  description: string;
  raisedAt: Date | null;
  createdAt: Date;
  /** Sum of the cost items booked against it, decimal text in `currency`. */
  committed: string;
}

export async function listPurchaseOrders(
  deps: Deps,
  actor: Actor,
  input: PageInput & { vendorId?: string; status?: PurchaseOrderStatus; purchaseOrderId?: string },
): Promise<Page<PurchaseOrderRecord>> {
  assertAdmin(actor, 'see purchase orders');
  for (const id of [input.vendorId, input.purchaseOrderId])
    if (id !== undefined && !isUuid(id)) return { items: [], nextAfter: null };
  const rows = await deps.db.prisma.purchaseOrder.findMany({
    where: {
      ...(input.after ? { id: { gt: input.after } } : {}),
      ...(input.purchaseOrderId ? { id: input.purchaseOrderId } : {}),
      ...(input.vendorId ? { vendorId: input.vendorId } : {}),
      ...(input.status ? { status: input.status } : {}),
    },
    orderBy: { id: 'asc' },
    take: input.limit + 1,
    include: { vendor: { select: { name: true } } },
  });
  const sums = rows.length
    ? await deps.db.prisma.costItem.groupBy({
        by: ['purchaseOrderId'],
        where: { purchaseOrderId: { in: rows.map((r) => r.id) } },
        _sum: { amount: true },
      })
    : [];
  const byPo = new Map(sums.map((s) => [s.purchaseOrderId, s._sum.amount?.toFixed(2) ?? '0.00']));
  return pageOf(
    rows.map((r) => ({
      id: r.id,
      number: r.number,
      vendorId: r.vendorId,
      vendorName: r.vendor.name,
      status: r.status,
      currency: r.currency,
      description: r.description,
      raisedAt: r.raisedAt,
      createdAt: r.createdAt,
      committed: byPo.get(r.id) ?? '0.00',
    })),
    input.limit,
    (p) => p.id,
  );
}

export async function getPurchaseOrder(
  deps: Deps,
  actor: Actor,
  input: { purchaseOrderId: string },
): Promise<PurchaseOrderRecord> {
  const page = await listPurchaseOrders(deps, actor, { limit: 1, purchaseOrderId: input.purchaseOrderId });
  const po = page.items[0];
  if (!po) throw new AppError('NOT_FOUND', 'There is no such purchase order.');
  return po;
}

export interface CostItemRecord {
  id: string;
  sessionId: string | null;
  programmeId: string | null;
  category: CostCategory;
  description: string;
  amount: string;
  currency: string;
  vendorId: string | null;
  purchaseOrderId: string | null;
  /** YYYY-MM-DD */
  incurredOn: string;
  createdAt: Date;
}

export async function listCostItems(
  deps: Deps,
  actor: Actor,
  input: PageInput & {
    sessionId?: string;
    programmeId?: string;
    purchaseOrderId?: string;
    category?: CostCategory;
  },
): Promise<Page<CostItemRecord>> {
  assertAdmin(actor, 'see costs');
  for (const id of [input.sessionId, input.programmeId, input.purchaseOrderId])
    if (id !== undefined && !isUuid(id)) return { items: [], nextAfter: null };
  const rows = await deps.db.prisma.costItem.findMany({
    where: {
      ...(input.after ? { id: { gt: input.after } } : {}),
      ...(input.sessionId ? { sessionId: input.sessionId } : {}),
      ...(input.programmeId ? { programmeId: input.programmeId } : {}),
      ...(input.purchaseOrderId ? { purchaseOrderId: input.purchaseOrderId } : {}),
      ...(input.category ? { category: input.category } : {}),
    },
    orderBy: { id: 'asc' },
    take: input.limit + 1,
  });
  return pageOf(
    rows.map((r) => ({
      id: r.id,
      sessionId: r.sessionId,
      programmeId: r.programmeId,
      category: r.category,
      description: r.description,
      amount: r.amount.toFixed(2),
      currency: r.currency,
      vendorId: r.vendorId,
      purchaseOrderId: r.purchaseOrderId,
      incurredOn: r.incurredOn.toISOString().slice(0, 10),
      createdAt: r.createdAt,
    })),
    input.limit,
    (c) => c.id,
  );
}
