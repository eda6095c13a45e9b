/** Attendance: the API the chat, HTTP and CLI layers call. */
export {
  recordAttendance,
  reconcile,
  type RecordAttendanceInput,
  type RecordAttendanceResult,
  type AttendanceEntry,
} from './record-attendance.ts';
export { sessionRoster, type SessionRoster, type RosterRow, type RosterCounts } from './session-roster.ts';
export {
  attendanceReport,
  type AttendanceReportInput,
  type AttendanceReportRow,
} from './attendance-report.ts';
export { viewSessionRoster, type VisibleRoster, type VisibleRosterLine } from './view-session-roster.ts';
