/**
 * Scheduling a series is a form, not a chat: course, first date, time, weeks, venue,
 * instructors, seats. `/rollcall schedule` opens this modal; its submission is checked
 * field by field (errors shown next to the field, nothing saved) and then handed to the
 * core as the same sentence an admin would type, so it goes through the one scheduling
 * path with its conflict checks and confirmation step.
 */
import type { ModalView } from '@slack/types';
import { readScheduleForm, type ScheduleSubmission } from '../shared/schedule-form.ts';

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

export type { ScheduleSubmission } from '../shared/schedule-form.ts';

export function readScheduleSubmission(values: StateValues): ScheduleSubmission {
  return readScheduleForm((block) => {
    const v = values[block]?.value;
    return v?.value ?? v?.selected_date ?? v?.selected_time ?? '';
  });
}
