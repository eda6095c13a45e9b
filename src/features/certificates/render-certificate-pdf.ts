/**
 * The certificate as a one-page PDF (A4 landscape): holder, course, completion date, expiry,
 * number and the verification URL. Standard PDF fonts only, so nothing is read from disk.
 */
import type { PublicCertificate } from './verify-certificate.ts';

const fmt = (d: Date): string =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);

export async function renderCertificatePdf(cert: PublicCertificate): Promise<Buffer> {
  // Loaded on the first certificate, not at start: pdfkit and its fonts are ~10 MB and
  // ~0.1 s that a service which never renders one would carry.
  const { default: PDFDocument } = await import('pdfkit');
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: 56,
      info: { Title: `Certificate ${cert.number}`, Author: 'Rollcall', Subject: cert.courseTitle },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const width = doc.page.width - 112;
    doc
      .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
      .lineWidth(2)
      .stroke('#1f3a5f');
    doc
      .moveDown(2)
      .font('Helvetica-Bold')
      .fontSize(30)
      .fillColor('#1f3a5f')
      .text('Certificate of Completion', { align: 'center', width });
    doc
      .moveDown(1.2)
      .font('Helvetica')
      .fontSize(14)
      .fillColor('#333')
      .text('This certifies that', { align: 'center', width });
    doc
      .moveDown(0.6)
      .font('Helvetica-Bold')
      .fontSize(26)
      .fillColor('#000')
      .text(cert.holderName, { align: 'center', width });
    doc
      .moveDown(0.6)
      .font('Helvetica')
      .fontSize(14)
      .fillColor('#333')
      .text('has completed', { align: 'center', width });
    doc
      .moveDown(0.6)
      .font('Helvetica-Bold')
      .fontSize(20)
      .fillColor('#000')
      .text(`${cert.courseTitle} (${cert.courseCode})`, { align: 'center', width });
    doc.moveDown(1.2).font('Helvetica').fontSize(13).fillColor('#333');
    doc.text(`Completed: ${fmt(cert.issuedAt)}`, { align: 'center', width });
    doc.text(cert.expiresAt ? `Valid until: ${fmt(cert.expiresAt)}` : 'Does not expire', {
      align: 'center',
      width,
    });
    doc.moveDown(1.5).fontSize(11).fillColor('#555');
    doc.text(`Certificate number: ${cert.number}`, { align: 'center', width });
    doc.text(`Verify at: ${cert.verificationUrl}`, {
      align: 'center',
      width,
      link: cert.verificationUrl,
      underline: false,
    });
    doc.end();
  });
}
