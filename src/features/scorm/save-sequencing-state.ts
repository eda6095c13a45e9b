/**
 * The player keeps scorm-again's sequencing state (which activities were attempted, satisfied,
 * suspended; the current one) with the attempt, so the next SCO's page, or a later launch,
 * goes on from it. Only for the token's own unfinished attempt; bounded in size.
 */
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { loadLaunchedAttempt } from './attempt-access.ts';

/** Far above what a few hundred activities serialize to. */
export const MAX_SEQUENCING_STATE_CHARS = 512_000;

export async function saveSequencingState(
  deps: Deps,
  input: { token: string; state: unknown },
): Promise<{ saved: boolean }> {
  if (typeof input.state !== 'string' || input.state.length === 0)
    throw new AppError('VALIDATION', 'The sequencing state must be a non-empty string under "state".');
  if (input.state.length > MAX_SEQUENCING_STATE_CHARS)
    throw new AppError('PAYLOAD_TOO_LARGE', 'The sequencing state is too large.');
  if (input.state.includes('\u0000'))
    throw new AppError('VALIDATION', 'The sequencing state contains a NUL character.');
  try {
    JSON.parse(input.state);
  } catch {
    throw new AppError('VALIDATION', 'The sequencing state must be JSON text.');
  }
  const { attempt } = await loadLaunchedAttempt(deps, deps.db.prisma, input.token);
  if (attempt.finishedAt) return { saved: false };
  await deps.db.prisma.attempt.update({
    where: { id: attempt.id },
    data: { sequencingState: input.state, lastActivityAt: deps.clock.now() },
  });
  return { saved: true };
}
