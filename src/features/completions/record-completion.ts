/**
 * The one way a completion enters the learner record, whatever its source: a SCORM attempt,
 * session attendance, a manual entry by an admin, or an imported external certificate.
 * Compliance, progress and certificates all read what this writes.
 */
import type { Prisma } from '../../generated/prisma/client.ts';
import type { CompletionSource } from '../../generated/prisma/enums.ts';
import type { DbClient } from '../../db/transaction.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { issueCertificate, type IssuedCertificate } from '../certificates/issue-certificate.ts';
import { refreshComplianceStatus } from '../compliance/refresh-compliance-status.ts';
import { computeExpiry } from './expiry-rules.ts';

export interface RecordCompletionInput {
  personId: string;
  courseId: string;
  source: CompletionSource;
  completedAt: Date;
  score?: number | null;
  /** 0–100 where known. */
  percent?: number | null;
  attemptId?: string;
  registrationId?: string;
  recordedById?: string | null;
  reason?: string;
  externalRef?: string;
  /**
   * Only for external/imported certificates that state their own expiry; otherwise expiry
   * comes from the course's validity and the recertification window.
   */
  expiresAt?: Date | null;
}

export type RecordCompletionResult =
  | {
      kind: 'recorded';
      completionId: string;
      expiresAt: Date | null;
      renewedFrom: Date | null;
      /** Issued in the same transaction when the course grants one (not for imports). */
      certificate: IssuedCertificate | null;
    }
  /** The same evidence (attempt, registration or import row) was already recorded. */
  | { kind: 'already_recorded'; completionId: string; expiresAt: Date | null };

/** Call inside the caller's transaction so evidence and completion commit together. */
export async function recordCompletion(
  tx: DbClient,
  clock: Clock,
  input: RecordCompletionInput,
): Promise<RecordCompletionResult> {
  validate(input, clock.now());
  const existing = await findSameEvidence(tx, input);
  if (existing) return { kind: 'already_recorded', completionId: existing.id, expiresAt: existing.expiresAt };

  const course = await tx.course.findUnique({
    where: { id: input.courseId },
    select: { id: true, validityMonths: true, recertWindowDays: true, grantsCertificate: true },
  });
  if (!course) throw new AppError('NOT_FOUND', 'That course does not exist.');
  const person = await tx.person.findUnique({ where: { id: input.personId }, select: { id: true } });
  if (!person) throw new AppError('NOT_FOUND', 'That person does not exist.');

  const previous = await tx.completion.findFirst({
    where: { personId: input.personId, courseId: input.courseId, completedAt: { lte: input.completedAt } },
    orderBy: { completedAt: 'desc' },
    select: { expiresAt: true },
  });
  const expiresAt =
    input.expiresAt !== undefined
      ? input.expiresAt
      : computeExpiry({
          completedAt: input.completedAt,
          validityMonths: course.validityMonths,
          windowDays: course.recertWindowDays,
          previousExpiresAt: previous?.expiresAt ?? null,
        });
  const completion = await tx.completion.create({
    data: {
      personId: input.personId,
      courseId: input.courseId,
      source: input.source,
      completedAt: input.completedAt,
      score: input.score ?? null,
      percent: input.percent ?? null,
      expiresAt,
      attemptId: input.attemptId,
      registrationId: input.registrationId,
      recordedById: input.recordedById ?? null,
      reason: input.reason,
      externalRef: input.externalRef,
    } satisfies Prisma.CompletionUncheckedCreateInput,
  });
  // The assignment is fulfilled; history stays (status, not delete).
  await tx.enrollment.updateMany({
    where: { personId: input.personId, courseId: input.courseId, status: 'active' },
    data: { status: 'completed' },
  });
  // The maintained compliance status moves in this same transaction (team views read it).
  await refreshComplianceStatus(tx, clock.now(), { kind: 'people', personIds: [input.personId] });
  const renewedFrom =
    previous?.expiresAt && expiresAt && previous.expiresAt > input.completedAt ? previous.expiresAt : null;
  await recordAudit(tx, {
    actorId: input.recordedById ?? null,
    action: 'completion.recorded',
    entityType: 'Completion',
    entityId: completion.id,
    after: {
      personId: input.personId,
      courseId: input.courseId,
      source: input.source,
      completedAt: input.completedAt,
      expiresAt,
      reason: input.reason,
    },
  });
  // An imported external certificate is its own proof; we only issue for learning we witnessed.
  const certificate =
    course.grantsCertificate && input.source !== 'external'
      ? await issueCertificate(tx, { ...completion, expiresAt }, input.recordedById ?? null)
      : null;
  return { kind: 'recorded', completionId: completion.id, expiresAt, renewedFrom, certificate };
}

/** Older dates are typing mistakes (1900 for 2000), not training records. */
export const EARLIEST_COMPLETION = new Date('1970-01-01T00:00:00Z');
/** Decimal(8, 2) in the schema; scores are points or percentages, never negative. */
export const MAX_SCORE = 999_999.99;

export function isValidScore(score: number): boolean {
  return Number.isFinite(score) && score >= 0 && score <= MAX_SCORE;
}

function validate(input: RecordCompletionInput, now: Date): void {
  if (Number.isNaN(input.completedAt.getTime()))
    throw new AppError('VALIDATION', 'The completion date is not a valid date.');
  if (input.completedAt.getTime() > now.getTime() + 60_000) {
    throw new AppError('VALIDATION', 'A completion cannot be in the future.');
  }
  if (input.completedAt.getTime() < EARLIEST_COMPLETION.getTime()) {
    throw new AppError('VALIDATION', 'The completion date cannot be before 1970.');
  }
  if (input.score != null && !isValidScore(input.score)) {
    throw new AppError('VALIDATION', `The score must be a number from 0 to ${MAX_SCORE}.`);
  }
  if (input.expiresAt && Number.isNaN(input.expiresAt.getTime()))
    throw new AppError('VALIDATION', 'The expiry date is not a valid date.');
  if (input.expiresAt && input.expiresAt.getTime() <= input.completedAt.getTime()) {
    throw new AppError('VALIDATION', 'The expiry date must be after the completion date.');
  }
  if (input.percent != null && (input.percent < 0 || input.percent > 100)) {
    throw new AppError('VALIDATION', 'Completion percentage must be between 0 and 100.');
  }
  if (input.source === 'manual' && !input.reason?.trim()) {
    throw new AppError('VALIDATION', 'A manual completion needs a reason.');
  }
  if (input.source === 'scorm' && !input.attemptId)
    throw new AppError('VALIDATION', 'A SCORM completion needs its attempt.');
  if (input.source === 'attendance' && !input.registrationId) {
    throw new AppError('VALIDATION', 'An attendance completion needs its registration.');
  }
  if (input.source === 'external' && !input.externalRef?.trim()) {
    throw new AppError('VALIDATION', 'An imported completion needs its external reference.');
  }
}

async function findSameEvidence(tx: DbClient, input: RecordCompletionInput) {
  const select = { id: true, expiresAt: true } as const;
  if (input.attemptId) return tx.completion.findUnique({ where: { attemptId: input.attemptId }, select });
  if (input.registrationId)
    return tx.completion.findUnique({ where: { registrationId: input.registrationId }, select });
  if (input.externalRef) {
    return tx.completion.findFirst({
      where: { personId: input.personId, courseId: input.courseId, externalRef: input.externalRef },
      select,
    });
  }
  return null;
}
