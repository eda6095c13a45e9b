/**
 * The scheduled jobs: each a cron expression plus an idempotent, bounded handler, run under
 * a per-job advisory lock so two replicas never run the same job at once.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Deps } from '../deps.ts';
import type { NotificationSender } from '../features/notifications/notification-sender.ts';
import { withJobLock } from './job-lock.ts';
import { deliverNotifications } from './deliver-notifications.ts';
import { enqueueSessionMessages } from './session-messages.ts';
import { pruneIdempotencyKeys, pruneProcessedEvents } from '../features/platform/index.ts';
import { expireOffers } from '../features/registrations/expire-offers.ts';
import { runAssignmentRules } from '../features/assignments/run-assignment-rules.ts';
import { sweepComplianceStatuses } from '../features/compliance/index.ts';
import { foldComplianceLineCounts } from '../features/compliance/fold-line-counts.ts';

export interface JobDefinition {
  name: string;
  /** node-cron expression (seconds field first when six fields). */
  schedule: string;
  run(deps: Deps): Promise<unknown>;
}

export function jobDefinitions(sender: NotificationSender, extra: JobDefinition[] = []): JobDefinition[] {
  return [
    {
      name: 'deliver-notifications',
      schedule: '*/15 * * * * *',
      run: (deps) => deliverNotifications(deps, sender),
    },
    { name: 'session-messages', schedule: '*/5 * * * *', run: (deps) => enqueueSessionMessages(deps) },
    // The one pruner of platform retry markers (none runs outside the job registry).
    { name: 'prune-processed-events', schedule: '*/15 * * * *', run: (deps) => pruneProcessedEvents(deps) },
    // Admin API idempotency keys past their 24 h retry window; bounded per run.
    { name: 'prune-idempotency-keys', schedule: '*/10 * * * *', run: (deps) => pruneIdempotencyKeys(deps) },
    // Lapsed seat offers pass to the next waitlisted person; bounded per run.
    { name: 'expire-offers', schedule: '*/2 * * * *', run: (deps) => expireOffers(deps, { limit: 100 }) },
    // Rules re-evaluated nightly: new joiners and transfers get their courses.
    { name: 'assignment-rules', schedule: '23 2 * * *', run: (deps) => runAssignmentRules(deps) },
    // Stored compliance statuses that moved with time alone (expiring, due, overdue); batched.
    { name: 'compliance-sweep', schedule: '41 1 * * *', run: (deps) => sweepComplianceStatuses(deps) },
    // Per-manager compliance counts: the deltas every status change appends, folded; bounded.
    {
      name: 'compliance-line-counts',
      schedule: '* * * * *',
      run: (deps) => foldComplianceLineCounts(deps),
    },
    ...extra,
  ];
}

export function startJobs(deps: Deps, jobs: JobDefinition[]): { stop(): void } {
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(
      job.schedule,
      async () => {
        try {
          const result = await withJobLock(deps.db, job.name, () => job.run(deps));
          if (result !== undefined) deps.log.debug({ job: job.name, result }, 'job ran');
        } catch (error) {
          deps.log.error({ job: job.name, err: error }, 'job failed');
        }
      },
      { noOverlap: true, name: job.name },
    ),
  );
  return { stop: () => tasks.forEach((task) => void task.stop()) };
}
