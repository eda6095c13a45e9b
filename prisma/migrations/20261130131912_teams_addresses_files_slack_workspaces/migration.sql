-- CreateTable
CREATE TABLE "SlackWorkspace" (
    "teamId" TEXT NOT NULL,
    "revokedAt" TIMESTAMPTZ(6),
    "revokedReason" TEXT,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlackWorkspace_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "TeamsConversation" (
    "conversationId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "serviceUrl" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "reference" JSONB NOT NULL,
    "installedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamsConversation_pkey" PRIMARY KEY ("conversationId")
);

-- CreateTable
CREATE TABLE "TeamsPendingFile" (
    "id" UUID NOT NULL,
    "conversationId" TEXT NOT NULL DEFAULT '',
    "linkSecretHash" TEXT,
    "name" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "title" TEXT,
    "content" BYTEA NOT NULL,
    "expiresAt" TIMESTAMPTZ(6) NOT NULL,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamsPendingFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TeamsConversation_tenantId_idx" ON "TeamsConversation"("tenantId");

-- CreateIndex
CREATE INDEX "TeamsPendingFile_expiresAt_idx" ON "TeamsPendingFile"("expiresAt");

-- Invariants
ALTER TABLE "TeamsConversation" ADD CONSTRAINT "inv_teams_conversation_scope" CHECK ("scope" IN ('team', 'groupChat'));
ALTER TABLE "SlackWorkspace" ADD CONSTRAINT "inv_slack_workspace_revoked_reason" CHECK ("revokedAt" IS NULL OR "revokedReason" IN ('app_uninstalled', 'tokens_revoked'));
