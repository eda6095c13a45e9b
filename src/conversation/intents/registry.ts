/** Intent name → handler: every intent is wired to the use cases that serve it. */
import { handleHelp } from './help.ts';
import { handleFindSessions, handleMyBookings, handleSessionRoster } from './sessions.ts';
import { handleUnknown } from './unknown.ts';
import { handleRecommend } from './recommend.ts';
import { handleNudge } from './nudge.ts';
import {
  handleApproveRequest,
  handleBookSession,
  handleCancelBooking,
  handleJoinWaitlist,
} from './booking.ts';
import {
  handleLaunchCourse,
  handleMyCertificates,
  handleMyLearning,
  handleTeamCompliance,
} from './learning.ts';
import { handleAddCost, handleRecordAttendance, handleScheduleSessions } from './admin.ts';
import { handleReport } from './report.ts';
import { handleCancelSession, handleRescheduleSession } from './session-changes.ts';
import { handleChangeCapacity, handleTransferRegistration } from './seat-changes.ts';
import { handleJourneyProgress, handleMyJourneys, handleStartJourney } from './journeys.ts';
import { handleAssignInstructor } from './instructors.ts';
import { handleAddVendor, handleRaisePurchaseOrder } from './purchasing.ts';
import { handleSetCertificateValidity } from './course-settings.ts';
import { handleOpenWebChat } from './web-link.ts';
import type { IntentHandlers } from './turn.ts';

export const INTENT_HANDLERS: IntentHandlers = {
  help: handleHelp,
  find_sessions: handleFindSessions,
  my_bookings: handleMyBookings,
  session_roster: handleSessionRoster,
  unknown: handleUnknown,
  open_web_chat: handleOpenWebChat,
  book_session: handleBookSession,
  join_waitlist: handleJoinWaitlist,
  cancel_booking: handleCancelBooking,
  my_learning: handleMyLearning,
  launch_course: handleLaunchCourse,
  my_certificates: handleMyCertificates,
  recommend: handleRecommend,
  team_compliance: handleTeamCompliance,
  nudge: handleNudge,
  approve_request: handleApproveRequest,
  record_attendance: handleRecordAttendance,
  schedule_sessions: handleScheduleSessions,
  add_cost: handleAddCost,
  report: handleReport,
  reschedule_session: handleRescheduleSession,
  cancel_session: handleCancelSession,
  transfer_registration: handleTransferRegistration,
  change_capacity: handleChangeCapacity,
  my_journeys: handleMyJourneys,
  journey_progress: handleJourneyProgress,
  start_journey: handleStartJourney,
  assign_instructor: handleAssignInstructor,
  add_vendor: handleAddVendor,
  raise_purchase_order: handleRaisePurchaseOrder,
  set_certificate_validity: handleSetCertificateValidity,
};
