import { describe, expect, it } from 'vitest';
import {
  defaultComplianceScope,
  teamComplianceScope,
} from '../../../../src/features/compliance/report-scope.ts';
import { AppError } from '../../../../src/shared/app-error.ts';
import type { Actor } from '../../../../src/features/people/actor.ts';

const actor = (overrides: Partial<Actor>): Actor => ({
  personId: 'p-1',
  email: 'p@acme.example',
  name: 'P',
  timeZone: 'UTC',
  roles: ['employee'],
  isManager: false,
  ...overrides,
});

describe('the default scope of a compliance report', () => {
  it('is a named department for anyone (the report checks they may see it)', () => {
    expect(defaultComplianceScope(actor({}), { id: 'd-1' })).toEqual({
      scope: { kind: 'department', departmentId: 'd-1' },
      subject: 'department',
    });
  });
  it('is the organisation for an admin, the reporting line for a manager, else themself', () => {
    expect(defaultComplianceScope(actor({ roles: ['employee', 'admin'], isManager: true })).scope).toEqual({
      kind: 'everyone',
    });
    expect(defaultComplianceScope(actor({ isManager: true })).scope).toEqual({
      kind: 'manager_line',
      managerId: 'p-1',
    });
    expect(defaultComplianceScope(actor({})).scope).toEqual({ kind: 'person', personId: 'p-1' });
  });
});

describe('the scope of "how is my team doing?"', () => {
  it("is a manager's line (even an admin's), the organisation for an admin without reports", () => {
    expect(teamComplianceScope(actor({ roles: ['employee', 'admin'], isManager: true }))).toEqual({
      kind: 'manager_line',
      managerId: 'p-1',
    });
    expect(teamComplianceScope(actor({ roles: ['employee', 'admin'] }))).toEqual({ kind: 'everyone' });
  });
  it('is refused to someone without a team', () => {
    expect(() => teamComplianceScope(actor({}))).toThrow(AppError);
    expect(() => teamComplianceScope(actor({}))).toThrow(/don't have a team/);
  });
});
