import { describe, expect, it } from 'vitest';
import { stepStatuses } from '../../../src/features/journeys/journey-progress.ts';
import { parseCsv } from '../../../src/features/completions/parse-csv.ts';
import { rowsFromCsv } from '../../../src/features/completions/import-completions.ts';
import { complianceCsv, csvCell } from '../../../src/features/compliance/compliance-report.ts';
import { computeExpiry } from '../../../src/features/completions/expiry-rules.ts';

describe('journey step statuses', () => {
  const steps = [
    { position: 1, courseId: 'a', requiresPrevious: false },
    { position: 2, courseId: 'b', requiresPrevious: true },
    { position: 3, courseId: 'c', requiresPrevious: true },
    { position: 4, courseId: 'd', requiresPrevious: false },
  ];
  it('opens the next step only when the previous one is completed', () => {
    expect(stepStatuses(steps, new Set())).toEqual(['available', 'locked', 'locked', 'available']);
    expect(stepStatuses(steps, new Set(['a']))).toEqual(['completed', 'available', 'locked', 'available']);
    expect(stepStatuses(steps, new Set(['a', 'b']))).toEqual([
      'completed',
      'completed',
      'available',
      'available',
    ]);
    // Completed out of order (e.g. imported) still counts as completed.
    expect(stepStatuses(steps, new Set(['c']))).toEqual(['available', 'locked', 'completed', 'available']);
  });
});

describe('CSV', () => {
  it('parses quotes, doubled quotes, embedded commas and newlines, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"multi\nline",\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['multi\nline', ''],
    ]);
  });
  it('maps import headers loosely and fails clearly without the needed ones', () => {
    expect(rowsFromCsv('Email,Course Code,Completed At\nx@y.z,GDPR-101,2026-01-01')).toEqual([
      { email: 'x@y.z', courseCode: 'GDPR-101', completedAt: '2026-01-01' },
    ]);
    expect(() => rowsFromCsv('email,completed_at\nx,y')).toThrow(/course_code/);
  });
  it('escapes cells and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(complianceCsv([])).toBe(
      'person,email,department,requirement,requirement_name,status,expires_at,due_at,evidence\r\n',
    );
  });
});

describe('expiry with the recertification window', () => {
  const prev = new Date('2026-06-01T00:00:00Z');
  it('renews from the old expiry inside the window, from its own date when late or first', () => {
    expect(
      computeExpiry({
        completedAt: new Date('2026-05-01T00:00:00Z'),
        validityMonths: 12,
        windowDays: 90,
        previousExpiresAt: prev,
      }),
    ).toEqual(new Date('2027-06-01T00:00:00Z'));
    expect(
      computeExpiry({
        completedAt: new Date('2026-07-01T00:00:00Z'),
        validityMonths: 12,
        windowDays: 90,
        previousExpiresAt: prev,
      }),
    ).toEqual(new Date('2027-07-01T00:00:00Z'));
    expect(
      computeExpiry({
        completedAt: new Date('2026-01-01T00:00:00Z'),
        validityMonths: 12,
        windowDays: 90,
        previousExpiresAt: prev,
      }),
    ).toEqual(new Date('2027-01-01T00:00:00Z'));
    expect(
      computeExpiry({
        completedAt: new Date('2026-01-01T00:00:00Z'),
        validityMonths: null,
        windowDays: 90,
        previousExpiresAt: prev,
      }),
    ).toBeNull();
  });
});
