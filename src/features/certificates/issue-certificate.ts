/**
 * Issues the certificate for a completion, inside the transaction that records it, so a
 * completion of a certificate-granting course never exists without its certificate.
 */
import type { DbClient } from '../../db/transaction.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { newCertificateNumber } from './certificate-number.ts';

export interface IssuedCertificate {
  certificateId: string;
  number: string;
  issuedAt: Date;
  expiresAt: Date | null;
}

export async function issueCertificate(
  tx: DbClient,
  completion: { id: string; personId: string; courseId: string; completedAt: Date; expiresAt: Date | null },
  actorId: string | null,
): Promise<IssuedCertificate> {
  const existing = await tx.certificate.findUnique({ where: { completionId: completion.id } });
  // Whose and until when are the completion's: the certificate holds only its number and dates.
  if (existing)
    return {
      certificateId: existing.id,
      number: existing.number,
      issuedAt: existing.issuedAt,
      expiresAt: completion.expiresAt,
    };
  // 40 random bits: a clash is vanishingly rare, but a unique-violation would abort the
  // whole transaction on PostgreSQL, so look first and draw again.
  let number = newCertificateNumber(completion.completedAt);
  for (
    let i = 0;
    i < 5 && (await tx.certificate.findUnique({ where: { number }, select: { id: true } }));
    i += 1
  ) {
    number = newCertificateNumber(completion.completedAt);
  }
  // Issued "as of" the completion date: an imported past completion gets a certificate
  // dated when the learning happened.
  const certificate = await tx.certificate.create({
    data: {
      number,
      completionId: completion.id,
      issuedAt: completion.completedAt,
    },
  });
  await recordAudit(tx, {
    actorId,
    action: 'certificate.issued',
    entityType: 'Certificate',
    entityId: certificate.id,
    after: {
      number,
      completionId: completion.id,
      personId: completion.personId,
      courseId: completion.courseId,
    },
  });
  return {
    certificateId: certificate.id,
    number,
    issuedAt: certificate.issuedAt,
    expiresAt: completion.expiresAt,
  };
}
