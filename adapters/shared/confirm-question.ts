/**
 * "Confirm before acting": a button's own question, or a default one for presses that undo
 * something (cancelling a booking or a session, declining a request), so one click never
 * destroys anything even where the core set no question.
 */
import type { ReplyButton } from '../../src/conversation/types.ts';

const DESTRUCTIVE_ACTION = /^(cancel|decline)(_|$)/;

export function confirmQuestion(button: ReplyButton): string | undefined {
  if (button.url) return undefined;
  if (button.confirm) return button.confirm;
  if (DESTRUCTIVE_ACTION.test(button.actionId)) {
    return `${button.label}? This cannot be undone from here.`;
  }
  if (button.style === 'danger') return `${button.label}?`;
  return undefined;
}
