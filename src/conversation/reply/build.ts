/**
 * Reply builders. Every reply ends with what the person can do next (buttons), and every
 * time is shown in the reader's zone with the zone named.
 */
import { formatRange } from '../../shared/time.ts';
import { DEFAULT_LOCALE } from './locale.ts';
import type { Reply, ReplyBlock, ReplyButton, ReplyFile } from '../types.ts';
import type { SessionSummary } from './session-summary.ts';

/** A button that, when pressed, sends `text` as if typed: the simplest next step. */
export const say = (label: string, text: string, style?: ReplyButton['style']): ReplyButton => ({
  label,
  actionId: 'say',
  value: text,
  ...(style ? { style } : {}),
});

export function reply(
  text: string,
  options: {
    blocks?: ReplyBlock[];
    next?: ReplyButton[];
    files?: ReplyFile[];
    awaitingAnswer?: boolean;
  } = {},
): Reply {
  const blocks: ReplyBlock[] = [{ type: 'section', text }, ...(options.blocks ?? [])];
  const next = options.next?.length ? options.next : [say('What can I ask?', 'help')];
  blocks.push({ type: 'buttons', buttons: next.slice(0, 5) });
  return {
    text,
    blocks,
    ...(options.files ? { files: options.files } : {}),
    ...(options.awaitingAnswer ? { awaitingAnswer: true } : {}),
  };
}

export function sessionLine(s: SessionSummary, zone: string, locale = DEFAULT_LOCALE): string {
  const left = Math.max(0, s.capacity - s.seatsTaken);
  const seats =
    left > 0
      ? `${left} seat${left === 1 ? '' : 's'} left`
      : `full${s.waitlisted ? `, ${s.waitlisted} waiting` : ''}`;
  return `${s.courseTitle} (${s.courseCode}) — ${formatRange(s.startsAt, s.endsAt, zone, locale)}, ${s.where}, ${seats}`;
}

export function sessionsTable(
  sessions: SessionSummary[],
  zone: string,
  title?: string,
  locale = DEFAULT_LOCALE,
): ReplyBlock {
  return {
    type: 'table',
    ...(title ? { title } : {}),
    columns: ['#', 'Course', 'When', 'Where', 'Seats'],
    rows: sessions.map((s, i) => [
      String(i + 1),
      `${s.courseTitle} (${s.courseCode})`,
      formatRange(s.startsAt, s.endsAt, zone, locale),
      s.where,
      s.capacity - s.seatsTaken > 0
        ? `${s.capacity - s.seatsTaken} of ${s.capacity} left`
        : `full (${s.waitlisted} waiting)`,
    ]),
  };
}

export function sessionChoices(
  sessions: SessionSummary[],
  zone: string,
  prompt: string,
  locale = DEFAULT_LOCALE,
): ReplyBlock {
  return {
    type: 'choices',
    prompt,
    actionId: 'choose',
    choices: sessions.map((s, i) => ({
      label: `${i + 1}. ${s.courseTitle} — ${formatRange(s.startsAt, s.endsAt, zone, locale)}`,
      value: String(i + 1),
    })),
  };
}

export const confirmButtons = (yesLabel = 'Yes, go ahead'): ReplyButton[] => [
  { label: yesLabel, actionId: 'confirm', value: 'yes', style: 'primary' },
  { label: 'No, leave it', actionId: 'confirm', value: 'no' },
];
