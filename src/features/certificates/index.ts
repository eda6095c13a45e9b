/** Certificates: issued with a completion, listed, verified publicly, rendered as PDF. */
export { backfillCertificates } from './backfill-certificates.ts';
export { newCertificateNumber, normaliseCertificateNumber } from './certificate-number.ts';
export { issueCertificate, type IssuedCertificate } from './issue-certificate.ts';
export { myCertificates, certificatePdf, type CertificateListItem } from './my-certificates.ts';
export { renderCertificatePdf } from './render-certificate-pdf.ts';
export {
  certificateUrl,
  verifyCertificate,
  type CertificateValidity,
  type PublicCertificate,
} from './verify-certificate.ts';
