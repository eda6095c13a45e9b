import { describe, expect, it } from 'vitest';
import {
  newCertificateNumber,
  normaliseCertificateNumber,
} from '../../../../src/features/certificates/certificate-number.ts';

describe('certificate numbers', () => {
  it('are human-readable and normalise what people type', () => {
    const number = newCertificateNumber(new Date('2026-03-01T00:00:00Z'), () =>
      Buffer.from([0xff, 0, 0x12, 0x34, 0x56]),
    );
    expect(number).toMatch(/^RC-2026-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(normaliseCertificateNumber(number.toLowerCase().replace(/-/g, ' '))).toBe(number);
    expect(normaliseCertificateNumber('RC-2026-ABCD-EFG')).toBeNull();
    expect(normaliseCertificateNumber('<script>')).toBeNull();
  });
});
