import { describe, expect, it } from 'vitest';
import { readPrerequisites } from '../../../../src/features/scorm/prerequisites.ts';

describe('SCORM 1.2 prerequisites (AICC script)', () => {
  const judge = (script: string, done: string[]) => {
    const rule = readPrerequisites(script);
    if (rule.kind !== 'script') return rule.kind;
    return rule.test((id) => done.includes(id));
  };
  it('reads and, or, not and parentheses', () => {
    expect(judge('a & b', ['a'])).toBe(false);
    expect(judge('a & b', ['a', 'b'])).toBe(true);
    expect(judge('a | b', ['b'])).toBe(true);
    expect(judge('~a', [])).toBe(true);
    expect(judge('(a | b) & ~c', ['a', 'c'])).toBe(false);
    expect(judge('(a | b) & ~c', ['b'])).toBe(true);
  });
  it('reports what it cannot read instead of locking the item', () => {
    expect(judge('2*{a,b,c}', [])).toBe('unsupported');
    expect(judge('a & (b', [])).toBe('unsupported');
    expect(readPrerequisites('  ')).toEqual({ kind: 'none' });
  });
});
