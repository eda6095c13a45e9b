import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src/features/completions/parse-csv.ts';
import { rowsFromCsv } from '../../../../src/features/completions/import-completions.ts';
import { complianceCsv, csvCell } from '../../../../src/features/compliance/compliance-report.ts';

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
