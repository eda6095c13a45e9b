-- CreateEnum
CREATE TYPE "PersonStatus" AS ENUM ('active', 'inactive');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('employee', 'instructor', 'admin');

-- CreateEnum
CREATE TYPE "ChatPlatform" AS ENUM ('slack', 'teams', 'web');

-- CreateEnum
CREATE TYPE "CourseKind" AS ENUM ('elearning', 'ilt', 'vilt', 'blended', 'external');

-- CreateEnum
CREATE TYPE "WaitlistMode" AS ENUM ('auto_promote', 'offer');

-- CreateEnum
CREATE TYPE "ScormVersion" AS ENUM ('scorm12', 'scorm2004');

-- CreateEnum
CREATE TYPE "ProgrammeKind" AS ENUM ('programme', 'journey');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('scheduled', 'cancelled', 'completed');

-- CreateEnum
CREATE TYPE "InstructorRole" AS ENUM ('lead', 'co', 'substitute');

-- CreateEnum
CREATE TYPE "AvailabilityKind" AS ENUM ('available', 'leave');

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('pending_approval', 'confirmed', 'waitlisted', 'offered', 'cancelled', 'declined', 'attended', 'partial', 'no_show');

-- CreateEnum
CREATE TYPE "SourceChannel" AS ENUM ('slack', 'teams', 'web', 'cli', 'api', 'system');

-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('attended', 'partial', 'no_show');

-- CreateEnum
CREATE TYPE "PurchaseOrderStatus" AS ENUM ('draft', 'raised', 'approved', 'received', 'closed', 'cancelled');

-- CreateEnum
CREATE TYPE "CostCategory" AS ENUM ('venue', 'facilitator', 'travel', 'materials', 'catering', 'other');

-- CreateEnum
CREATE TYPE "EnrollmentSource" AS ENUM ('self', 'rule', 'manager', 'admin', 'journey');

-- CreateEnum
CREATE TYPE "EnrollmentStatus" AS ENUM ('active', 'completed', 'withdrawn');

-- CreateEnum
CREATE TYPE "AttemptStatus" AS ENUM ('not_attempted', 'incomplete', 'completed', 'passed', 'failed', 'browsed');

-- CreateEnum
CREATE TYPE "CompletionSource" AS ENUM ('scorm', 'attendance', 'manual', 'external', 'xapi');

-- CreateEnum
CREATE TYPE "RequirementMode" AS ENUM ('all_of', 'any_of');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('pending', 'sent', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "Department" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Location" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,

    CONSTRAINT "Location_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "departmentId" UUID,
    "jobRole" TEXT,
    "locationId" UUID,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "hireDate" DATE,
    "managerId" UUID,
    "status" "PersonStatus" NOT NULL DEFAULT 'active',
    "externalHrId" TEXT,
    "roles" "Role"[] DEFAULT ARRAY['employee']::"Role"[],
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatIdentity" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "platform" "ChatPlatform" NOT NULL,
    "tenant" TEXT NOT NULL DEFAULT '',
    "externalId" TEXT NOT NULL,
    "personId" UUID NOT NULL,
    "conversationRef" JSONB,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Course" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" "CourseKind" NOT NULL,
    "durationMinutes" INTEGER,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "validityMonths" INTEGER,
    "recertWindowDays" INTEGER NOT NULL DEFAULT 90,
    "needsManagerApproval" BOOLEAN NOT NULL DEFAULT false,
    "selfEnrol" BOOLEAN NOT NULL DEFAULT true,
    "grantsCertificate" BOOLEAN NOT NULL DEFAULT false,
    "waitlistMode" "WaitlistMode" NOT NULL DEFAULT 'auto_promote',
    "offerHoldHours" INTEGER NOT NULL DEFAULT 24,
    "waitlistCutoffHours" INTEGER NOT NULL DEFAULT 24,
    "cancellationDeadlineHours" INTEGER NOT NULL DEFAULT 48,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoursePrerequisite" (
    "courseId" UUID NOT NULL,
    "requiredCourseId" UUID NOT NULL,

    CONSTRAINT "CoursePrerequisite_pkey" PRIMARY KEY ("courseId","requiredCourseId")
);

