/**
 * Scheduling a series is a form, not a chat: course, first date, time, weeks, venue,
 * instructors, seats. `/rollcall schedule` opens this modal; its submission is checked
 * field by field (errors shown next to the field, nothing saved) and then handed to the
 * core as the same sentence an admin would type, so it goes through the one scheduling
 * path with its conflict checks and confirmation step.
 */
import type { ModalView } from '@slack/types';

export const SCHEDULE_CALLBACK_ID = 'schedule_series';
/** The form's first input: where a message about the whole form is shown. */
export const SCHEDULE_FIRST_BLOCK = 'course';

export function scheduleModal(privateMetadata = ''): ModalView {
  const input = (blockId: string, label: string, element: Record<string, unknown>, optional = false) => ({
    type: 'input' as const,
    block_id: blockId,
    optional,
    label: { type: 'plain_text' as const, text: label },
    element: { action_id: 'value', ...element },
  });
  return {
    type: 'modal',
    callback_id: SCHEDULE_CALLBACK_ID,
    private_metadata: privateMetadata,
    title: { type: 'plain_text', text: 'Schedule sessions' },
    submit: { type: 'plain_text', text: 'Review' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      input('course', 'Course code or title', {
        type: 'plain_text_input',
        placeholder: { type: 'plain_text', text: 'FA-101' },
      }),
      input('start_date', 'First session', { type: 'datepicker' }),
      input('start_time', 'Start time', { type: 'timepicker', initial_time: '09:00' }),
      input('weeks', 'Every week, for how many weeks', {
        type: 'number_input',
        is_decimal_allowed: false,
        min_value: '1',
        max_value: '52',
        initial_value: '1',
      }),
      input('venue', 'Venue', { type: 'plain_text_input' }, true),
      input('instructors', 'Instructors (names, comma separated)', { type: 'plain_text_input' }, true),
      input('seats', 'Seats', {
        type: 'number_input',
        is_decimal_allowed: false,
        min_value: '1',
        max_value: '500',
      }),
    ],
  } as ModalView;
}

type StateValues = Record<
  string,
  Record<
    string,
    { type?: string; value?: string | null; selected_date?: string | null; selected_time?: string | null }
  >
>;

export type ScheduleSubmission = { ok: true; text: string } | { ok: false; errors: Record<string, string> };

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function readScheduleSubmission(values: StateValues): ScheduleSubmission {
  const field = (block: string) => {
    const v = values[block]?.value;
    return (v?.value ?? v?.selected_date ?? v?.selected_time ?? '').trim();
  };
  const errors: Record<string, string> = {};
  const course = field('course');
  if (!course) errors.course = 'Name the course, e.g. FA-101.';
  const date = field('start_date');
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T12:00:00Z`) : undefined;
  if (!day || Number.isNaN(day.getTime())) errors.start_date = 'Pick the date of the first session.';
  const time = field('start_time');
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) errors.start_time = 'Pick a start time.';
  const weeks = Number(field('weeks'));
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) errors.weeks = 'Between 1 and 52 weeks.';
  const seats = Number(field('seats'));
  if (!Number.isInteger(seats) || seats < 1 || seats > 500) errors.seats = 'Between 1 and 500 seats.';
  if (Object.keys(errors).length) return { ok: false, errors };

  const venue = field('venue');
  const instructors = field('instructors')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const weekday = WEEKDAYS[day!.getUTCDay()]!;
  const parts = [
    `schedule ${course} every ${weekday} ${time} for ${weeks} week${weeks === 1 ? '' : 's'} starting ${date}`,
    venue ? ` in ${venue}` : '',
    instructors.length ? ` with ${joinNames(instructors)}` : '',
    `, ${seats} seats`,
  ];
  return { ok: true, text: parts.join('') };
}

function joinNames(names: string[]): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
