/**
 * Issues the certificates that completions written outside recordCompletion never got (the
 * demo seed, a legacy import by SQL, a course switched to grant certificates later). Bounded
 * and idempotent: at most `limit` per run, the rest next run; imported external completions
 * are skipped as in recordCompletion.
 */
import type { DbClient } from '../../db/transaction.ts';
import { issueCertificate } from './issue-certificate.ts';

export async function backfillCertificates(tx: DbClient, limit = 1000): Promise<{ issued: number }> {
  const missing = await tx.completion.findMany({
    where: { certificate: null, source: { not: 'external' }, course: { grantsCertificate: true } },
    orderBy: { completedAt: 'asc' },
    take: limit,
    select: { id: true, personId: true, courseId: true, completedAt: true, expiresAt: true },
  });
  for (const completion of missing) await issueCertificate(tx, completion, null);
  return { issued: missing.length };
}
