-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_KpiTarget" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT 'team',
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
INSERT INTO "new_KpiTarget" ("account", "active", "baseline", "createdAt", "createdBy", "endDay", "goal", "goalText", "id", "metric", "platform", "shape", "startDay", "teamId") SELECT "account", "active", "baseline", "createdAt", "createdBy", "endDay", "goal", "goalText", "id", "metric", "platform", "shape", "startDay", "teamId" FROM "KpiTarget";
DROP TABLE "KpiTarget";
ALTER TABLE "new_KpiTarget" RENAME TO "KpiTarget";
CREATE INDEX "KpiTarget_teamId_active_idx" ON "KpiTarget"("teamId", "active");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Existing targets keep what they covered: an account, a platform, or the team.
UPDATE "KpiTarget" SET "scope" = CASE WHEN "account" IS NOT NULL THEN 'account' WHEN "platform" IS NOT NULL THEN 'platform' ELSE 'team' END;
-- The metric "cost" is now called "spend" (what budgets count); "cost" stays an alias people may type.
UPDATE "MetricValue" SET "metric" = 'spend' WHERE "metric" = 'cost';
UPDATE "KpiTarget" SET "metric" = 'spend' WHERE "metric" = 'cost';
UPDATE "DigestSubscription" SET "metricsJson" = REPLACE("metricsJson", '"cost"', '"spend"'), "mutedJson" = REPLACE("mutedJson", '"cost"', '"spend"');
