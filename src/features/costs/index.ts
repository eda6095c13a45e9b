/** Costs: the API the chat, HTTP and CLI layers call. Money is decimal text in, decimal text out. */
export {
  addCostItem,
  COST_CATEGORIES,
  type AddCostItemInput,
  type AddCostItemResult,
} from './add-cost-item.ts';
export { createVendor, type CreateVendorInput } from './create-vendor.ts';
export {
  raisePurchaseOrder,
  setPurchaseOrderStatus,
  type RaisePurchaseOrderInput,
} from './raise-purchase-order.ts';
export {
  costReport,
  type CostReportInput,
  type CostReport,
  type SessionCost,
  type ProgrammeCost,
  type DepartmentCost,
} from './cost-report.ts';
export { parseAmount, parseCurrency, isKnownCurrency, type MoneyByCurrency } from './money.ts';
export { findVendors, type VendorMatch } from './find-vendors.ts';
export {
  listVendors,
  listPurchaseOrders,
  getPurchaseOrder,
  listCostItems,
  type VendorRecord,
  type PurchaseOrderRecord,
  type CostItemRecord,
} from './list-costs.ts';
