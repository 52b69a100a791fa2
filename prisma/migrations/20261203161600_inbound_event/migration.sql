-- CreateTable
CREATE TABLE "InboundEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "source" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "conversationKey" TEXT NOT NULL,
    "payloadJson" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "leaseUntil" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "committedAt" DATETIME,
    "outcomeJson" TEXT,
    "createdAt" DATETIME NOT NULL,
    "doneAt" DATETIME
);

-- CreateIndex
CREATE INDEX "InboundEvent_status_id_idx" ON "InboundEvent"("status", "id");

-- CreateIndex
CREATE INDEX "InboundEvent_conversationKey_status_idx" ON "InboundEvent"("conversationKey", "status");

-- CreateIndex
CREATE UNIQUE INDEX "InboundEvent_source_eventKey_key" ON "InboundEvent"("source", "eventKey");

