/**
 * Scheduling a series in Teams is a dialog (task module), as in Slack's modal: typing
 * "schedule" in a personal chat answers with a card whose button opens it (`task/fetch`,
 * answered with an Adaptive Card form); `task/submit` brings the inputs back, checked by the
 * same rules as Slack's form (adapters/shared/schedule-form.ts). Errors come back in the
 * dialog beside their fields, with what was typed kept; a valid form becomes the sentence an
 * admin would type and goes through the core like any other turn.
 */
import { readScheduleForm, type ScheduleField, type ScheduleSubmission } from '../shared/schedule-form.ts';
import { ADAPTIVE_CARD_TYPE, type AdaptiveCard } from './render-reply.ts';

/** Marks the card data that belongs to this dialog (on the opener and on the form's submit). */
export const SCHEDULE_DIALOG = 'schedule';
const TITLE = 'Schedule sessions';

/** The card in the chat that opens the dialog (Teams' `msteams.type: task/fetch` submit). */
export function scheduleOpenerCard(): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [{ type: 'TextBlock', text: 'Schedule a weekly series of sessions in a form.', wrap: true }],
    actions: [
      {
        type: 'Action.Submit',
        title: 'Open the form',
        data: { msteams: { type: 'task/fetch' }, rollcallDialog: SCHEDULE_DIALOG },
      },
    ],
  };
}

export type DialogValues = Partial<Record<ScheduleField, string>>;

/** The form, with what was typed kept and each field's error shown under it. */
export function scheduleDialogCard(
  values: DialogValues = {},
  errors: Record<string, string> = {},
): AdaptiveCard {
  const field = (id: ScheduleField, label: string, input: Record<string, unknown>, required = true) => {
    const out: Record<string, unknown>[] = [
      {
        id,
        label,
        isRequired: required,
        errorMessage: `${label} is needed.`,
        ...input,
        ...(values[id] !== undefined && values[id] !== '' ? { value: values[id] } : {}),
      },
    ];
    if (errors[id])
      out.push({ type: 'TextBlock', text: errors[id], color: 'Attention', wrap: true, spacing: 'None' });
    return out;
  };
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      ...field('course', 'Course code or title', { type: 'Input.Text', placeholder: 'FA-101' }),
      ...field('start_date', 'First session', { type: 'Input.Date' }),
      ...field('start_time', 'Start time', { type: 'Input.Time', value: '09:00' }),
      ...field('weeks', 'Every week, for how many weeks', {
        type: 'Input.Number',
        min: 1,
        max: 52,
        value: 1,
      }),
      ...field('venue', 'Venue', { type: 'Input.Text' }, false),
      ...field('instructors', 'Instructors (names, comma separated)', { type: 'Input.Text' }, false),
      ...field('seats', 'Seats', { type: 'Input.Number', min: 1, max: 500 }),
    ],
    actions: [{ type: 'Action.Submit', title: 'Review', data: { rollcallDialog: SCHEDULE_DIALOG } }],
  };
}

/** `task/fetch` and an invalid `task/submit` both answer with the dialog. */
export function dialogResponse(card: AdaptiveCard): Record<string, unknown> {
  return {
    task: {
      type: 'continue',
      value: {
        title: TITLE,
        width: 'medium',
        height: 'large',
        card: { contentType: ADAPTIVE_CARD_TYPE, content: card },
      },
    },
  };
}

/** A valid submission closes the dialog with a short line; the answer itself goes to the chat. */
export function dialogDone(text: string): Record<string, unknown> {
  return { task: { type: 'message', value: text } };
}

/** The submitted inputs (strings or numbers, depending on the client) read as the shared form. */
export function readDialogSubmission(data: Record<string, unknown>): {
  submission: ScheduleSubmission;
  values: DialogValues;
} {
  const values: DialogValues = {};
  const submission = readScheduleForm((name) => {
    const raw = data[name];
    const value = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : '';
    values[name] = value;
    return value;
  });
  return { submission, values };
}

/** Whether an invoke's data belongs to this dialog. */
export function isScheduleDialog(data: unknown): data is Record<string, unknown> {
  return (data as { rollcallDialog?: unknown } | undefined)?.rollcallDialog === SCHEDULE_DIALOG;
}
