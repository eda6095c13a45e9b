/** Compliance: who is compliant with which requirement, reports over it, and reminders. */
export {
  complianceStatus,
  assertCanSeeScope,
  COMPLIANCE_STATUSES,
  EXPIRING_WITHIN_DAYS,
  type ComplianceRow,
  type ComplianceEvidence,
  type ComplianceScope,
  type ComplianceStatusValue,
  type ComplianceStatusInput,
  type ComplianceStatusResult,
} from './compliance-status.ts';
export {
  complianceReport,
  complianceCsv,
  csvCell,
  type ComplianceReport,
  type ComplianceReportInput,
  type RequirementSummary,
} from './compliance-report.ts';
export { defaultComplianceScope, teamComplianceScope, type ScopeSubject } from './report-scope.ts';
export {
  completionsReport,
  type CompletionsReportInput,
  type CompletionsByCourse,
} from './completions-report.ts';
export { findDepartment } from './find-department.ts';
export {
  owedBy,
  OWED_STATES,
  SETTLED_STATES,
  type Owed,
  type OwedByInput,
  type OwedCourse,
  type OwedState,
} from './owed-by.ts';
export {
  refreshComplianceStatus,
  complianceStatusIsEmpty,
  sweepComplianceStatus,
  type RefreshTarget,
} from './refresh-compliance-status.ts';
export { sweepComplianceStatuses, type SweepResult } from './sweep-compliance-statuses.ts';
