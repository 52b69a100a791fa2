-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "themeTargetsJson" TEXT NOT NULL,
    "autoEnroll" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "rolesJson" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlatformIdentity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "tenant" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "lastSeenAt" DATETIME,
    CONSTRAINT "PlatformIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Channel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Channel_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Topic" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Topic_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TopicVote" (
    "topicId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("topicId", "userId"),
    CONSTRAINT "TopicVote_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "beforeJson" TEXT,
    "afterJson" TEXT,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "nextAttemptAt" DATETIME NOT NULL,
    "claimedUntil" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL,
    "sentAt" DATETIME
);

-- CreateTable
CREATE TABLE "PostedCard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "subjectKey" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "channelId" TEXT,
    "messageRef" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "stateVersion" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ConsoleMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channelId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorKind" TEXT NOT NULL,
    "visibleToId" TEXT,
    "text" TEXT NOT NULL,
    "cardJson" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "JobRun" (
    "runKey" TEXT NOT NULL PRIMARY KEY,
    "jobId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "error" TEXT
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "LinkCode" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ProcessedEvent" (
    "platform" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,

    PRIMARY KEY ("platform", "eventId")
);

-- CreateTable
CREATE TABLE "ReviewChain" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definitionJson" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Review" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "lastNudgeAt" DATETIME,
    "closedById" TEXT,
    "closedAt" DATETIME,
    "closedReason" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReviewVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reviewId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "note" TEXT,
    "submittedById" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    CONSTRAINT "ReviewVersion_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewLevelState" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reviewId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "pass" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "reviewersJson" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "deadlineAt" DATETIME NOT NULL,
    "nextReminderAt" DATETIME,
    "remindersSent" INTEGER NOT NULL DEFAULT 0,
    "escalationsSent" INTEGER NOT NULL DEFAULT 0,
    "decidedAt" DATETIME,
    CONSTRAINT "ReviewLevelState_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewDecision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reviewId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "pass" INTEGER NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "reason" TEXT,
    "sendBackTo" INTEGER,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "ReviewDecision_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MetricValue" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "source" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "updatedBy" TEXT
);

-- CreateTable
CREATE TABLE "MetricValueHistory" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "metricValueId" INTEGER NOT NULL,
    "oldValue" REAL NOT NULL,
    "oldSource" TEXT NOT NULL,
    "newValue" REAL NOT NULL,
    "replacedAt" DATETIME NOT NULL,
    "replacedBy" TEXT
);

-- CreateTable
CREATE TABLE "KpiTarget" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "platform" TEXT,
    "account" TEXT,
    "baseline" REAL NOT NULL,
    "goal" REAL NOT NULL,
    "goalText" TEXT NOT NULL,
    "startDay" TEXT NOT NULL,
    "endDay" TEXT NOT NULL,
    "shape" TEXT NOT NULL DEFAULT 'linear',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DigestSubscription" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DigestRun" (
    "runKey" TEXT NOT NULL PRIMARY KEY,
    "subscriptionId" TEXT NOT NULL,
    "localDay" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SlaAccount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "leadId" TEXT,
    "managerId" TEXT,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SlaPolicy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definitionJson" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true
);

-- CreateTable
CREATE TABLE "SlaItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "link" TEXT,
    "source" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "policyName" TEXT NOT NULL,
    "targetMinutes" INTEGER NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "windowEndsAt" DATETIME,
    "deadlineAt" DATETIME NOT NULL,
    "scheduleJson" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "assigneeId" TEXT,
    "claimedById" TEXT,
    "warningsSent" INTEGER NOT NULL DEFAULT 0,
    "escalationStep" INTEGER NOT NULL DEFAULT 0,
    "nextReminderAt" DATETIME,
    "breachedAt" DATETIME,
    "answeredAt" DATETIME,
    "answeredById" TEXT,
    "answer" TEXT,
    "dismissReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "declaredAt" DATETIME NOT NULL,
    "nextUpdateDueAt" DATETIME,
    "lastUpdateAt" DATETIME,
    "updateReminders" INTEGER NOT NULL DEFAULT 0,
    "updatesSent" INTEGER NOT NULL DEFAULT 0,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    "overrideReason" TEXT,
    "drillScoreJson" TEXT,
    "stateVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "IncidentRole" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "incidentId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "userId" TEXT,
    "claimedAt" DATETIME,
    "nextReminderAt" DATETIME
);

-- CreateTable
CREATE TABLE "IncidentStep" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "incidentId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "textJson" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "blocking" BOOLEAN NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "doneById" TEXT,
    "doneAt" DATETIME,
    "nextNudgeAt" DATETIME,
    "nudges" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "IncidentEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "incidentId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" TEXT,
    "dataJson" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "IncidentReview" (
    "incidentId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "draftJson" TEXT NOT NULL,
    "editsJson" TEXT NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "IncidentActionItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "incidentId" INTEGER NOT NULL,
    "textJson" TEXT NOT NULL,
    "ownerId" TEXT,
    "status" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "doneAt" DATETIME,
    "doneById" TEXT,
    "dueAt" DATETIME,
    "nextNudgeAt" DATETIME,
    "nudges" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "RiskThreshold" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RiskWarning" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "thresholdId" INTEGER NOT NULL,
    "crossing" INTEGER NOT NULL,
    "teamId" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "limit" INTEGER NOT NULL,
    "crossedAt" DATETIME NOT NULL,
    "clearedAt" DATETIME,
    "incidentId" INTEGER
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

