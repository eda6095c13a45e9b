import { randomBytes } from 'node:crypto';

/** Crockford base32 without I, L, O, U: nothing to misread when typed from paper. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A human-readable certificate number, e.g. `RC-2026-7K3M-9QXH`: the year of issue and 40
 * random bits. The number is also the only key to the public verification page, so it must
 * not be guessable or sequential (a counter would let anyone enumerate every certificate).
 */
export function newCertificateNumber(issuedAt: Date, random: (n: number) => Buffer = randomBytes): string {
  const bytes = random(5);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let code = '';
  for (let i = 0; i < 8; i += 1) {
    code = ALPHABET[Number(bits & 31n)]! + code;
    bits >>= 5n;
  }
  return `RC-${issuedAt.getUTCFullYear()}-${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Accepts what people type: any case, spaces, missing dashes. Null when it cannot be one. */
export function normaliseCertificateNumber(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const match = /^RC(\d{4})([0-9A-HJKMNP-TV-Z]{8})$/.exec(compact);
  if (!match) return null;
  return `RC-${match[1]}-${match[2]!.slice(0, 4)}-${match[2]!.slice(4)}`;
}
