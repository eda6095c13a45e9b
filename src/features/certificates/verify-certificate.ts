/**
 * Public verification of a certificate by its number. Reveals only what the certificate
 * itself shows (name, course, issue and expiry dates, number) plus whether it is valid,
 * expired or revoked; never e-mail, department, score or any other id.
 */
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { normaliseCertificateNumber } from './certificate-number.ts';

export type CertificateValidity = 'valid' | 'expired' | 'revoked';

export interface PublicCertificate {
  number: string;
  holderName: string;
  courseTitle: string;
  courseCode: string;
  issuedAt: Date;
  expiresAt: Date | null;
  status: CertificateValidity;
  verificationUrl: string;
}

export const certificateUrl = (publicUrl: string, number: string): string =>
  `${publicUrl}/certificates/${encodeURIComponent(number)}`;

/** Throws NOT_FOUND with the same words for malformed and unknown numbers. */
export async function verifyCertificate(deps: Deps, input: { number: string }): Promise<PublicCertificate> {
  const number = normaliseCertificateNumber(input.number);
  const notFound = new AppError('NOT_FOUND', 'No certificate has that number.');
  if (!number) throw notFound;
  const cert = await deps.db.prisma.certificate.findUnique({
    where: { number },
    select: {
      number: true,
      issuedAt: true,
      revokedAt: true,
      completion: {
        select: {
          expiresAt: true,
          person: { select: { name: true } },
          course: { select: { title: true, code: true } },
        },
      },
    },
  });
  if (!cert) throw notFound;
  const { expiresAt, person, course } = cert.completion;
  const now = deps.clock.now();
  const status: CertificateValidity =
    cert.revokedAt && cert.revokedAt <= now ? 'revoked' : expiresAt && expiresAt <= now ? 'expired' : 'valid';
  return {
    number: cert.number,
    holderName: person.name,
    courseTitle: course.title,
    courseCode: course.code,
    issuedAt: cert.issuedAt,
    expiresAt,
    status,
    verificationUrl: certificateUrl(deps.config.publicUrl, cert.number),
  };
}
