-- CreateTable
CREATE TABLE "WechatOaToken" (
    "appId" TEXT NOT NULL,
    "accessToken" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "refreshAt" TIMESTAMP(3) NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "forcedAt" TIMESTAMP(3),

    CONSTRAINT "WechatOaToken_pkey" PRIMARY KEY ("appId")
);

