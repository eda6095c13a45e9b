/**
 * The one place AppError codes become words a person reads in chat. The use case's own
 * message is kept when it is specific; the lead-in says what it means and what to try.
 */
import { isAppError, type AppErrorCode } from '../../shared/app-error.ts';

const LEAD_IN: Record<AppErrorCode, string> = {
  VALIDATION: "I couldn't use that",
  NOT_FOUND: "I couldn't find that",
  FORBIDDEN: "Sorry, that's not something I can do for you",
  UNAUTHENTICATED: "I don't know who you are yet",
  CONFLICT: 'That clashes with something that changed meanwhile',
  SESSION_FULL: 'That session is full',
  SESSION_CLOSED: 'That session is no longer open for booking',
  CUTOFF_PASSED: 'Registration for that session has closed',
  ALREADY_BOOKED: "You're already on that session",
  CLASH: 'That clashes with another booking',
  PREREQUISITE_MISSING: 'There is a prerequisite to complete first',
  CAPACITY_BELOW_CONFIRMED: 'That would leave fewer seats than people booked',
  INSTRUCTOR_CONFLICT: 'The instructor is busy then',
  VENUE_CONFLICT: 'The venue is taken then',
  DEADLINE_PASSED: 'The deadline for that has passed',
  INVALID_STATE: "That can't be done in its current state",
  PAYLOAD_TOO_LARGE: 'That is too large for me',
  UNSUPPORTED: "I can't handle that kind of file",
  RATE_LIMITED: "You're going a bit fast",
  UPSTREAM: 'A service I depend on is not answering',
  INTERNAL: 'Something went wrong on my side',
};

/** Friendly text for any error; internal details never reach the person. */
export function errorWords(error: unknown): { code: AppErrorCode; text: string } {
  if (isAppError(error)) {
    const lead = LEAD_IN[error.code];
    const detail = error.userMessage && error.userMessage !== lead ? ` ${error.userMessage}` : '';
    return { code: error.code, text: `${lead}.${detail}` };
  }
  return {
    code: 'INTERNAL',
    text: `${LEAD_IN.INTERNAL}. Nothing was changed; please try again in a moment.`,
  };
}
