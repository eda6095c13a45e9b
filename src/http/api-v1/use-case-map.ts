/**
 * Every function exported from src/features/<area>/index.ts, and where people reach it: an
 * /api/v1 operation (by operationId), a chat intent, another HTTP surface, a job, or
 * `internal` for helpers and rules that are not use cases. test/integration/api-v1/
 * use-case-coverage.test.ts fails when an export is missing here, when an operationId or
 * intent named here does not exist, and prints the `notYet` list.
 */
export type Reach = {
  /** /api/v1 operationIds. */
  api?: string[];
  /** Chat intents (src/conversation/intents/registry.ts). */
  chat?: string[];
  /** Another route outside /api/v1 (SCORM player, web chat, certificate page, /api/lms). */
  http?: string;
  /** A periodic job in src/jobs. */
  job?: string;
  /** Not a use case: a rule, helper or building block called by use cases and adapters. */
  internal?: string;
  /** A use case nobody can reach yet: say why. */
  notYet?: string;
};

const helper = (why = 'helper used by use cases'): Reach => ({ internal: why });

export const USE_CASE_MAP: Record<string, Reach> = {
  // assignments
  'assignments.assignCourse': { api: ['assignCourse'], http: 'POST /api/lms/assignments' },
  'assignments.createAssignmentRule': {
    api: ['createAssignmentRule'],
    http: 'POST /api/lms/assignment-rules',
  },
  'assignments.evaluateAssignmentRules': helper(
    'run inside updatePerson, createAssignmentRule and the rules job',
  ),
  'assignments.listAssignmentRules': { api: ['listAssignmentRules'] },
  'assignments.runAssignmentRules': { api: ['runAssignmentRules'], job: 'assignment rules' },
  'assignments.updatePerson': { api: ['updatePerson'] },
  // attendance
  'attendance.attendanceReport': { api: ['attendanceReport'], chat: ['report'] },
  'attendance.reconcile': helper('pure rule behind recordAttendance'),
  'attendance.recordAttendance': { api: ['recordAttendance'], chat: ['record_attendance'] },
  'attendance.sessionRoster': { api: ['getSessionRoster'], chat: ['record_attendance'] },
  'attendance.viewSessionRoster': { chat: ['session_roster'] },
  // audit
  'audit.listAuditEvents': { api: ['listAuditEvents'] },
  'audit.recordAudit': helper('written by every use case that changes something'),
  // catalogue
  'catalogue.claimCourseVersion': { api: ['updateCourse', 'setCertificateSettings', 'setPrerequisites'] },
  'catalogue.clearWinners': helper('course matching rule'),
  'catalogue.enrolSelf': { chat: ['launch_course'] },
  'catalogue.findCourses': { http: 'GET /api/lms/courses' },
  'catalogue.findProgramme': { chat: ['report'] },
  'catalogue.getCourse': { api: ['getCourse'], chat: ['launch_course', 'schedule_sessions'] },
  'catalogue.getCourseRecord': { api: ['getCourse', 'updateCourse'] },
  'catalogue.getCourseSettings': { api: ['getCourse'], chat: ['set_certificate_validity'] },
  'catalogue.listCourses': { api: ['listCourses'] },
  'catalogue.listProgrammes': { api: ['listProgrammes'] },
  'catalogue.loadCatalogue': helper('catalogue loader behind findCourses and matchCourses'),
  'catalogue.matchCourses': { chat: ['find_sessions', 'book_session'] },
  'catalogue.missingPrerequisites': helper('rule behind booking and enrolment'),
  'catalogue.rankCourses': helper('course matching rule'),
  'catalogue.saveCourse': {
    api: ['saveCourse', 'updateCourse', 'setCertificateSettings', 'setPrerequisites'],
    chat: ['set_certificate_validity'],
  },
  'catalogue.scoreCourse': helper('course matching rule'),
  'catalogue.toSummary': helper('row → summary mapper'),
  'catalogue.withinOneEdit': helper('course matching rule'),
  // certificates
  'certificates.backfillCertificates': helper('migration-time backfill, called with a transaction'),
  'certificates.certificatePdf': { api: ['getCertificatePdf'], chat: ['my_certificates'] },
  'certificates.certificateUrl': helper('URL builder'),
  'certificates.issueCertificate': helper('issued inside recordCompletion'),
  'certificates.myCertificates': { api: ['listPersonCertificates'], chat: ['my_certificates'] },
  'certificates.newCertificateNumber': helper('number generator'),
  'certificates.normaliseCertificateNumber': helper('number parser'),
  'certificates.renderCertificatePdf': helper('PDF renderer behind certificatePdf'),
  'certificates.verifyCertificate': { api: ['verifyCertificate'], http: 'GET /certificates/{number}' },
  // completions
  'completions.computeExpiry': helper('expiry rule'),
  'completions.importCompletions': { api: ['importCompletions'], http: 'POST /api/lms/completions/import' },
  'completions.parseCsv': helper('CSV parser'),
  'completions.recordCompletion': helper('called inside transactions by attendance, SCORM and imports'),
  'completions.recordManualCompletion': { api: ['recordCompletion'], http: 'POST /api/lms/completions' },
  'completions.rowsFromCsv': helper('CSV → rows for importCompletions'),
  // compliance
  'compliance.assertCanSeeScope': helper('authorization rule'),
  'compliance.completionsReport': { api: ['completionsReport'], chat: ['report'] },
  'compliance.complianceCsv': helper('CSV renderer behind complianceReport'),
  'compliance.complianceReport': {
    api: ['complianceReport'],
    chat: ['report'],
    http: 'GET /api/lms/compliance',
  },
  'compliance.complianceStatus': { api: ['complianceStatus'], chat: ['team_compliance'] },
  'compliance.complianceStatusIsEmpty': helper('start-up check behind the first fill'),
  'compliance.owedBy': { api: ['getPersonProgress'], chat: ['my_learning', 'launch_course', 'nudge'] },
  'compliance.refreshComplianceStatus': helper('kept in step by the writes that move a status'),
  'compliance.sweepComplianceStatus': helper('one batch of the nightly sweep'),
  'compliance.sweepComplianceStatuses': { job: 'compliance sweep' },
  'compliance.csvCell': helper('CSV escaping'),
  'compliance.defaultComplianceScope': helper('scope rule for chat reports'),
  'compliance.findDepartment': { chat: ['report'], http: 'GET /api/lms/compliance' },
  'compliance.teamComplianceScope': helper('scope rule for chat reports'),
  // content
  'content.appendParameters': helper('manifest rule'),
  'content.archivePackage': { api: ['archivePackage'] },
  'content.deletePackage': { api: ['deletePackage'] },
  'content.extractZipSafely': helper('zip extraction behind importPackage'),
  'content.getPackage': { api: ['getPackage'] },
  'content.importPackage': { api: ['uploadPackage'], http: 'POST /api/packages' },
  'content.listPackages': { api: ['listPackages'] },
  'content.parseManifest': helper('manifest parser'),
  'content.unsafeEntryName': helper('zip entry rule'),
  // costs
  'costs.addCostItem': { api: ['addCostItem'], chat: ['add_cost'] },
  'costs.costReport': { api: ['costReport'], chat: ['report'] },
  'costs.createVendor': { api: ['createVendor'], chat: ['add_vendor'] },
  'costs.findVendors': { chat: ['raise_purchase_order'] },
  'costs.getPurchaseOrder': { api: ['getPurchaseOrder'] },
  'costs.isKnownCurrency': helper('money rule'),
  'costs.listCostItems': { api: ['listCostItems'] },
  'costs.listPurchaseOrders': { api: ['listPurchaseOrders'] },
  'costs.listVendors': { api: ['listVendors'] },
  'costs.parseAmount': helper('money parser'),
  'costs.parseCurrency': helper('money parser'),
  'costs.raisePurchaseOrder': { api: ['raisePurchaseOrder'], chat: ['raise_purchase_order'] },
  'costs.setPurchaseOrderStatus': { api: ['setPurchaseOrderStatus'] },
  // journeys
  'journeys.assertJourneyStepOpen': helper('rule behind booking a journey step'),
  'journeys.journeyProgress': { api: ['getPersonJourney'], chat: ['journey_progress'] },
  'journeys.loadJourney': helper('loader'),
  'journeys.myJourneys': { api: ['listPersonJourneys'], chat: ['my_journeys'] },
  'journeys.progressOf': helper('progress rule'),
  'journeys.startJourney': { api: ['startJourney'], chat: ['start_journey'] },
  'journeys.findJourneys': { chat: ['start_journey', 'journey_progress'] },
  'journeys.stepStatuses': helper('progress rule'),
  // learning
  'learning.myProgress': { api: ['getPersonProgress'], chat: ['my_learning'] },
  'learning.recommendCourses': { api: ['getPersonRecommendations'], chat: ['recommend'] },
  // notifications
  'notifications.enqueueNotification': helper('outbox writer'),
  'notifications.firstAvailableSender': helper('outbox delivery'),
  'notifications.listInbox': { http: 'web chat inbox (adapters/web)' },
  'notifications.reachableByWebInbox': helper('outbox delivery rule'),
  'notifications.renderNotification': helper('outbox renderer'),
  // people
  'people.actorIdOf': helper('actor helper'),
  'people.apiServiceActor': helper('the admin token’s actor for /api/v1'),
  'people.assertAdmin': helper('authorization rule'),
  'people.assertCanActFor': helper('authorization rule'),
  'people.createPerson': { api: ['createPerson'] },
  'people.describePeople': { chat: ['nudge', 'transfer_registration'] },
  'people.findConversationRefs': helper('adapter delivery'),
  'people.findPeople': { chat: ['book_session', 'schedule_sessions', 'transfer_registration'] },
  'people.getPerson': { api: ['getPerson'] },
  'people.identifyActor': helper('every chat turn'),
  'people.isAdmin': helper('actor helper'),
  'people.isInReportingLine': helper('authorization rule'),
  'people.isInstructor': helper('actor helper'),
  'people.isSystem': helper('actor helper'),
  'people.linkChatIdentity': { http: 'Slack and Teams identity (adapters)' },
  'people.listInstructors': { api: ['listInstructors'], chat: ['schedule_sessions'] },
  'people.listPeople': { api: ['listPeople'] },
  'people.loadActor': helper('actor loader'),
  'people.loadActorByEmail': helper('actor loader'),
  'people.rememberConversationRef': helper('adapter delivery'),
  'people.reportingLineIds': helper('authorization rule'),
  // platform
  'platform.claimIdempotencyKey': helper('Idempotency-Key middleware of /api/v1'),
  'platform.pruneIdempotencyKeys': { job: 'prune idempotency keys' },
  'platform.pruneProcessedEvents': { job: 'prune processed events' },
  'platform.readDialogueState': helper('every chat turn'),
  'platform.recordProcessedEvent': helper('platform redelivery de-duplication'),
  'platform.releaseIdempotencyKey': helper('Idempotency-Key middleware of /api/v1'),
  'platform.saveIdempotentAnswer': helper('Idempotency-Key middleware of /api/v1'),
  'platform.writeDialogueState': helper('every chat turn'),
  // registrations
  'registrations.acceptOffer': { api: ['acceptOffer'], chat: ['book_session'] },
  'registrations.approveRegistration': { api: ['approveRegistration'], chat: ['approve_request'] },
  'registrations.bookProgramme': { api: ['bookProgramme'] },
  'registrations.bookSession': { api: ['bookSession'], chat: ['book_session', 'join_waitlist'] },
  'registrations.cancelRegistration': { api: ['cancelRegistration'], chat: ['cancel_booking'] },
  'registrations.changeCapacity': { api: ['changeCapacity'], chat: ['change_capacity'] },
  'registrations.declineOffer': { api: ['declineOffer'], chat: ['book_session'] },
  'registrations.declineRegistration': { api: ['declineRegistration'], chat: ['approve_request'] },
  'registrations.expireOffers': { job: 'expire seat offers' },
  'registrations.getRegistration': { api: ['getRegistration'], chat: ['approve_request'] },
  'registrations.listPendingApprovals': { api: ['listPendingApprovals'], chat: ['approve_request'] },
  'registrations.listRegistrations': { api: ['listPersonRegistrations'], chat: ['my_bookings'] },
  'registrations.ordinal': helper('wording helper'),
  'registrations.transferRegistration': { api: ['transferRegistration'], chat: ['transfer_registration'] },
  'registrations.waitlistPosition': { chat: ['my_bookings', 'join_waitlist'] },
  // reminders
  'reminders.sendReminders': { api: ['sendReminders'], chat: ['nudge'] },
  // scorm: the learner's player is its surface
  'scorm.assertAttemptOwnership': helper('SCORM access rule'),
  'scorm.scormAttemptsReport': { api: ['scormAttemptsReport'], chat: ['report'] },
  'scorm.attemptCsvRow': helper('attempts report CSV row'),
  'scorm.interactionCsvRow': helper('attempts report CSV row'),
  'scorm.csvText': helper('CSV writer'),
  'scorm.completionSettingsOf': helper('settings parser'),
  'scorm.createLaunchToken': helper('launch token'),
  'scorm.earnsCompletion': helper('roll-up rule'),
  'scorm.formatIsoDuration': helper('CMI time format'),
  'scorm.formatScorm12Time': helper('CMI time format'),
  'scorm.getCourseProgress': { api: ['getPersonCourseProgress'] },
  'scorm.isSuspendExit': helper('CMI rule'),
  'scorm.launchCourse': { chat: ['launch_course'] },
  'scorm.loadLaunchedAttempt': helper('SCORM access rule'),
  'scorm.manifestScoOf': helper('manifest helper'),
  'scorm.nextSequenceBlock': helper('player sequencing'),
  'scorm.openPlayer': { http: 'GET /scorm/launch/{token}' },
  'scorm.packageInfo': helper('package cache'),
  'scorm.parseIsoDuration': helper('CMI time format'),
  'scorm.parseScorm12Time': helper('CMI time format'),
  'scorm.percentOf': helper('CMI rule'),
  'scorm.readSnapshot': helper('CMI reader'),
  'scorm.recordCommit': { http: 'POST /scorm/commit/{token}' },
  'scorm.rollUp': helper('roll-up rule'),
  'scorm.setCompletionSettings': {
    api: ['setCompletionSettings'],
    http: 'PUT /api/courses/{courseId}/completion',
  },
  'scorm.verifyLaunchToken': helper('launch token'),
  // sessions
  'sessions.assignInstructor': { api: ['assignInstructor'], chat: ['assign_instructor'] },
  'sessions.cancelSession': { api: ['cancelSession'], chat: ['cancel_session'] },
  'sessions.claimSessionVersion': {
    api: ['rescheduleSession', 'cancelSession', 'changeCapacity', 'assignInstructor'],
  },
  'sessions.describeRecurrence': helper('recurrence wording'),
  'sessions.expandRecurrence': helper('recurrence rule behind scheduleSeries'),
  'sessions.findSessions': { chat: ['find_sessions', 'book_session'] },
  'sessions.findVenue': { chat: ['schedule_sessions'] },
  'sessions.getSession': { api: ['getSession'], chat: ['book_session'] },
  'sessions.listSessions': { api: ['listSessions'] },
  'sessions.recordAvailability': { api: ['recordAvailability'] },
  'sessions.rescheduleSession': { api: ['rescheduleSession'], chat: ['reschedule_session'] },
  'sessions.scheduleSeries': { api: ['scheduleSeries'], chat: ['schedule_sessions'] },
  'sessions.scheduleSession': { api: ['scheduleSession'], chat: ['schedule_sessions'] },
  'sessions.sessionVersion': { api: ['getSession'] },
  'sessions.validateCapacity': helper('capacity rule'),
  // web sessions: the web chat's sign-in
  'web-sessions.createWebSignInLink': { chat: ['open_web_chat'], http: 'cli web-link' },
  'web-sessions.endWebSession': { http: 'web chat sign-out (adapters/web)' },
  'web-sessions.findWebSession': { http: 'web chat (adapters/web)' },
  'web-sessions.startWebSession': { http: 'web chat sign-in (adapters/web)' },
};
