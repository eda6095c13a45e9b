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
