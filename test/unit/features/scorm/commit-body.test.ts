import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommitBody, ZCommitBody } from '../../../../src/features/scorm/commit-body.ts';

/** Bodies as they arrive: JSON text parsed, so only JSON values, in the shapes runtimes send and around them. */
const cmiTree = fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 });
const sequence = fc.oneof(
  fc.integer({ min: -5, max: 2_000_000_005 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, 2_000_000_000, 2_000_000_001, -1, 1.5, '12', null, true),
);
const body = fc.oneof(
  fc.record({ cmi: cmiTree, commitSequence: sequence }),
  fc.record({ cmi: cmiTree }),
  fc.record({ cmi: cmiTree, commitSequence: sequence, omitted: fc.jsonValue() }, { requiredKeys: ['cmi'] }),
  fc.record({ runtimeData: fc.record({ cmi: cmiTree }), commitSequence: sequence }),
  fc.record({ cmi: fc.jsonValue(), commitSequence: sequence }),
  fc.jsonValue(),
);

describe('commit bodies', () => {
  it('are read as the schema reads them, whatever the shape', () => {
    fc.assert(
      fc.property(body, (value) => {
        const parsed = JSON.parse(JSON.stringify(value)) as unknown;
        const schema = ZCommitBody.safeParse(parsed);
        const fast = parseCommitBody(parsed);
        expect(fast.success).toBe(schema.success);
        if (fast.success && schema.success) expect(fast.data).toStrictEqual(schema.data);
      }),
      { numRuns: 2_000 },
    );
  });

  it('takes the autocommit shape without the schema, and refuses what the schema refuses', () => {
    const cmi = { core: { lesson_location: 'p2' }, suspend_data: 'x' };
    expect(parseCommitBody({ cmi, commitSequence: 100_007 })).toEqual({
      success: true,
      data: { cmi, commitSequence: 100_007 },
    });
    expect(parseCommitBody({ cmi, commitSequence: 2_000_000_001 }).success).toBe(false);
    expect(parseCommitBody({ cmi, commitSequence: 1.5 }).success).toBe(false);
    expect(parseCommitBody({ cmi: [], commitSequence: 1 }).success).toBe(false);
    expect(parseCommitBody({ cmi, omitted: ['suspend_data'] })).toEqual({
      success: true,
      data: { cmi, omitted: ['suspend_data'] },
    });
    expect(parseCommitBody({ cmi, omitted: ['core'] }).success).toBe(false);
  });
});
