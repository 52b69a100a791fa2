-- CreateTable
CREATE TABLE "MetricPullDay" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "api" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MetricSourceStatus" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "account" TEXT NOT NULL DEFAULT '',
    "lastDay" TEXT,
    "lastStoredAt" DATETIME,
    "lastError" TEXT,
    "lastErrorAt" DATETIME
);

-- CreateIndex
CREATE INDEX "MetricPullDay_teamId_source_status_idx" ON "MetricPullDay"("teamId", "source", "status");

-- CreateIndex
CREATE UNIQUE INDEX "MetricPullDay_teamId_source_account_api_day_key" ON "MetricPullDay"("teamId", "source", "account", "api", "day");

-- CreateIndex
CREATE UNIQUE INDEX "MetricSourceStatus_teamId_source_account_key" ON "MetricSourceStatus"("teamId", "source", "account");

