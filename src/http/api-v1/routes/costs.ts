/** Costs, vendors and purchase orders. Money in and out is decimal text with a currency. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../../deps.ts';
import {
  addCostItem,
  createVendor,
  getPurchaseOrder,
  listCostItems,
  listPurchaseOrders,
  listVendors,
  raisePurchaseOrder,
  setPurchaseOrderStatus,
} from '../../../features/costs/index.ts';
import { decodeCursor, toPage } from '../cursor.ts';
import type { ApiEnv } from '../env.ts';
import { idempotent } from '../idempotency.ts';
import {
  COMMON_ERRORS,
  IDEMPOTENT_ERRORS,
  ZAmount,
  ZCurrency,
  ZDateOnly,
  ZId,
  ZIdempotencyHeader,
  ZInstant,
  ZPageQuery,
  json,
  jsonBody,
  pageOf,
} from '../schemas.ts';
import { send } from '../send.ts';

const CATEGORIES = ['venue', 'facilitator', 'travel', 'materials', 'catering', 'other'] as const;
const PO_STATUSES = ['draft', 'raised', 'approved', 'received', 'closed', 'cancelled'] as const;

const ZVendor = z
  .object({
    id: ZId,
    name: z.string(),
    email: z.string().nullable(),
    taxId: z.string().nullable(),
    active: z.boolean(),
    createdAt: ZInstant,
  })
  .openapi('Vendor');
const ZPurchaseOrder = z
  .object({
    id: ZId,
    number: z.string(),
    vendorId: ZId,
    vendorName: z.string(),
    status: z.enum(PO_STATUSES),
    currency: ZCurrency,
    description: z.string(),
    raisedAt: ZInstant.nullable(),
    createdAt: ZInstant,
    committed: ZAmount.openapi({ description: 'Sum of cost items booked against it, in `currency`' }),
  })
  .openapi('PurchaseOrder');
const ZCostItem = z
  .object({
    id: ZId,
    sessionId: ZId.nullable(),
    programmeId: ZId.nullable(),
    category: z.enum(CATEGORIES),
    description: z.string(),
    amount: ZAmount,
    currency: ZCurrency,
    vendorId: ZId.nullable(),
    purchaseOrderId: ZId.nullable(),
    incurredOn: ZDateOnly,
    createdAt: ZInstant,
  })
  .openapi('CostItem');

export function costRoutes(app: OpenAPIHono<ApiEnv>, deps: Deps): void {
  app.openapi(
    createRoute({
      operationId: 'listCostItems',
      method: 'get',
      path: '/api/v1/cost-items',
      tags: ['Costs'],
      summary: 'Cost items of sessions and programmes',
      request: {
        query: ZPageQuery.extend({
          sessionId: ZId.optional(),
          programmeId: ZId.optional(),
          purchaseOrderId: ZId.optional(),
          category: z.enum(CATEGORIES).optional(),
        }),
      },
      responses: { 200: json(pageOf(ZCostItem, 'CostItemPage')), ...COMMON_ERRORS },
    }),
    async (c) => {
      const { next, ...q } = c.req.valid('query');
      return send(c, toPage(await listCostItems(deps, c.get('actor'), { ...q, after: decodeCursor(next) })));
    },
  );

  app.openapi(
    createRoute({
      operationId: 'addCostItem',
      method: 'post',
      path: '/api/v1/cost-items',
      tags: ['Costs'],
      summary: 'Add a cost to a session or a programme',
      middleware: [idempotent(deps)],
      request: {
        headers: ZIdempotencyHeader,
        body: jsonBody(
          z.object({
            sessionId: ZId.optional(),
            programmeId: ZId.optional(),
            category: z.enum(CATEGORIES),
            amount: ZAmount,
            currency: ZCurrency,
            description: z.string().max(500).optional(),
            vendorId: ZId.optional(),
            purchaseOrderId: ZId.optional(),
            incurredOn: ZDateOnly.optional(),
          }),
        ),
      },
      responses: {
        201: json(
          z.object({ kind: z.literal('added'), costItemId: ZId, amount: ZAmount, currency: ZCurrency }),
          'Added',
        ),
        ...IDEMPOTENT_ERRORS,
      },
    }),
    async (c) => send(c, await addCostItem(deps, c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      operationId: 'listVendors',
      method: 'get',
      path: '/api/v1/vendors',
      tags: ['Vendors'],
      summary: 'Vendors',
      request: {
        query: ZPageQuery.extend({
          active: z.enum(['true', 'false']).optional(),
          q: z.string().trim().min(1).max(200).optional(),
        }),
      },
      responses: { 200: json(pageOf(ZVendor, 'VendorPage')), ...COMMON_ERRORS },
    }),
    async (c) => {
      const { next, active, ...q } = c.req.valid('query');
      const page = await listVendors(deps, c.get('actor'), {
        ...q,
        active: active === undefined ? undefined : active === 'true',
        after: decodeCursor(next),
      });
      return send(c, toPage(page));
    },
  );

  app.openapi(
    createRoute({
      operationId: 'createVendor',
      method: 'post',
      path: '/api/v1/vendors',
      tags: ['Vendors'],
      summary: 'Add a vendor',
      middleware: [idempotent(deps)],
      request: {
        headers: ZIdempotencyHeader,
        body: jsonBody(
          z.object({
            name: z.string().trim().min(1).max(200),
            email: z.email().max(320).optional(),
            taxId: z.string().trim().min(1).max(50).optional(),
          }),
        ),
      },
      responses: {
        201: json(z.object({ kind: z.literal('created'), vendorId: ZId }), 'Created'),
        ...IDEMPOTENT_ERRORS,
      },
    }),
    async (c) => send(c, await createVendor(deps, c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      operationId: 'listPurchaseOrders',
      method: 'get',
      path: '/api/v1/purchase-orders',
      tags: ['Purchase orders'],
      summary: 'Purchase orders with what is committed against them',
      request: {
        query: ZPageQuery.extend({ vendorId: ZId.optional(), status: z.enum(PO_STATUSES).optional() }),
      },
      responses: { 200: json(pageOf(ZPurchaseOrder, 'PurchaseOrderPage')), ...COMMON_ERRORS },
    }),
    async (c) => {
      const { next, ...q } = c.req.valid('query');
      return send(
        c,
        toPage(await listPurchaseOrders(deps, c.get('actor'), { ...q, after: decodeCursor(next) })),
      );
    },
  );

  app.openapi(
    createRoute({
      operationId: 'raisePurchaseOrder',
      method: 'post',
      path: '/api/v1/purchase-orders',
      tags: ['Purchase orders'],
      summary: 'Raise a purchase order with a vendor',
      middleware: [idempotent(deps)],
      request: {
        headers: ZIdempotencyHeader,
        body: jsonBody(
          z.object({
            number: z.string().trim().min(1).max(50),
            vendorId: ZId,
            currency: ZCurrency,
            description: z.string().max(500).optional(),
          }),
        ),
      },
      responses: {
        201: json(z.object({ kind: z.literal('raised'), purchaseOrderId: ZId }), 'Raised'),
        ...IDEMPOTENT_ERRORS,
      },
    }),
    async (c) => send(c, await raisePurchaseOrder(deps, c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      operationId: 'getPurchaseOrder',
      method: 'get',
      path: '/api/v1/purchase-orders/{purchaseOrderId}',
      tags: ['Purchase orders'],
      summary: 'Read a purchase order',
      request: { params: z.object({ purchaseOrderId: ZId }) },
      responses: { 200: json(ZPurchaseOrder), ...COMMON_ERRORS },
    }),
    async (c) => send(c, await getPurchaseOrder(deps, c.get('actor'), c.req.valid('param'))),
  );

  app.openapi(
    createRoute({
      operationId: 'setPurchaseOrderStatus',
      method: 'put',
      path: '/api/v1/purchase-orders/{purchaseOrderId}/status',
      tags: ['Purchase orders'],
      summary: 'Move a purchase order along (approved, received, closed, cancelled)',
      request: {
        params: z.object({ purchaseOrderId: ZId }),
        body: jsonBody(z.object({ status: z.enum(PO_STATUSES) })),
      },
      responses: {
        200: json(z.object({ kind: z.literal('updated'), status: z.enum(PO_STATUSES) })),
        ...COMMON_ERRORS,
      },
    }),
    async (c) =>
      send(
        c,
        await setPurchaseOrderStatus(deps, c.get('actor'), {
          ...c.req.valid('param'),
          ...c.req.valid('json'),
        }),
      ),
  );
}
