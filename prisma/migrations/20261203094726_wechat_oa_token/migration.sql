-- CreateTable
CREATE TABLE "WechatOaToken" (
    "appId" TEXT NOT NULL PRIMARY KEY,
    "accessToken" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "refreshAt" DATETIME NOT NULL,
    "fetchedAt" DATETIME NOT NULL,
    "forcedAt" DATETIME
);

