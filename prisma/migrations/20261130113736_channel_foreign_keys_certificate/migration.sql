-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('slack', 'teams', 'web', 'cli', 'api', 'system');

-- DropForeignKey
ALTER TABLE "Certificate" DROP CONSTRAINT "Certificate_courseId_fkey";

-- DropForeignKey
ALTER TABLE "Certificate" DROP CONSTRAINT "Certificate_personId_fkey";

-- DropIndex
DROP INDEX "Certificate_personId_idx";

-- A certificate reads person, course and expiry through its completion (they could disagree).
ALTER TABLE "Certificate" DROP COLUMN "courseId",
DROP COLUMN "expiresAt",
DROP COLUMN "personId";

-- One channel enum: the columns keep their values, cast through text.
ALTER TABLE "ChatIdentity" ALTER COLUMN "platform" TYPE "Channel" USING "platform"::text::"Channel";
ALTER TABLE "ConversationState" ALTER COLUMN "channel" TYPE "Channel" USING "channel"::text::"Channel";
ALTER TABLE "ProcessedEvent" ALTER COLUMN "platform" TYPE "Channel" USING "platform"::text::"Channel";
ALTER TABLE "Registration" ALTER COLUMN "sourceChannel" DROP DEFAULT;
ALTER TABLE "Registration" ALTER COLUMN "sourceChannel" TYPE "Channel" USING "sourceChannel"::text::"Channel";
ALTER TABLE "Registration" ALTER COLUMN "sourceChannel" SET DEFAULT 'system';

-- The CLI's dialogue threads were kept under web with a "cli:" prefix; they get their own channel.
UPDATE "ConversationState" SET "channel" = 'cli', "threadKey" = substr("threadKey", 5)
WHERE "channel" = 'web' AND "threadKey" LIKE 'cli:%';

-- DropEnum
DROP TYPE "ChatPlatform";

-- DropEnum
DROP TYPE "SourceChannel";

-- Ids that pointed nowhere (nothing enforced them before) are cleared so the keys can be added.
UPDATE "ContentPackage" c SET "uploadedById" = NULL WHERE "uploadedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Person" p WHERE p.id = c."uploadedById");
UPDATE "SessionSeries" s SET "createdById" = NULL WHERE "createdById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Person" p WHERE p.id = s."createdById");
UPDATE "Session" s SET "createdById" = NULL WHERE "createdById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Person" p WHERE p.id = s."createdById");
UPDATE "SessionInstructor" i SET "replacesId" = NULL WHERE "replacesId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "SessionInstructor" r WHERE r.id = i."replacesId");
UPDATE "RegistrationEvent" e SET "fromSessionId" = NULL WHERE "fromSessionId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Session" s WHERE s.id = e."fromSessionId");

-- AddForeignKey
ALTER TABLE "ContentPackage" ADD CONSTRAINT "ContentPackage_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionSeries" ADD CONSTRAINT "SessionSeries_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionInstructor" ADD CONSTRAINT "SessionInstructor_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "SessionInstructor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationEvent" ADD CONSTRAINT "RegistrationEvent_fromSessionId_fkey" FOREIGN KEY ("fromSessionId") REFERENCES "Session"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationEvent" ADD CONSTRAINT "RegistrationEvent_toSessionId_fkey" FOREIGN KEY ("toSessionId") REFERENCES "Session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
