-- AlterTable
ALTER TABLE "SlaItem" ADD COLUMN     "articleIndex" INTEGER,
ADD COLUMN     "lastMessageAt" TIMESTAMP(3),
ADD COLUMN     "msgDataId" TEXT,
ADD COLUMN     "replyAt" TIMESTAMP(3),
ADD COLUMN     "replyById" TEXT,
ADD COLUMN     "replyError" TEXT,
ADD COLUMN     "replyStatus" TEXT,
ADD COLUMN     "replyText" TEXT,
ADD COLUMN     "userCommentId" TEXT;

