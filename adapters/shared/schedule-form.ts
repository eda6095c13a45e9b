/**
 * The scheduling form's fields, checked the same way in Slack's modal and Teams' dialog:
 * field by field (each error keyed by the field's name, nothing saved), then turned into the
 * sentence an admin would type, so both go through the core's one scheduling path with its
 * conflict checks and confirmation step.
 */
export type ScheduleSubmission = { ok: true; text: string } | { ok: false; errors: Record<string, string> };

/** The form's fields, in order: the names both platforms use for their inputs. */
export const SCHEDULE_FIELDS = [
  'course',
  'start_date',
  'start_time',
  'weeks',
  'venue',
  'instructors',
  'seats',
] as const;
export type ScheduleField = (typeof SCHEDULE_FIELDS)[number];

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `read` gives a field's raw value ('' when empty): a date as YYYY-MM-DD, a time as HH:mm. */
export function readScheduleForm(
  read: (field: ScheduleField) => string | undefined | null,
): ScheduleSubmission {
  const field = (name: ScheduleField) => (read(name) ?? '').trim();
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
