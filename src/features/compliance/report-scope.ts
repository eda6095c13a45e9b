/**
 * Whose compliance a report covers when the asker names no one: a named department; else an
 * admin sees the organisation, a manager their reporting line, anyone else themself.
 * complianceStatus and complianceReport still check the actor may see the scope.
 */
import { AppError } from '../../shared/app-error.ts';
import { isAdmin, type Actor } from '../people/actor.ts';
import type { ComplianceScope } from './compliance-sql.ts';

export type ScopeSubject = 'department' | 'organisation' | 'team' | 'self';

export function defaultComplianceScope(
  actor: Actor,
  department?: { id: string },
): { scope: ComplianceScope; subject: ScopeSubject } {
  if (department)
    return { scope: { kind: 'department', departmentId: department.id }, subject: 'department' };
  if (isAdmin(actor)) return { scope: { kind: 'everyone' }, subject: 'organisation' };
  if (actor.isManager) return { scope: { kind: 'manager_line', managerId: actor.personId }, subject: 'team' };
  return { scope: { kind: 'person', personId: actor.personId }, subject: 'self' };
}

/**
 * "How is my team doing?": a manager's reporting line (also for a manager who is an admin),
 * the organisation for an admin without reports. Throws FORBIDDEN for anyone without a team.
 */
export function teamComplianceScope(actor: Actor): ComplianceScope {
  if (actor.isManager) return { kind: 'manager_line', managerId: actor.personId };
  if (isAdmin(actor)) return { kind: 'everyone' };
  throw new AppError(
    'FORBIDDEN',
    "You don't have a team in Rollcall, so there is no team compliance to show. I can show your own record.",
  );
}
