-- AlterTable
ALTER TABLE "KpiTarget" ADD COLUMN     "scope" TEXT NOT NULL DEFAULT 'team';


-- Existing targets keep what they covered: an account, a platform, or the team.
UPDATE "KpiTarget" SET "scope" = CASE WHEN "account" IS NOT NULL THEN 'account' WHEN "platform" IS NOT NULL THEN 'platform' ELSE 'team' END;
-- The metric "cost" is now called "spend" (what budgets count); "cost" stays an alias people may type.
UPDATE "MetricValue" SET "metric" = 'spend' WHERE "metric" = 'cost';
UPDATE "KpiTarget" SET "metric" = 'spend' WHERE "metric" = 'cost';
UPDATE "DigestSubscription" SET "metricsJson" = REPLACE("metricsJson", '"cost"', '"spend"'), "mutedJson" = REPLACE("mutedJson", '"cost"', '"spend"');
