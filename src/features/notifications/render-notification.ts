import type { Reply } from '../../shared/reply.ts';

/**
 * Turns an outbox row into a message. Producers put the sentence in `payload.text` (they know
 * the context best) and may add `buttons`; known kinds get a heading.
 */
export function renderNotification(kind: string, payload: Record<string, unknown>): Reply {
  const text =
    typeof payload.text === 'string' && payload.text.trim() ? payload.text : fallbackText(kind, payload);
  const buttons = Array.isArray(payload.buttons) ? (payload.buttons as Reply['blocks'][number][]) : [];
  const blocks: Reply['blocks'] = [{ type: 'section', text }];
  if (buttons.length) blocks.push({ type: 'buttons', buttons: buttons as never });
  return { text, blocks };
}

function fallbackText(kind: string, payload: Record<string, unknown>): string {
  const title = typeof payload.courseTitle === 'string' ? payload.courseTitle : 'your training';
  switch (kind) {
    case 'registration.promoted':
      return `Good news: a seat opened up and you are now booked on ${title}.`;
    case 'registration.offered':
      return `A seat is free on ${title}. Accept it before the offer lapses.`;
    case 'session.cancelled':
      return `${title} has been cancelled. We will let you know about new dates.`;
    case 'session.rescheduled':
      return `${title} has moved. Check "what am I booked on?" for the new time.`;
    case 'session.reminder':
      return `Reminder: ${title} starts soon.`;
    case 'session.followup':
      return `Thanks for attending ${title}. How was it?`;
    case 'course.completed':
      return `You completed ${title}.`;
    default:
      return `Update about ${title}.`;
  }
}
