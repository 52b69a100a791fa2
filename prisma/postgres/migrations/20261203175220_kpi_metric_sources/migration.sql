-- CreateTable
CREATE TABLE "MetricPullDay" (
    "id" SERIAL NOT NULL,
    "teamId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "api" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MetricPullDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricSourceStatus" (
    "id" SERIAL NOT NULL,
    "teamId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "account" TEXT NOT NULL DEFAULT '',
    "lastDay" TEXT,
    "lastStoredAt" TIMESTAMP(3),
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),

    CONSTRAINT "MetricSourceStatus_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MetricPullDay_teamId_source_status_idx" ON "MetricPullDay"("teamId", "source", "status");

-- CreateIndex
CREATE UNIQUE INDEX "MetricPullDay_teamId_source_account_api_day_key" ON "MetricPullDay"("teamId", "source", "account", "api", "day");

-- CreateIndex
CREATE UNIQUE INDEX "MetricSourceStatus_teamId_source_account_key" ON "MetricSourceStatus"("teamId", "source", "account");

