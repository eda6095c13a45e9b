/**
 * SCORM 2004 navigation judged on the server by the same engine the player runs (scorm-again's
 * SequencingService on the package's activity tree and the attempt's stored state). The
 * player asks the engine before it moves; the server asks again before it opens a SCO, so a
 * request the engine refuses (a disabled or hidden item, a choice where choice is off, a
 * backward choice under forward-only, an activity past its attempt limit) is refused by the
 * server too, whatever the page sent.
 */
import * as scorm2004 from 'scorm-again/scorm2004';
import type Scorm2004ApiClass from 'scorm-again/scorm2004';

// The ESM build exports the class by name; its type declarations describe a default export.
const { Scorm2004API } = scorm2004 as unknown as { Scorm2004API: typeof Scorm2004ApiClass };
import type { ActivityNode } from '../content/sequencing-tree.ts';

export type NavigationJudgement =
  | { kind: 'allowed'; how: 'current' | 'choice' }
  | { kind: 'refused'; delivered: string | null };

/** The activity the stored state says the engine delivered last, if any. */
export function currentActivityOf(state: string | null): string | null {
  if (!state) return null;
  try {
    const parsed = JSON.parse(state) as { sequencing?: { currentActivity?: unknown } };
    const current = parsed.sequencing?.currentActivity;
    return typeof current === 'string' ? current : null;
  } catch {
    return null;
  }
}

/**
 * May the learner be given `target` now? Yes when the engine already delivered it (the flow
 * moved there: continue, previous, jump or a choice the player made), or when a choice request
 * for it, from the stored state, makes the engine deliver exactly it.
 */
export function judgeDelivery(
  activityTree: ActivityNode,
  state: string | null,
  target: string,
): NavigationJudgement {
  if (currentActivityOf(state) === target) return { kind: 'allowed', how: 'current' };
  let delivered: string | null = null;
  const api = new Scorm2004API({
    logLevel: 5,
    autocommit: false,
    sequencing: {
      activityTree: activityTree as never,
      eventListeners: {
        onActivityDelivery: (activity: { id: string }) => {
          delivered = activity.id;
        },
      },
    },
  } as never);
  const ok = withQuietConsole(() => {
    if (state) api.deserializeSequencingState(state);
    return api.processNavigationRequest('choice', target);
  });
  return ok && delivered === target ? { kind: 'allowed', how: 'choice' } : { kind: 'refused', delivered };
}

/** The engine announces deliveries and restores on the console; on the server that is only noise. */
function withQuietConsole<T>(run: () => T): T {
  const log = console.log;
  console.log = () => undefined;
  try {
    return run();
  } finally {
    console.log = log;
  }
}
