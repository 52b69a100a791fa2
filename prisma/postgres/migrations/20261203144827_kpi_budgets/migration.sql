-- CreateTable
CREATE TABLE "Budget" (
    "id" SERIAL NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "amount" DOUBLE PRECISION NOT NULL,
    "platform" TEXT,
    "period" TEXT NOT NULL,
    "startDay" TEXT,
    "endDay" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Budget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetSpend" (
    "id" SERIAL NOT NULL,
    "budgetId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "amount" DOUBLE PRECISION NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BudgetSpend_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetAlert" (
    "budgetId" INTEGER NOT NULL,
    "periodStart" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "crossed" BOOLEAN NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BudgetAlert_pkey" PRIMARY KEY ("budgetId","periodStart","kind")
);

-- CreateIndex
CREATE UNIQUE INDEX "Budget_teamId_name_key" ON "Budget"("teamId", "name");

-- CreateIndex
CREATE INDEX "BudgetSpend_budgetId_day_idx" ON "BudgetSpend"("budgetId", "day");

