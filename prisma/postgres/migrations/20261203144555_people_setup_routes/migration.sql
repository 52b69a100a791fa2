-- AlterTable
ALTER TABLE "User" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "profileFetchedAt" TIMESTAMP(3),
ADD COLUMN     "quietHours" TEXT;

-- CreateTable
CREATE TABLE "SetupCode" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedById" TEXT,

    CONSTRAINT "SetupCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelRoute" (
    "teamId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "workflow" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChannelRoute_pkey" PRIMARY KEY ("teamId","platform","workflow")
);

-- CreateIndex
CREATE UNIQUE INDEX "SetupCode_codeHash_key" ON "SetupCode"("codeHash");

-- CreateIndex
CREATE INDEX "SetupCode_teamId_idx" ON "SetupCode"("teamId");

