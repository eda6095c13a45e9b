/**
 * How a course's online content completes, set per course the way LMSs configure it. The
 * defaults are the ones under which real content completes: every SCO completed, and those
 * that carry a pass mark (1.2 mastery score, 2004 satisfied-by-measure) passed. Pure.
 */
import { z } from 'zod';

export const ZCompletionSettings = z
  .object({
    /** all_scos: every SCO completed (and passed where it has a pass mark); score: the graded score reaches minPercent. */
    rule: z.enum(['all_scos', 'score']).default('all_scos'),
    /** For rule "score": the percentage (0–100) the graded score must reach. */
    minPercent: z.number().min(0).max(100).nullable().default(null),
    /** How the course score comes from the SCOs' scores: highest, average, sum, or the SCO scored last. */
    grading: z.enum(['highest', 'average', 'sum', 'last']).default('average'),
    /** Attempts a learner may start; null = no limit. */
    maxAttempts: z.number().int().min(1).max(1000).nullable().default(null),
    /** when_finished: a launch resumes the open attempt, a new one starts after it finished; always: every launch starts a new attempt. */
    newAttempt: z.enum(['when_finished', 'always']).default('when_finished'),
  })
  .strict()
  .refine((s) => s.rule !== 'score' || s.minPercent != null, {
    message: 'A score rule needs minPercent (0–100).',
    path: ['minPercent'],
  });

export type CompletionSettings = z.infer<typeof ZCompletionSettings>;

export const DEFAULT_COMPLETION_SETTINGS: CompletionSettings = ZCompletionSettings.parse({});

/** The stored value read leniently: anything unreadable falls back to the defaults. */
export function completionSettingsOf(stored: unknown): CompletionSettings {
  const parsed = ZCompletionSettings.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_COMPLETION_SETTINGS;
}