-- CreateTable
CREATE TABLE "ContentPackage" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "courseId" UUID,
    "version" "ScormVersion" NOT NULL,
    "title" TEXT NOT NULL,
    "manifestIdentifier" TEXT NOT NULL,
    "manifest" JSONB NOT NULL,
    "storagePath" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "masteryScore" DECIMAL(6,2),
    "scaledPassingScore" DECIMAL(5,4),
    "completionThreshold" DECIMAL(5,4),
    "uploadedById" UUID,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentPackage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sco" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "packageId" UUID NOT NULL,
    "identifier" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "launchHref" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Sco_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" "ProgrammeKind" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgrammeStep" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "programmeId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "courseId" UUID NOT NULL,
    "requiresPrevious" BOOLEAN NOT NULL DEFAULT true,
    "dueAfterDays" INTEGER,

    CONSTRAINT "ProgrammeStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Venue" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "locationId" UUID,
    "address" TEXT NOT NULL DEFAULT '',
    "timeZone" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "dayRate" DECIMAL(12,2),
    "currency" CHAR(3),
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Venue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionSeries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "courseId" UUID NOT NULL,
    "rule" JSONB NOT NULL,
    "description" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SessionSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "courseId" UUID NOT NULL,
    "programmeId" UUID,
    "cohort" TEXT,
    "seriesId" UUID,
    "title" TEXT,
    "startsAt" TIMESTAMPTZ(6) NOT NULL,
    "endsAt" TIMESTAMPTZ(6) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "venueId" UUID,
    "meetingUrl" TEXT,
    "capacity" INTEGER NOT NULL,
    "registrationCutoffAt" TIMESTAMPTZ(6),
    "status" "SessionStatus" NOT NULL DEFAULT 'scheduled',
    "cancelReason" TEXT,
    "waitlistCounter" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionDay" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "sessionId" UUID NOT NULL,
    "dayIndex" INTEGER NOT NULL,
    "startsAt" TIMESTAMPTZ(6) NOT NULL,
    "endsAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "SessionDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionInstructor" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "sessionId" UUID NOT NULL,
    "sessionDayId" UUID,
    "personId" UUID NOT NULL,
    "role" "InstructorRole" NOT NULL DEFAULT 'lead',
    "replacesId" UUID,
    "fee" DECIMAL(12,2),
    "currency" CHAR(3),
    "conflictOverridden" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "SessionInstructor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstructorAvailability" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "personId" UUID NOT NULL,
    "kind" "AvailabilityKind" NOT NULL,
    "startsAt" TIMESTAMPTZ(6) NOT NULL,
    "endsAt" TIMESTAMPTZ(6) NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "InstructorAvailability_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Registration" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "sessionId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "status" "RegistrationStatus" NOT NULL,
    "waitlistTicket" INTEGER,
    "offerExpiresAt" TIMESTAMPTZ(6),
    "groupId" UUID,
    "sourceChannel" "SourceChannel" NOT NULL DEFAULT 'system',
    "actedById" UUID,
    "overbooked" BOOLEAN NOT NULL DEFAULT false,
    "cancelReason" TEXT,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrationEvent" (
    "id" BIGSERIAL NOT NULL,
    "registrationId" UUID NOT NULL,
    "fromStatus" "RegistrationStatus",
    "toStatus" "RegistrationStatus" NOT NULL,
    "fromSessionId" UUID,
    "toSessionId" UUID NOT NULL,
    "actorId" UUID,
    "reason" TEXT,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegistrationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attendance" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "registrationId" UUID NOT NULL,
    "sessionDayId" UUID NOT NULL,
    "status" "AttendanceStatus" NOT NULL,
    "minutes" INTEGER,
    "recordedById" UUID,
    "recordedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vendor" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "email" TEXT,
    "taxId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Vendor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurchaseOrder" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "number" TEXT NOT NULL,
    "vendorId" UUID NOT NULL,
    "status" "PurchaseOrderStatus" NOT NULL DEFAULT 'draft',
    "currency" CHAR(3) NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "raisedById" UUID,
    "raisedAt" TIMESTAMPTZ(6),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PurchaseOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CostItem" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "sessionId" UUID,
    "programmeId" UUID,
    "category" "CostCategory" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "amount" DECIMAL(12,2) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "vendorId" UUID,
    "purchaseOrderId" UUID,
    "incurredOn" DATE NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CostItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enrollment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "personId" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "source" "EnrollmentSource" NOT NULL,
    "ruleId" UUID,
    "assignedById" UUID,
    "dueAt" TIMESTAMPTZ(6),
    "status" "EnrollmentStatus" NOT NULL DEFAULT 'active',
    "withdrawnAt" TIMESTAMPTZ(6),
    "withdrawReason" TEXT,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Enrollment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssignmentRule" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "courseId" UUID NOT NULL,
    "departmentId" UUID,
    "jobRole" TEXT,
    "locationId" UUID,
    "hiredWithinDays" INTEGER,
    "dueInDays" INTEGER NOT NULL DEFAULT 30,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssignmentRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attempt" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "personId" UUID NOT NULL,
    "packageId" UUID NOT NULL,
    "courseId" UUID,
    "number" INTEGER NOT NULL,
    "status" "AttemptStatus" NOT NULL DEFAULT 'not_attempted',
    "successStatus" TEXT,
    "scoreRaw" DECIMAL(8,2),
    "scoreScaled" DECIMAL(5,4),
    "progress" DECIMAL(5,4),
    "totalTimeSeconds" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastActivityAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(6),

    CONSTRAINT "Attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoState" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "attemptId" UUID NOT NULL,
    "scoId" UUID NOT NULL,
    "cmi" JSONB NOT NULL DEFAULT '{}',
    "completionStatus" TEXT,
    "successStatus" TEXT,
    "scoreRaw" DECIMAL(8,2),
    "scoreScaled" DECIMAL(5,4),
    "progress" DECIMAL(5,4),
    "location" TEXT,
    "suspendData" TEXT,
    "exitMode" TEXT,
    "totalTimeSeconds" INTEGER NOT NULL DEFAULT 0,
    "commitSeq" INTEGER NOT NULL DEFAULT 0,
    "terminated" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Completion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "personId" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "source" "CompletionSource" NOT NULL,
    "completedAt" TIMESTAMPTZ(6) NOT NULL,
    "score" DECIMAL(8,2),
    "percent" DECIMAL(5,2),
    "expiresAt" TIMESTAMPTZ(6),
    "attemptId" UUID,
    "registrationId" UUID,
    "recordedById" UUID,
    "reason" TEXT,
    "externalRef" TEXT,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Completion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "number" TEXT NOT NULL,
    "completionId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "issuedAt" TIMESTAMPTZ(6) NOT NULL,
    "expiresAt" TIMESTAMPTZ(6),
    "revokedAt" TIMESTAMPTZ(6),

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplianceRequirement" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "departmentId" UUID,
    "jobRole" TEXT,
    "locationId" UUID,
    "mode" "RequirementMode" NOT NULL DEFAULT 'all_of',
    "validityMonths" INTEGER,
    "graceDays" INTEGER NOT NULL DEFAULT 30,
    "dueWithinDays" INTEGER NOT NULL DEFAULT 30,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplianceRequirement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplianceRequirementCourse" (
    "requirementId" UUID NOT NULL,
    "courseId" UUID NOT NULL,

    CONSTRAINT "ComplianceRequirementCourse_pkey" PRIMARY KEY ("requirementId","courseId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" TEXT NOT NULL,
    "recipientId" UUID NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "dueAt" TIMESTAMPTZ(6) NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'pending',
    "sentAt" TIMESTAMPTZ(6),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessedEvent" (
    "platform" "ChatPlatform" NOT NULL,
    "eventId" TEXT NOT NULL,
    "processedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedEvent_pkey" PRIMARY KEY ("platform","eventId")
);

