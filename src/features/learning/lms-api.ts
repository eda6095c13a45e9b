/**
 * The LMS use cases the conversation layer (and HTTP/CLI) calls, in one import. Each is a
 * function of (deps, input) with a typed result; forbidden / not found / bad input throw
 * AppError with a userMessage safe to show.
 *
 *   findCourses        "first aid", "the excel one", "gdpr"   → match | ambiguous | none
 *   enrolSelf          "start the GDPR course"                → enrolled | already_enrolled
 *   myProgress         "what have I completed?", "what's overdue?"
 *   myCertificates     "send me my forklift certificate"      → list + PDF by number
 *   complianceStatus   "how is my team doing on compliance?"  → rows with evidence
 *   complianceReport   "compliance report for Operations as CSV" → summary, rows, csv
 */
export {
  findCourses,
  loadCatalogue,
  type CourseSummary,
  type FindCoursesResult,
  type FindCoursesInput,
} from '../catalogue/find-courses.ts';
export { enrolSelf, type EnrolSelfResult } from '../catalogue/enrol-self.ts';
export { missingPrerequisites } from '../catalogue/prerequisites.ts';
export { myProgress, type MyProgress, type ProgressItem, type CompletedItem } from './my-progress.ts';
export {
  complianceStatus,
  COMPLIANCE_STATUSES,
  EXPIRING_WITHIN_DAYS,
  type ComplianceRow,
  type ComplianceEvidence,
  type ComplianceScope,
  type ComplianceStatusValue,
  type ComplianceStatusInput,
  type ComplianceStatusResult,
} from '../compliance/compliance-status.ts';
export {
  complianceReport,
  complianceCsv,
  type ComplianceReport,
  type RequirementSummary,
} from '../compliance/compliance-report.ts';
export {
  verifyCertificate,
  certificateUrl,
  type PublicCertificate,
  type CertificateValidity,
} from '../certificates/verify-certificate.ts';
export { renderCertificatePdf } from '../certificates/render-certificate-pdf.ts';
export {
  recordCompletion,
  type RecordCompletionInput,
  type RecordCompletionResult,
} from '../completions/record-completion.ts';
export { myCertificates, certificatePdf, type CertificateListItem } from '../certificates/my-certificates.ts';
export { recommendCourses, type Recommendation, type RecommendationReason } from './recommend-courses.ts';
export {
  journeyProgress,
  type JourneyProgress,
  type JourneyStep,
  type JourneyStepStatus,
} from '../journeys/journey-progress.ts';
export { startJourney, type StartJourneyResult } from '../journeys/start-journey.ts';
export { assertJourneyStepOpen } from '../journeys/assert-journey-step-open.ts';
export {
  assignCourse,
  type AssignCourseInput,
  type AssignCourseResult,
} from '../assignments/assign-course.ts';
export {
  createAssignmentRule,
  type CreateAssignmentRuleResult,
  type AssignmentRuleInput,
} from '../assignments/create-assignment-rule.ts';
export { evaluateAssignmentRules, type RuleOutcome } from '../assignments/evaluate-assignment-rules.ts';
export { updatePerson, type PersonChanges, type UpdatePersonResult } from '../assignments/update-person.ts';
export { recordManualCompletion } from '../completions/record-manual-completion.ts';
export {
  importCompletions,
  type ImportRow,
  type ImportCompletionsResult,
  type ImportRowOutcome,
} from '../completions/import-completions.ts';
export { runAssignmentRules } from '../assignments/run-assignment-rules.ts';
export { nudgeTeam, type NudgeTeamResult } from '../compliance/nudge-team.ts';
export { findDepartment } from '../compliance/find-department.ts';
export { saveCourse, type CourseInput, type SaveCourseResult } from '../catalogue/save-course.ts';
export { backfillCertificates } from '../certificates/backfill-certificates.ts';
