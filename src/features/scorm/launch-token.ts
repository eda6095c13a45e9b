/**
 * Launch tokens: the only credential a SCORM player has. The content runs in a browser the
 * learner opened from a chat link, and its final commit goes by navigator.sendBeacon, which
 * cannot carry custom headers; so the token rides in the URL path and is HMAC-signed,
 * expiring, and bound to one person, course and attempt.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config.ts';
import { AppError } from '../../shared/app-error.ts';

export interface LaunchClaims {
  personId: string;
  courseId: string;
  attemptId: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

/** How long a launch link (and the commits it authenticates) stays valid. */
export const LAUNCH_TOKEN_TTL_SECONDS = 12 * 60 * 60;

type SecretConfig = Pick<Config, 'LAUNCH_TOKEN_SECRET'> &
  Partial<Pick<Config, 'LAUNCH_TOKEN_SECRET_PREVIOUS'>>;

// Start-up fills LAUNCH_TOKEN_SECRET from the database when the environment has none
// (src/startup.ts); this per-process fallback only serves code run without start-up.
let processSecret: Buffer | undefined;

function secretOf(config: SecretConfig): Buffer {
  if (config.LAUNCH_TOKEN_SECRET) return Buffer.from(config.LAUNCH_TOKEN_SECRET, 'utf8');
  processSecret ??= randomBytes(32);
  return processSecret;
}

/** The current secret, then the one before a rotation (its links live out their 12 hours). */
function acceptedSecrets(config: SecretConfig): Buffer[] {
  const previous = config.LAUNCH_TOKEN_SECRET_PREVIOUS;
  return [secretOf(config), ...(previous ? [Buffer.from(previous, 'utf8')] : [])];
}

const sign = (secret: Buffer, payload: string): string =>
  createHmac('sha256', secret).update(payload).digest('base64url');

export function createLaunchToken(
  config: Pick<Config, 'LAUNCH_TOKEN_SECRET'>,
  claims: Omit<LaunchClaims, 'expiresAt'>,
  now: Date,
  ttlSeconds = LAUNCH_TOKEN_TTL_SECONDS,
): { token: string; expiresAt: Date } {
  const expiresAt = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const payload = Buffer.from(
    JSON.stringify({ p: claims.personId, c: claims.courseId, a: claims.attemptId, e: expiresAt }),
  ).toString('base64url');
  return { token: `${payload}.${sign(secretOf(config), payload)}`, expiresAt: new Date(expiresAt * 1000) };
}

/**
 * Tokens whose signature this process has checked, with their claims: a runtime commits with
 * the same token every few seconds for hours, and the HMAC and decoding were a fair share of
 * a commit's own work. An entry is reused only under the secret it was checked with, and the
 * expiry is checked on every use. Bounded; the oldest entry goes first.
 */
const MAX_VERIFIED = 20_000;
const verified = new Map<string, { claims: LaunchClaims; secrets: string }>();

/** Throws UNAUTHENTICATED for a malformed, forged or expired token; never says which part failed. */
export function verifyLaunchToken(config: SecretConfig, token: string, now: Date): LaunchClaims {
  const secrets = `${config.LAUNCH_TOKEN_SECRET ?? ''}\n${config.LAUNCH_TOKEN_SECRET_PREVIOUS ?? ''}`;
  const known = verified.get(token);
  const claims = known?.secrets === secrets ? known.claims : checkSignedClaims(config, token);
  if (claims.expiresAt * 1000 <= now.getTime()) {
    throw new AppError(
      'UNAUTHENTICATED',
      'This course link has expired. Ask Rollcall to launch the course again.',
    );
  }
  if (known?.claims !== claims) {
    if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value!);
    verified.set(token, { claims, secrets });
  }
  return { ...claims };
}

/** The token's claims if it is well formed and signed with an accepted secret (expiry not checked). */
function checkSignedClaims(config: SecretConfig, token: string): LaunchClaims {
  // Made only when refusing: an error captures a stack, and every commit verifies a token.
  const refused = () =>
    new AppError(
      'UNAUTHENTICATED',
      'This course link is not valid. Ask Rollcall to launch the course again.',
    );
  const match = /^([A-Za-z0-9_-]{10,1000})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) throw refused();
  const [, payload, signature] = match as unknown as [string, string, string];
  const given = Buffer.from(signature);
  const signedByAccepted = acceptedSecrets(config).some((secret) => {
    const expected = Buffer.from(sign(secret, payload));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!signedByAccepted) throw refused();
  let parsed: { p?: unknown; c?: unknown; a?: unknown; e?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  const { p, c, a, e } = parsed;
  if (typeof p !== 'string' || typeof c !== 'string' || typeof a !== 'string' || typeof e !== 'number')
    throw refused();
  return { personId: p, courseId: c, attemptId: a, expiresAt: e };
}