-- CreateTable
CREATE TABLE "ConversationState" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "personId" UUID NOT NULL,
    "channel" "ChatPlatform" NOT NULL,
    "threadKey" TEXT NOT NULL DEFAULT '',
    "context" JSONB NOT NULL DEFAULT '{}',
    "pending" JSONB,
    "pendingExpiresAt" TIMESTAMPTZ(6),
    "updatedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "Department_name_key" ON "Department"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Location_name_key" ON "Location"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Person_externalHrId_key" ON "Person"("externalHrId");

-- CreateIndex
CREATE INDEX "Person_managerId_idx" ON "Person"("managerId");

-- CreateIndex
CREATE INDEX "Person_departmentId_idx" ON "Person"("departmentId");

-- CreateIndex
CREATE INDEX "Person_locationId_idx" ON "Person"("locationId");

-- CreateIndex
CREATE INDEX "ChatIdentity_personId_idx" ON "ChatIdentity"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "ChatIdentity_platform_tenant_externalId_key" ON "ChatIdentity"("platform", "tenant", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Course_code_key" ON "Course"("code");

-- CreateIndex
CREATE INDEX "CoursePrerequisite_requiredCourseId_idx" ON "CoursePrerequisite"("requiredCourseId");

-- CreateIndex
CREATE UNIQUE INDEX "ContentPackage_storagePath_key" ON "ContentPackage"("storagePath");

-- CreateIndex
CREATE INDEX "ContentPackage_courseId_idx" ON "ContentPackage"("courseId");

-- CreateIndex
CREATE UNIQUE INDEX "Sco_packageId_identifier_key" ON "Sco"("packageId", "identifier");

-- CreateIndex
CREATE UNIQUE INDEX "Sco_packageId_position_key" ON "Sco"("packageId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Programme_code_key" ON "Programme"("code");

-- CreateIndex
CREATE INDEX "ProgrammeStep_courseId_idx" ON "ProgrammeStep"("courseId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgrammeStep_programmeId_position_key" ON "ProgrammeStep"("programmeId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ProgrammeStep_programmeId_courseId_key" ON "ProgrammeStep"("programmeId", "courseId");

-- CreateIndex
CREATE UNIQUE INDEX "Venue_name_key" ON "Venue"("name");

-- CreateIndex
CREATE INDEX "SessionSeries_courseId_idx" ON "SessionSeries"("courseId");

-- CreateIndex
CREATE INDEX "Session_courseId_startsAt_idx" ON "Session"("courseId", "startsAt");

-- CreateIndex
CREATE INDEX "Session_startsAt_idx" ON "Session"("startsAt");

-- CreateIndex
CREATE INDEX "Session_venueId_startsAt_idx" ON "Session"("venueId", "startsAt");

-- CreateIndex
CREATE INDEX "Session_programmeId_cohort_idx" ON "Session"("programmeId", "cohort");

-- CreateIndex
CREATE INDEX "Session_seriesId_idx" ON "Session"("seriesId");

-- CreateIndex
CREATE INDEX "SessionDay_startsAt_idx" ON "SessionDay"("startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "SessionDay_sessionId_dayIndex_key" ON "SessionDay"("sessionId", "dayIndex");

-- CreateIndex
CREATE INDEX "SessionInstructor_sessionId_idx" ON "SessionInstructor"("sessionId");

-- CreateIndex
CREATE INDEX "SessionInstructor_personId_idx" ON "SessionInstructor"("personId");

-- CreateIndex
CREATE INDEX "InstructorAvailability_personId_startsAt_idx" ON "InstructorAvailability"("personId", "startsAt");

-- CreateIndex
CREATE INDEX "Registration_sessionId_status_idx" ON "Registration"("sessionId", "status");

-- CreateIndex
CREATE INDEX "Registration_personId_status_idx" ON "Registration"("personId", "status");

-- CreateIndex
CREATE INDEX "Registration_groupId_idx" ON "Registration"("groupId");

-- CreateIndex
CREATE INDEX "RegistrationEvent_registrationId_at_idx" ON "RegistrationEvent"("registrationId", "at");

-- CreateIndex
CREATE INDEX "Attendance_sessionDayId_idx" ON "Attendance"("sessionDayId");

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_registrationId_sessionDayId_key" ON "Attendance"("registrationId", "sessionDayId");

-- CreateIndex
CREATE UNIQUE INDEX "Vendor_name_key" ON "Vendor"("name");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseOrder_number_key" ON "PurchaseOrder"("number");

-- CreateIndex
CREATE INDEX "PurchaseOrder_vendorId_idx" ON "PurchaseOrder"("vendorId");

-- CreateIndex
CREATE INDEX "CostItem_sessionId_idx" ON "CostItem"("sessionId");

-- CreateIndex
CREATE INDEX "CostItem_programmeId_idx" ON "CostItem"("programmeId");

-- CreateIndex
CREATE INDEX "CostItem_purchaseOrderId_idx" ON "CostItem"("purchaseOrderId");

-- CreateIndex
CREATE INDEX "CostItem_incurredOn_idx" ON "CostItem"("incurredOn");

-- CreateIndex
CREATE INDEX "Enrollment_personId_status_idx" ON "Enrollment"("personId", "status");

-- CreateIndex
CREATE INDEX "Enrollment_courseId_status_idx" ON "Enrollment"("courseId", "status");

-- CreateIndex
CREATE INDEX "AssignmentRule_courseId_idx" ON "AssignmentRule"("courseId");

-- CreateIndex
CREATE INDEX "Attempt_personId_courseId_idx" ON "Attempt"("personId", "courseId");

-- CreateIndex
CREATE UNIQUE INDEX "Attempt_personId_packageId_number_key" ON "Attempt"("personId", "packageId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ScoState_attemptId_scoId_key" ON "ScoState"("attemptId", "scoId");

-- CreateIndex
CREATE UNIQUE INDEX "Completion_attemptId_key" ON "Completion"("attemptId");

-- CreateIndex
CREATE UNIQUE INDEX "Completion_registrationId_key" ON "Completion"("registrationId");

-- CreateIndex
CREATE INDEX "Completion_personId_courseId_completedAt_idx" ON "Completion"("personId", "courseId", "completedAt");

-- CreateIndex
CREATE INDEX "Completion_courseId_completedAt_idx" ON "Completion"("courseId", "completedAt");

-- CreateIndex
CREATE INDEX "Completion_expiresAt_idx" ON "Completion"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Completion_personId_courseId_externalRef_key" ON "Completion"("personId", "courseId", "externalRef");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_number_key" ON "Certificate"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_completionId_key" ON "Certificate"("completionId");

-- CreateIndex
CREATE INDEX "Certificate_personId_idx" ON "Certificate"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "ComplianceRequirement_code_key" ON "ComplianceRequirement"("code");

-- CreateIndex
CREATE INDEX "ComplianceRequirementCourse_courseId_idx" ON "ComplianceRequirementCourse"("courseId");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_status_dueAt_idx" ON "Notification"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Notification_recipientId_idx" ON "Notification"("recipientId");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- CreateIndex
CREATE INDEX "ProcessedEvent_processedAt_idx" ON "ProcessedEvent"("processedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConversationState_personId_channel_threadKey_key" ON "ConversationState"("personId", "channel", "threadKey");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatIdentity" ADD CONSTRAINT "ChatIdentity_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoursePrerequisite" ADD CONSTRAINT "CoursePrerequisite_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoursePrerequisite" ADD CONSTRAINT "CoursePrerequisite_requiredCourseId_fkey" FOREIGN KEY ("requiredCourseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentPackage" ADD CONSTRAINT "ContentPackage_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sco" ADD CONSTRAINT "Sco_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "ContentPackage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeStep" ADD CONSTRAINT "ProgrammeStep_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeStep" ADD CONSTRAINT "ProgrammeStep_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Venue" ADD CONSTRAINT "Venue_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionSeries" ADD CONSTRAINT "SessionSeries_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "SessionSeries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionDay" ADD CONSTRAINT "SessionDay_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionInstructor" ADD CONSTRAINT "SessionInstructor_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionInstructor" ADD CONSTRAINT "SessionInstructor_sessionDayId_fkey" FOREIGN KEY ("sessionDayId") REFERENCES "SessionDay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionInstructor" ADD CONSTRAINT "SessionInstructor_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstructorAvailability" ADD CONSTRAINT "InstructorAvailability_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_actedById_fkey" FOREIGN KEY ("actedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationEvent" ADD CONSTRAINT "RegistrationEvent_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationEvent" ADD CONSTRAINT "RegistrationEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_sessionDayId_fkey" FOREIGN KEY ("sessionDayId") REFERENCES "SessionDay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseOrder" ADD CONSTRAINT "PurchaseOrder_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseOrder" ADD CONSTRAINT "PurchaseOrder_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostItem" ADD CONSTRAINT "CostItem_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostItem" ADD CONSTRAINT "CostItem_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostItem" ADD CONSTRAINT "CostItem_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostItem" ADD CONSTRAINT "CostItem_purchaseOrderId_fkey" FOREIGN KEY ("purchaseOrderId") REFERENCES "PurchaseOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostItem" ADD CONSTRAINT "CostItem_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AssignmentRule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentRule" ADD CONSTRAINT "AssignmentRule_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentRule" ADD CONSTRAINT "AssignmentRule_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attempt" ADD CONSTRAINT "Attempt_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attempt" ADD CONSTRAINT "Attempt_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "ContentPackage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attempt" ADD CONSTRAINT "Attempt_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoState" ADD CONSTRAINT "ScoState_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoState" ADD CONSTRAINT "ScoState_scoId_fkey" FOREIGN KEY ("scoId") REFERENCES "Sco"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Completion" ADD CONSTRAINT "Completion_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Completion" ADD CONSTRAINT "Completion_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Completion" ADD CONSTRAINT "Completion_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Completion" ADD CONSTRAINT "Completion_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Completion" ADD CONSTRAINT "Completion_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_completionId_fkey" FOREIGN KEY ("completionId") REFERENCES "Completion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceRequirementCourse" ADD CONSTRAINT "ComplianceRequirementCourse_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "ComplianceRequirement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceRequirementCourse" ADD CONSTRAINT "ComplianceRequirementCourse_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationState" ADD CONSTRAINT "ConversationState_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────────── Hand-written invariants (Prisma cannot express these) ─────────────
-- CHECK constraints are invisible to Prisma's diff; partial unique indexes are named inv_*
-- so scripts/db-check.ts knows they are intentional.

ALTER TABLE "Person"
  ADD CONSTRAINT "Person_email_lowercase" CHECK ("email" = lower("email") AND "email" LIKE '%_@_%'),
  ADD CONSTRAINT "Person_not_own_manager" CHECK ("managerId" IS NULL OR "managerId" <> "id"),
  ADD CONSTRAINT "Person_time_zone_set" CHECK (length("timeZone") > 0);
ALTER TABLE "Location" ADD CONSTRAINT "Location_time_zone_set" CHECK (length("timeZone") > 0);

ALTER TABLE "Course"
  ADD CONSTRAINT "Course_code_set" CHECK (length(trim("code")) > 0),
  ADD CONSTRAINT "Course_validity_positive" CHECK ("validityMonths" IS NULL OR "validityMonths" > 0),
  ADD CONSTRAINT "Course_duration_positive" CHECK ("durationMinutes" IS NULL OR "durationMinutes" > 0),
  ADD CONSTRAINT "Course_windows_non_negative" CHECK ("recertWindowDays" >= 0 AND "offerHoldHours" > 0
    AND "waitlistCutoffHours" >= 0 AND "cancellationDeadlineHours" >= 0);
ALTER TABLE "CoursePrerequisite" ADD CONSTRAINT "CoursePrerequisite_not_self" CHECK ("courseId" <> "requiredCourseId");

ALTER TABLE "ContentPackage"
  ADD CONSTRAINT "ContentPackage_size_non_negative" CHECK ("sizeBytes" >= 0),
  ADD CONSTRAINT "ContentPackage_thresholds" CHECK (
    ("masteryScore" IS NULL OR "masteryScore" BETWEEN 0 AND 100)
    AND ("scaledPassingScore" IS NULL OR "scaledPassingScore" BETWEEN -1 AND 1)
    AND ("completionThreshold" IS NULL OR "completionThreshold" BETWEEN 0 AND 1));
ALTER TABLE "ProgrammeStep" ADD CONSTRAINT "ProgrammeStep_position_positive" CHECK ("position" >= 1);

ALTER TABLE "Venue"
  ADD CONSTRAINT "Venue_capacity_positive" CHECK ("capacity" > 0),
  ADD CONSTRAINT "Venue_day_rate_money" CHECK (("dayRate" IS NULL OR "dayRate" >= 0)
    AND ("currency" IS NULL OR "currency" ~ '^[A-Z]{3}$') AND (("dayRate" IS NULL) = ("currency" IS NULL)));

ALTER TABLE "Session"
  ADD CONSTRAINT "Session_ends_after_start" CHECK ("endsAt" > "startsAt"),
  ADD CONSTRAINT "Session_capacity_non_negative" CHECK ("capacity" >= 0),
  ADD CONSTRAINT "Session_cutoff_before_end" CHECK ("registrationCutoffAt" IS NULL OR "registrationCutoffAt" <= "endsAt"),
  ADD CONSTRAINT "Session_waitlist_counter_non_negative" CHECK ("waitlistCounter" >= 0),
  ADD CONSTRAINT "Session_cancel_reason" CHECK ("status" <> 'cancelled' OR "cancelReason" IS NOT NULL);
ALTER TABLE "SessionDay"
  ADD CONSTRAINT "SessionDay_ends_after_start" CHECK ("endsAt" > "startsAt"),
  ADD CONSTRAINT "SessionDay_index_non_negative" CHECK ("dayIndex" >= 0);

ALTER TABLE "SessionInstructor"
  ADD CONSTRAINT "SessionInstructor_fee_money" CHECK (("fee" IS NULL OR "fee" >= 0)
    AND ("currency" IS NULL OR "currency" ~ '^[A-Z]{3}$') AND (("fee" IS NULL) = ("currency" IS NULL)));
CREATE UNIQUE INDEX "inv_session_instructor_all_days_uq" ON "SessionInstructor" ("sessionId", "personId") WHERE "sessionDayId" IS NULL;
CREATE UNIQUE INDEX "inv_session_instructor_one_day_uq" ON "SessionInstructor" ("sessionDayId", "personId") WHERE "sessionDayId" IS NOT NULL;

ALTER TABLE "InstructorAvailability" ADD CONSTRAINT "InstructorAvailability_ends_after_start" CHECK ("endsAt" > "startsAt");

-- One live registration per person and session; cancelled/declined rows stay as history.
CREATE UNIQUE INDEX "inv_registration_live_uq" ON "Registration" ("sessionId", "personId")
  WHERE "status" NOT IN ('cancelled', 'declined');
-- Waitlist tickets are unique within a session, so "first come" has exactly one answer.
CREATE UNIQUE INDEX "inv_registration_waitlist_ticket_uq" ON "Registration" ("sessionId", "waitlistTicket")
  WHERE "waitlistTicket" IS NOT NULL;
ALTER TABLE "Registration"
  ADD CONSTRAINT "Registration_waitlist_ticket" CHECK ("status" NOT IN ('waitlisted', 'offered') OR "waitlistTicket" IS NOT NULL),
  ADD CONSTRAINT "Registration_offer_expiry" CHECK ("status" <> 'offered' OR "offerExpiresAt" IS NOT NULL);

ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_minutes_non_negative" CHECK ("minutes" IS NULL OR "minutes" >= 0);

ALTER TABLE "PurchaseOrder" ADD CONSTRAINT "PurchaseOrder_currency_code" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "CostItem"
  ADD CONSTRAINT "CostItem_one_owner" CHECK (num_nonnulls("sessionId", "programmeId") = 1),
  ADD CONSTRAINT "CostItem_amount_non_negative" CHECK ("amount" >= 0),
  ADD CONSTRAINT "CostItem_currency_code" CHECK ("currency" ~ '^[A-Z]{3}$');

-- One active assignment per person and course; withdrawn/completed rows stay as history.
CREATE UNIQUE INDEX "inv_enrollment_active_uq" ON "Enrollment" ("personId", "courseId") WHERE "status" = 'active';
ALTER TABLE "AssignmentRule"
  ADD CONSTRAINT "AssignmentRule_days" CHECK ("dueInDays" >= 0 AND ("hiredWithinDays" IS NULL OR "hiredWithinDays" > 0));

ALTER TABLE "Attempt"
  ADD CONSTRAINT "Attempt_number_positive" CHECK ("number" >= 1),
  ADD CONSTRAINT "Attempt_ranges" CHECK (("scoreScaled" IS NULL OR "scoreScaled" BETWEEN -1 AND 1)
    AND ("progress" IS NULL OR "progress" BETWEEN 0 AND 1) AND "totalTimeSeconds" >= 0);
ALTER TABLE "ScoState"
  ADD CONSTRAINT "ScoState_ranges" CHECK ("commitSeq" >= 0 AND "totalTimeSeconds" >= 0
    AND ("scoreScaled" IS NULL OR "scoreScaled" BETWEEN -1 AND 1) AND ("progress" IS NULL OR "progress" BETWEEN 0 AND 1));

ALTER TABLE "Completion"
  ADD CONSTRAINT "Completion_expiry_after_completion" CHECK ("expiresAt" IS NULL OR "expiresAt" > "completedAt"),
  ADD CONSTRAINT "Completion_percent_range" CHECK ("percent" IS NULL OR "percent" BETWEEN 0 AND 100),
  ADD CONSTRAINT "Completion_evidence_by_source" CHECK (
    ("source" <> 'scorm' OR "attemptId" IS NOT NULL)
    AND ("source" <> 'attendance' OR "registrationId" IS NOT NULL)
    AND ("source" <> 'manual' OR ("reason" IS NOT NULL AND length(trim("reason")) > 0))
    AND ("source" <> 'external' OR "externalRef" IS NOT NULL));
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_expiry_after_issue" CHECK ("expiresAt" IS NULL OR "expiresAt" > "issuedAt");

ALTER TABLE "ComplianceRequirement"
  ADD CONSTRAINT "ComplianceRequirement_days" CHECK ("graceDays" >= 0 AND "dueWithinDays" >= 0
    AND ("validityMonths" IS NULL OR "validityMonths" > 0));
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_attempts_non_negative" CHECK ("attempts" >= 0);
