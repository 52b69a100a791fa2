// The WeChat OA access token kept in the database, so every replica uses the same one and a restart does not
// fetch a new one. WeChat's normal-mode stable_token returns the same token to every caller while it is
// valid, so concurrent saves of a normal fetch agree; a forced refresh invalidates the previous token, so
// only one replica at a time may force one: it claims the row (guarded by the token that failed and by
// WeChat's 30-second spacing) before calling.
import type { Db } from "../../db/client.js";

/** A token as stored. */
export interface StoredToken {
  accessToken: string;
  expiresAt: Date;
  /** When to fetch the next one (before WeChat's own renewal, five minutes before expiry). */
  refreshAt: Date;
}

/** Where the API client keeps its token. */
export interface WechatTokenStore {
  read(appId: string): Promise<StoredToken | undefined>;
  save(appId: string, token: StoredToken, now: Date): Promise<void>;
  /**
   * Claims the right to force a refresh because `failedToken` was refused: true only for the one caller that
   * finds that token still stored and no forced refresh in the last `spacingMs`.
   */
  claimForcedRefresh(appId: string, failedToken: string, now: Date, spacingMs: number): Promise<boolean>;
}

/** The Prisma-backed store (table WechatOaToken, one row per AppID). */
export function databaseTokenStore(db: Db): WechatTokenStore {
  return {
    async read(appId) {
      const row = await db.wechatOaToken.findUnique({ where: { appId } });
      return row ? { accessToken: row.accessToken, expiresAt: row.expiresAt, refreshAt: row.refreshAt } : undefined;
    },
    async save(appId, t, now) {
      const data = { accessToken: t.accessToken, expiresAt: t.expiresAt, refreshAt: t.refreshAt, fetchedAt: now };
      // A first save can race another replica's: the loser's upsert fails on the key and writes again as an update.
      try {
        await db.wechatOaToken.upsert({ where: { appId }, create: { appId, ...data }, update: data });
      } catch (err) {
        if ((err as { code?: unknown }).code !== "P2002") throw err;
        await db.wechatOaToken.update({ where: { appId }, data });
      }
    },
    async claimForcedRefresh(appId, failedToken, now, spacingMs) {
      const before = new Date(now.getTime() - spacingMs);
      const r = await db.wechatOaToken.updateMany({
        where: { appId, accessToken: failedToken, OR: [{ forcedAt: null }, { forcedAt: { lt: before } }] },
        data: { forcedAt: now },
      });
      return r.count === 1;
    },
  };
}
