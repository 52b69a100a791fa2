-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "themeTargetsJson" TEXT NOT NULL,
    "autoEnroll" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "rolesJson" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatformIdentity" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "tenant" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "lastSeenAt" TIMESTAMP(3),

    CONSTRAINT "PlatformIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Channel" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Topic" (
    "id" SERIAL NOT NULL,
    "teamId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "theme" TEXT,
    "platforms" TEXT NOT NULL,
    "format" TEXT,
    "angle" TEXT,
    "references" TEXT,
    "plannedDay" TEXT,
    "plannedTime" TEXT,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "proposerId" TEXT NOT NULL,
    "ownerId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "duplicateOf" INTEGER,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicVote" (
    "topicId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopicVote_pkey" PRIMARY KEY ("topicId","userId")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "teamId" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "beforeJson" TEXT,
    "afterJson" TEXT,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "channelId" TEXT,
    "userId" TEXT,
    "subjectKey" TEXT,
    "template" TEXT NOT NULL,
    "modelJson" TEXT NOT NULL,
    "locale" TEXT,
    "stateVersion" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "claimedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostedCard" (
    "id" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "channelId" TEXT,
    "messageRef" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "stateVersion" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PostedCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsoleMessage" (
    "id" SERIAL NOT NULL,
    "channelId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorKind" TEXT NOT NULL,
    "visibleToId" TEXT,
    "text" TEXT NOT NULL,
    "cardJson" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsoleMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "runKey" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("runKey")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "LinkCode" (
    "code" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "LinkCode_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "ProcessedEvent" (
    "platform" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProcessedEvent_pkey" PRIMARY KEY ("platform","eventId")
);

-- CreateTable
CREATE TABLE "ReviewChain" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definitionJson" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewChain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" SERIAL NOT NULL,
    "teamId" TEXT NOT NULL,
    "topicId" INTEGER NOT NULL,
    "chainName" TEXT NOT NULL,
    "chainJson" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "flagsJson" TEXT NOT NULL,
    "ccJson" TEXT NOT NULL,
    "currentVersion" INTEGER NOT NULL,
    "currentLevel" INTEGER NOT NULL,
    "stateVersion" INTEGER NOT NULL DEFAULT 1,
    "lastNudgeAt" TIMESTAMP(3),
    "closedById" TEXT,
    "closedAt" TIMESTAMP(3),
    "closedReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewVersion" (
    "id" SERIAL NOT NULL,
    "reviewId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "note" TEXT,
    "submittedById" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,

    CONSTRAINT "ReviewVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewLevelState" (
    "id" SERIAL NOT NULL,
    "reviewId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "pass" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "reviewersJson" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "deadlineAt" TIMESTAMP(3) NOT NULL,
    "nextReminderAt" TIMESTAMP(3),
    "remindersSent" INTEGER NOT NULL DEFAULT 0,
    "escalationsSent" INTEGER NOT NULL DEFAULT 0,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "ReviewLevelState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewDecision" (
    "id" SERIAL NOT NULL,
    "reviewId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "pass" INTEGER NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "reason" TEXT,
    "sendBackTo" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricValue" (
    "id" SERIAL NOT NULL,
    "teamId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "source" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "MetricValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricValueHistory" (
    "id" SERIAL NOT NULL,
    "metricValueId" INTEGER NOT NULL,
    "oldValue" DOUBLE PRECISION NOT NULL,
    "oldSource" TEXT NOT NULL,
    "newValue" DOUBLE PRECISION NOT NULL,
    "replacedAt" TIMESTAMP(3) NOT NULL,
    "replacedBy" TEXT,

    CONSTRAINT "MetricValueHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiTarget" (
    "id" SERIAL NOT NULL,
    "teamId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "platform" TEXT,
    "account" TEXT,
    "baseline" DOUBLE PRECISION NOT NULL,
    "goal" DOUBLE PRECISION NOT NULL,
    "goalText" TEXT NOT NULL,
    "startDay" TEXT NOT NULL,
    "endDay" TEXT NOT NULL,
    "shape" TEXT NOT NULL DEFAULT 'linear',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KpiTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestSubscription" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "targetKey" TEXT NOT NULL,
    "channelId" TEXT,
    "userId" TEXT,
    "platformsJson" TEXT NOT NULL,
    "metricsJson" TEXT NOT NULL,
    "mutedJson" TEXT NOT NULL DEFAULT '[]',
    "sendTime" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "workdaysOnly" BOOLEAN NOT NULL,
    "locale" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DigestSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestRun" (
    "runKey" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "localDay" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DigestRun_pkey" PRIMARY KEY ("runKey")
);

-- CreateTable
CREATE TABLE "SlaAccount" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "leadId" TEXT,
    "managerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlaAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlaPolicy" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definitionJson" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "SlaPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlaItem" (
    "id" SERIAL NOT NULL,
    "teamId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "link" TEXT,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "policyName" TEXT NOT NULL,
    "targetMinutes" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "windowEndsAt" TIMESTAMP(3),
    "deadlineAt" TIMESTAMP(3) NOT NULL,
    "scheduleJson" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "assigneeId" TEXT,
    "claimedById" TEXT,
    "warningsSent" INTEGER NOT NULL DEFAULT 0,
    "escalationStep" INTEGER NOT NULL DEFAULT 0,
    "nextReminderAt" TIMESTAMP(3),
    "breachedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,
    "answer" TEXT,
    "dismissReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" SERIAL NOT NULL,
    "teamId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "riskType" TEXT NOT NULL,
    "likelihood" TEXT NOT NULL,
    "impact" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "playbookId" TEXT NOT NULL,
    "playbookJson" TEXT NOT NULL,
    "isDrill" BOOLEAN NOT NULL DEFAULT false,
    "channelId" TEXT NOT NULL,
    "originChannelId" TEXT NOT NULL,
    "declaredById" TEXT NOT NULL,
    "declaredAt" TIMESTAMP(3) NOT NULL,
    "nextUpdateDueAt" TIMESTAMP(3),
    "lastUpdateAt" TIMESTAMP(3),
    "updateReminders" INTEGER NOT NULL DEFAULT 0,
    "updatesSent" INTEGER NOT NULL DEFAULT 0,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "overrideReason" TEXT,
    "drillScoreJson" TEXT,
    "stateVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentRole" (
    "id" SERIAL NOT NULL,
    "incidentId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "userId" TEXT,
    "claimedAt" TIMESTAMP(3),
    "nextReminderAt" TIMESTAMP(3),

    CONSTRAINT "IncidentRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentStep" (
    "id" SERIAL NOT NULL,
    "incidentId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "textJson" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "blocking" BOOLEAN NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "doneById" TEXT,
    "doneAt" TIMESTAMP(3),
    "nextNudgeAt" TIMESTAMP(3),
    "nudges" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "IncidentStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentEvent" (
    "id" SERIAL NOT NULL,
    "incidentId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" TEXT,
    "dataJson" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncidentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentReview" (
    "incidentId" INTEGER NOT NULL,
    "draftJson" TEXT NOT NULL,
    "editsJson" TEXT NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncidentReview_pkey" PRIMARY KEY ("incidentId")
);

-- CreateTable
CREATE TABLE "IncidentActionItem" (
    "id" SERIAL NOT NULL,
    "incidentId" INTEGER NOT NULL,
    "textJson" TEXT NOT NULL,
    "ownerId" TEXT,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),
    "doneById" TEXT,
    "dueAt" TIMESTAMP(3),
    "nextNudgeAt" TIMESTAMP(3),
    "nudges" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "IncidentActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskThreshold" (
    "id" SERIAL NOT NULL,
    "teamId" TEXT NOT NULL,
    "signal" TEXT NOT NULL,
    "windowMinutes" INTEGER NOT NULL,
    "limit" INTEGER NOT NULL,
    "riskType" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "playbookId" TEXT,
    "channelId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'below',
    "crossings" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RiskThreshold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskWarning" (
    "id" SERIAL NOT NULL,
    "thresholdId" INTEGER NOT NULL,
    "crossing" INTEGER NOT NULL,
    "teamId" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "limit" INTEGER NOT NULL,
    "crossedAt" TIMESTAMP(3) NOT NULL,
    "clearedAt" TIMESTAMP(3),
    "incidentId" INTEGER,

    CONSTRAINT "RiskWarning_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_teamId_handle_key" ON "User"("teamId", "handle");

-- CreateIndex
CREATE INDEX "PlatformIdentity_userId_idx" ON "PlatformIdentity"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "PlatformIdentity_platform_tenant_externalId_key" ON "PlatformIdentity"("platform", "tenant", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Channel_platform_externalId_key" ON "Channel"("platform", "externalId");

-- CreateIndex
CREATE INDEX "Topic_teamId_status_idx" ON "Topic"("teamId", "status");

-- CreateIndex
CREATE INDEX "Topic_teamId_plannedDay_idx" ON "Topic"("teamId", "plannedDay");

-- CreateIndex
CREATE INDEX "AuditLog_subjectType_subjectId_idx" ON "AuditLog"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "AuditLog_teamId_createdAt_idx" ON "AuditLog"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_channelId_status_idx" ON "OutboxMessage"("channelId", "status");

-- CreateIndex
CREATE INDEX "PostedCard_subjectKey_idx" ON "PostedCard"("subjectKey");

-- CreateIndex
CREATE INDEX "ConsoleMessage_channelId_id_idx" ON "ConsoleMessage"("channelId", "id");

-- CreateIndex
CREATE INDEX "JobRun_jobId_startedAt_idx" ON "JobRun"("jobId", "startedAt");

-- CreateIndex
CREATE INDEX "LinkCode_userId_idx" ON "LinkCode"("userId");

-- CreateIndex
CREATE INDEX "ProcessedEvent_receivedAt_idx" ON "ProcessedEvent"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewChain_teamId_name_key" ON "ReviewChain"("teamId", "name");

-- CreateIndex
CREATE INDEX "Review_teamId_status_idx" ON "Review"("teamId", "status");

-- CreateIndex
CREATE INDEX "Review_topicId_idx" ON "Review"("topicId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewVersion_reviewId_number_key" ON "ReviewVersion"("reviewId", "number");

-- CreateIndex
CREATE INDEX "ReviewLevelState_status_nextReminderAt_idx" ON "ReviewLevelState"("status", "nextReminderAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewLevelState_reviewId_version_level_pass_key" ON "ReviewLevelState"("reviewId", "version", "level", "pass");

-- CreateIndex
CREATE INDEX "ReviewDecision_reviewerId_idx" ON "ReviewDecision"("reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewDecision_reviewId_version_level_pass_reviewerId_key" ON "ReviewDecision"("reviewId", "version", "level", "pass", "reviewerId");

-- CreateIndex
CREATE INDEX "MetricValue_teamId_day_platform_metric_value_idx" ON "MetricValue"("teamId", "day", "platform", "metric", "value");

-- CreateIndex
CREATE INDEX "MetricValue_teamId_metric_day_idx" ON "MetricValue"("teamId", "metric", "day");

-- CreateIndex
CREATE UNIQUE INDEX "MetricValue_teamId_platform_account_metric_day_key" ON "MetricValue"("teamId", "platform", "account", "metric", "day");

-- CreateIndex
CREATE INDEX "MetricValueHistory_metricValueId_idx" ON "MetricValueHistory"("metricValueId");

-- CreateIndex
CREATE INDEX "KpiTarget_teamId_active_idx" ON "KpiTarget"("teamId", "active");

-- CreateIndex
CREATE INDEX "DigestSubscription_active_idx" ON "DigestSubscription"("active");

-- CreateIndex
CREATE UNIQUE INDEX "DigestSubscription_teamId_targetKey_key" ON "DigestSubscription"("teamId", "targetKey");

-- CreateIndex
CREATE INDEX "SlaAccount_teamId_idx" ON "SlaAccount"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "SlaAccount_platform_account_key" ON "SlaAccount"("platform", "account");

-- CreateIndex
CREATE UNIQUE INDEX "SlaPolicy_teamId_name_key" ON "SlaPolicy"("teamId", "name");

-- CreateIndex
CREATE INDEX "SlaItem_status_nextReminderAt_idx" ON "SlaItem"("status", "nextReminderAt");

-- CreateIndex
CREATE INDEX "SlaItem_teamId_status_deadlineAt_idx" ON "SlaItem"("teamId", "status", "deadlineAt");

-- CreateIndex
CREATE INDEX "SlaItem_teamId_createdAt_idx" ON "SlaItem"("teamId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SlaItem_platform_externalId_key" ON "SlaItem"("platform", "externalId");

-- CreateIndex
CREATE INDEX "Incident_teamId_status_idx" ON "Incident"("teamId", "status");

-- CreateIndex
CREATE INDEX "Incident_status_nextUpdateDueAt_idx" ON "Incident"("status", "nextUpdateDueAt");

-- CreateIndex
CREATE INDEX "IncidentRole_nextReminderAt_idx" ON "IncidentRole"("nextReminderAt");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentRole_incidentId_role_key" ON "IncidentRole"("incidentId", "role");

-- CreateIndex
CREATE INDEX "IncidentStep_status_nextNudgeAt_idx" ON "IncidentStep"("status", "nextNudgeAt");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentStep_incidentId_key_key" ON "IncidentStep"("incidentId", "key");

-- CreateIndex
CREATE INDEX "IncidentEvent_incidentId_id_idx" ON "IncidentEvent"("incidentId", "id");

-- CreateIndex
CREATE INDEX "IncidentActionItem_incidentId_idx" ON "IncidentActionItem"("incidentId");

-- CreateIndex
CREATE INDEX "IncidentActionItem_ownerId_status_idx" ON "IncidentActionItem"("ownerId", "status");

-- CreateIndex
CREATE INDEX "IncidentActionItem_status_nextNudgeAt_idx" ON "IncidentActionItem"("status", "nextNudgeAt");

-- CreateIndex
CREATE INDEX "RiskThreshold_teamId_active_idx" ON "RiskThreshold"("teamId", "active");

-- CreateIndex
CREATE INDEX "RiskWarning_teamId_crossedAt_idx" ON "RiskWarning"("teamId", "crossedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RiskWarning_thresholdId_crossing_key" ON "RiskWarning"("thresholdId", "crossing");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformIdentity" ADD CONSTRAINT "PlatformIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Channel" ADD CONSTRAINT "Channel_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicVote" ADD CONSTRAINT "TopicVote_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewVersion" ADD CONSTRAINT "ReviewVersion_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewLevelState" ADD CONSTRAINT "ReviewLevelState_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

