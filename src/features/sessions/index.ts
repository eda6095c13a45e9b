/** Scheduling: the API the chat, HTTP and CLI layers call. Each use case is (deps, actor, input). */
export {
  scheduleSession,
  type ScheduleSessionInput,
  type ScheduleSessionResult,
} from './schedule-session.ts';
export {
  scheduleSeries,
  type ScheduleSeriesInput,
  type ScheduleSeriesResult,
  type SubstituteInput,
} from './schedule-series.ts';
export {
  rescheduleSession,
  type RescheduleSessionInput,
  type RescheduleSessionResult,
} from './reschedule-session.ts';
export { cancelSession, type CancelSessionInput, type CancelSessionResult } from './cancel-session.ts';
export {
  assignInstructor,
  type AssignInstructorInput,
  type AssignInstructorResult,
} from './assign-instructor.ts';
export {
  recordAvailability,
  type RecordAvailabilityInput,
  type RecordAvailabilityResult,
} from './record-availability.ts';
export { findSessions, getSession, type FindSessionsInput, type SessionListing } from './find-sessions.ts';
export { findVenue, type VenueMatch } from './find-venue.ts';
export {
  expandRecurrence,
  describeRecurrence,
  ZRecurrenceRule,
  type RecurrenceRule,
  type Occurrence,
} from './recurrence.ts';
export type { InstructorInput, ConflictOverride } from './session-writer.ts';
export type { Conflict } from './conflicts.ts';
export type { LocalDayInput, DayInstants } from './local-dates.ts';
export { validateCapacity } from './session-writer.ts';
export { listSessions, type ListSessionsInput } from './list-sessions.ts';
export { claimSessionVersion, sessionVersion } from './claim-session-version.ts';
