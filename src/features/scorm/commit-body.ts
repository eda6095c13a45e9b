/**
 * The body of a runtime commit: the CMI tree (under "cmi", or "runtimeData.cmi"), the
 * commit's number in its session, and the keys an oversized final beacon left out.
 */
import { z } from 'zod';

/** CMI keys the player may leave out of an oversized final beacon (it sent them just before). */
const OMITTABLE = ['suspend_data', 'interactions'] as const;

export const ZCommitBody = z.object({
  cmi: z.record(z.string(), z.unknown()).optional(),
  runtimeData: z.object({ cmi: z.record(z.string(), z.unknown()) }).optional(),
  commitSequence: z.number().int().min(0).max(2_000_000_000).optional(),
  omitted: z.array(z.enum(OMITTABLE)).optional(),
});

export type CommitBody = z.infer<typeof ZCommitBody>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * The schema's answer. The shape every runtime autocommit has (`cmi` and a `commitSequence`,
 * nothing else) is taken without the schema: the same result for a fraction of the work, on
 * the LMS's hottest route. Anything else goes through the schema.
 */
export function parseCommitBody(body: unknown): { success: true; data: CommitBody } | { success: false } {
  if (isPlainObject(body) && isPlainObject(body.cmi)) {
    const keys = Object.keys(body);
    const sequence = body.commitSequence;
    if (
      keys.length === 2 &&
      typeof sequence === 'number' &&
      Number.isInteger(sequence) &&
      sequence >= 0 &&
      sequence <= 2_000_000_000
    )
      return { success: true, data: { cmi: body.cmi, commitSequence: sequence } };
    if (keys.length === 1) return { success: true, data: { cmi: body.cmi } };
  }
  return ZCommitBody.safeParse(body);
}
