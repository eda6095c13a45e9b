/** Reminders: training reminders sent on behalf of a manager or admin. */
export {
  MAX_REMINDERS_PER_CALL,
  sendReminders,
  type SendRemindersInput,
  type SendRemindersResult,
} from './send-reminders.ts';
