/** Audit: the append-only record of who changed what. */
export { recordAudit, type AuditEntry } from './record-audit.ts';
export { listAuditEvents, type AuditEventRecord, type ListAuditEventsInput } from './list-audit-events.ts';
