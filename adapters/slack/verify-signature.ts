/**
 * Slack signs every request: v0=HMAC-SHA256(secret, "v0:{timestamp}:{raw body}"). The check
 * must run on the exact bytes received, before any parsing. Bolt's verifier rejects stale
 * timestamps only; a timestamp far in the future is as suspicious (a captured request
 * replayed later), so both directions are held to Slack's 5-minute window.
 */
import { verifySlackRequest } from '@slack/bolt';

export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export function checkSlackSignature(input: {
  signingSecret: string;
  rawBody: string;
  signature: string | undefined;
  timestamp: string | undefined;
  nowMs: number;
}): SignatureCheck {
  if (!input.signature || !input.timestamp) return { ok: false, reason: 'missing signature headers' };
  if (!/^\d{1,12}$/.test(input.timestamp)) return { ok: false, reason: 'malformed timestamp' };
  const timestamp = Number(input.timestamp);
  const skew = timestamp - Math.floor(input.nowMs / 1000);
  if (skew > SIGNATURE_WINDOW_SECONDS) return { ok: false, reason: 'timestamp in the future' };
  if (-skew > SIGNATURE_WINDOW_SECONDS) return { ok: false, reason: 'stale timestamp' };
  try {
    verifySlackRequest({
      signingSecret: input.signingSecret,
      body: input.rawBody,
      headers: { 'x-slack-signature': input.signature, 'x-slack-request-timestamp': timestamp },
      nowMilliseconds: input.nowMs,
    });
    return { ok: true };
  } catch {
    return { ok: false, reason: 'signature mismatch' };
  }
}
