-- CreateTable
CREATE TABLE "InboundEvent" (
    "id" SERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "conversationKey" TEXT NOT NULL,
    "payloadJson" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "leaseUntil" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "committedAt" TIMESTAMP(3),
    "outcomeJson" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "InboundEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InboundEvent_status_id_idx" ON "InboundEvent"("status", "id");

-- CreateIndex
CREATE INDEX "InboundEvent_conversationKey_status_idx" ON "InboundEvent"("conversationKey", "status");

-- CreateIndex
CREATE UNIQUE INDEX "InboundEvent_source_eventKey_key" ON "InboundEvent"("source", "eventKey");

