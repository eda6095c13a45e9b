/** Assignments: courses given to people by managers, admins and rules, and HR changes that trigger them. */
export { assignCourse, type AssignCourseInput, type AssignCourseResult } from './assign-course.ts';
export {
  ZAssignmentRuleInput,
  createAssignmentRule,
  type AssignmentRuleInput,
  type CreateAssignmentRuleResult,
} from './create-assignment-rule.ts';
export {
  evaluateAssignmentRules,
  type RuleOutcome,
  type EvaluateRulesInput,
} from './evaluate-assignment-rules.ts';
export { runAssignmentRules } from './run-assignment-rules.ts';
export { updatePerson, type PersonChanges, type UpdatePersonResult } from './update-person.ts';
export { listAssignmentRules, type AssignmentRuleRecord } from './list-assignment-rules.ts';
