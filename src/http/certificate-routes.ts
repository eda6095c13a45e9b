/**
 * Public certificate verification, no login: GET /certificates/:number answers JSON or HTML
 * by Accept; GET /certificates/:number.pdf gives the PDF.
 *
 * The PDF needs nothing more than the number, on purpose: the number is 40 random bits
 * (not enumerable), whoever holds it has been handed the certificate by its holder, and the
 * PDF shows exactly the facts the verification page already shows (name, course, dates,
 * number, URL) and nothing else. Asking for a login would stop an employer checking a
 * candidate's certificate, which is the point of printing the URL on it. A revoked
 * certificate's PDF is not served (410), so a revoked one cannot be re-downloaded and shown.
 * Unknown or malformed numbers give the same 404 with nothing about why.
 */
import { Hono } from 'hono';
import type { Deps } from '../deps.ts';
import { renderCertificatePdf } from '../features/certificates/render-certificate-pdf.ts';
import { verifyCertificate, type PublicCertificate } from '../features/certificates/verify-certificate.ts';
import { AppError } from '../shared/app-error.ts';

export function certificateRoutes(deps: Deps): Hono {
  const app = new Hono();
  app.get('/certificates/:number', async (c) => {
    const raw = c.req.param('number');
    const wantsPdf = raw.toLowerCase().endsWith('.pdf');
    const number = wantsPdf ? raw.slice(0, -4) : raw;
    let cert: PublicCertificate;
    try {
      cert = await verifyCertificate(deps, { number });
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        return c.json({ error: { code: 'NOT_FOUND', message: 'No certificate has that number.' } }, 404);
      }
      throw error;
    }
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex');
    if (wantsPdf) {
      if (cert.status === 'revoked')
        return c.json(
          { error: { code: 'INVALID_STATE', message: 'This certificate has been revoked.' } },
          410,
        );
      const pdf = await renderCertificatePdf(cert);
      return c.body(new Uint8Array(pdf), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="${cert.number}.pdf"`,
      });
    }
    const body = {
      number: cert.number,
      name: cert.holderName,
      course: cert.courseTitle,
      courseCode: cert.courseCode,
      issuedAt: cert.issuedAt.toISOString(),
      expiresAt: cert.expiresAt?.toISOString() ?? null,
      status: cert.status,
    };
    if ((c.req.header('accept') ?? '').includes('text/html')) return c.html(certificateHtml(cert));
    return c.json(body);
  });
  return app;
}

const esc = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
const day = (d: Date): string =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(d);

function certificateHtml(cert: PublicCertificate): string {
  const label = { valid: 'Valid', expired: 'Expired', revoked: 'Revoked' }[cert.status];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<title>Certificate ${esc(cert.number)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}
.status{font-weight:bold}.valid{color:#176b2c}.expired,.revoked{color:#a11}</style></head>
<body><h1>Certificate ${esc(cert.number)}</h1>
<p class="status ${cert.status}">${label}</p>
<dl><dt>Name</dt><dd>${esc(cert.holderName)}</dd>
<dt>Course</dt><dd>${esc(cert.courseTitle)} (${esc(cert.courseCode)})</dd>
<dt>Issued</dt><dd>${day(cert.issuedAt)}</dd>
<dt>Expires</dt><dd>${cert.expiresAt ? day(cert.expiresAt) : 'Does not expire'}</dd></dl>
<p><a href="${esc(cert.verificationUrl)}.pdf">Download PDF</a></p></body></html>`;
}
