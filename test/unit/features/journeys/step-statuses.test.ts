import { describe, expect, it } from 'vitest';
import { stepStatuses } from '../../../../src/features/journeys/journey-progress.ts';

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
