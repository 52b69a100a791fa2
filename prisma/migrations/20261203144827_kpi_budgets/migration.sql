-- CreateTable
CREATE TABLE "Budget" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "amount" REAL NOT NULL,
    "platform" TEXT,
    "period" TEXT NOT NULL,
    "startDay" TEXT,
    "endDay" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "BudgetSpend" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "budgetId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "amount" REAL NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "BudgetAlert" (
    "budgetId" INTEGER NOT NULL,
    "periodStart" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "crossed" BOOLEAN NOT NULL,
    "changedAt" DATETIME NOT NULL,

    PRIMARY KEY ("budgetId", "periodStart", "kind")
);

-- CreateIndex
CREATE UNIQUE INDEX "Budget_teamId_name_key" ON "Budget"("teamId", "name");

-- CreateIndex
CREATE INDEX "BudgetSpend_budgetId_day_idx" ON "BudgetSpend"("budgetId", "day");

