/**
 * Job handler (nightly): applies every active assignment rule to everyone, which picks up
 * new joiners created by HR sync or the CLI, people whose hire date brings them into a
 * "hired within N days" rule, and rules created while a person was inactive. Idempotent and
 * set-based (one statement), so it can run as often as wanted. Register it as
 *   { name: 'assignment-rules', schedule: '23 2 * * *', run: (deps) => runAssignmentRules(deps) }
 */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { evaluateAssignmentRules } from './evaluate-assignment-rules.ts';

export async function runAssignmentRules(deps: Deps): Promise<{ rules: number; assigned: number }> {
  const outcomes = await inTransaction(deps.db.prisma, (tx) =>
    evaluateAssignmentRules(tx, { now: deps.clock.now(), actorId: null }),
  );
  return { rules: outcomes.length, assigned: outcomes.reduce((n, o) => n + o.assigned, 0) };
}

/** For code that creates a person (HR sync, CLI): assign what the rules say, in its transaction. */
export { evaluateAssignmentRules as assignNewJoiner } from './evaluate-assignment-rules.ts';
