/**
 * "Send me my forklift certificate": a person's certificates (or, for a manager or admin,
 * someone's they may see), and one certificate's PDF by number for the chat to attach.
 */
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../people/actor.ts';
import { assertCanActFor } from '../people/authorize.ts';
import { normaliseCertificateNumber } from './certificate-number.ts';
import { renderCertificatePdf } from './render-certificate-pdf.ts';
import { certificateUrl, verifyCertificate, type CertificateValidity } from './verify-certificate.ts';

export interface CertificateListItem {
  number: string;
  courseId: string;
  courseCode: string;
  courseTitle: string;
  issuedAt: Date;
  expiresAt: Date | null;
  status: CertificateValidity;
  verificationUrl: string;
  pdfUrl: string;
}

export async function myCertificates(
  deps: Deps,
  actor: Actor,
  input: { personId?: string },
): Promise<CertificateListItem[]> {
  const personId = input.personId ?? actor.personId;
  await assertCanActFor(deps.db.prisma, actor, personId);
  const now = deps.clock.now();
  const rows = await deps.db.prisma.certificate.findMany({
    where: { completion: { personId } },
    orderBy: { issuedAt: 'desc' },
    include: {
      completion: {
        select: { courseId: true, expiresAt: true, course: { select: { code: true, title: true } } },
      },
    },
  });
  return rows.map(({ completion, ...c }) => {
    const url = certificateUrl(deps.config.publicUrl, c.number);
    return {
      number: c.number,
      courseId: completion.courseId,
      courseCode: completion.course.code,
      courseTitle: completion.course.title,
      issuedAt: c.issuedAt,
      expiresAt: completion.expiresAt,
      status:
        c.revokedAt && c.revokedAt <= now
          ? 'revoked'
          : completion.expiresAt && completion.expiresAt <= now
            ? 'expired'
            : 'valid',
      verificationUrl: url,
      pdfUrl: `${url}.pdf`,
    };
  });
}

/** The PDF of one of the actor's (or their report's) certificates, ready to attach. */
export async function certificatePdf(
  deps: Deps,
  actor: Actor,
  input: { number: string },
): Promise<{ filename: string; pdf: Buffer }> {
  const number = normaliseCertificateNumber(input.number);
  const cert = number
    ? await deps.db.prisma.certificate.findUnique({
        where: { number },
        select: { completion: { select: { personId: true } } },
      })
    : null;
  if (!cert) throw new AppError('NOT_FOUND', 'No certificate has that number.');
  await assertCanActFor(deps.db.prisma, actor, cert.completion.personId);
  const view = await verifyCertificate(deps, { number: number! });
  if (view.status === 'revoked') throw new AppError('INVALID_STATE', 'That certificate has been revoked.');
  return { filename: `${view.number}.pdf`, pdf: await renderCertificatePdf(view) };
}
