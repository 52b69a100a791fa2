// The WeChat Official Account server API client: the access token from POST /cgi-bin/stable_token, kept in
// the database (shared by replicas, fetched again a few minutes before it expires), and JSON POSTs with it.
// A token error (40001, 40014, 42001) gets one forced refresh and one retry; every other error is thrown as a
// WechatApiError whose `info` says what it means (the IP for 40164, `retryable` for -1 and rate limits),
// and the caller (the outbox, the poll job) tries again later. The base URL is WECHAT_OA_API_URL.
import type { WechatTokenStore } from "../../app/wechat-oa/token-store.js";
import type { Clock } from "../../lib/clock.js";
import type { Log } from "../../lib/logger.js";
import { WechatApiError } from "./errors.js";

/** WeChat renews a normal-mode token five minutes before it expires; we fetch again from then on. */
export const TOKEN_RENEW_MARGIN_MS = 5 * 60_000;
/** WeChat ignores forced refreshes closer together than this. */
export const FORCED_REFRESH_SPACING_MS = 30_000;

/** What the client is built from. */
export interface WechatOaClientOptions {
  /** e.g. https://api.weixin.qq.com (no trailing slash). */
  apiUrl: string;
  appId: string;
  appSecret: string;
  clock: Clock;
  store: WechatTokenStore;
  log?: Log;
  /** Per-request timeout. */
  timeoutMs?: number;
}

/** The fields every WeChat answer may carry. */
export interface WechatEnvelope {
  errcode?: number;
  errmsg?: string;
}

interface TokenAnswer extends WechatEnvelope {
  access_token?: string;
  expires_in?: number;
}

/** One account's API. */
export class WechatOaClient {
  readonly appId: string;
  private fetching?: Promise<string>;
  private readonly timeoutMs: number;

  constructor(private readonly opts: WechatOaClientOptions) {
    this.appId = opts.appId;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
  }

  /** POSTs `body` as JSON to `path` (e.g. "/cgi-bin/comment/list") with the access token; returns the answer. */
  async post<T extends object>(path: string, body: unknown): Promise<T & WechatEnvelope> {
    const token = await this.accessToken();
    try {
      return await this.request<T>(path, body, token);
    } catch (err) {
      if (!(err instanceof WechatApiError) || !err.isTokenError) throw err;
      this.opts.log?.warn({ path, errcode: err.errcode }, "wechat-oa: access token refused; refreshing once");
      const fresh = await this.replaceRefused(token);
      return this.request<T>(path, body, fresh);
    }
  }

  /** The stored token, or a new one (normal mode) when there is none or it is due for renewal. */
  async accessToken(): Promise<string> {
    const stored = await this.opts.store.read(this.appId);
    if (stored && this.opts.clock.now() < stored.refreshAt) return stored.accessToken;
    // Concurrent callers in this process share one fetch.
    this.fetching ??= this.fetchAndSave(false).finally(() => (this.fetching = undefined));
    return this.fetching;
  }

  /**
   * After `failed` was refused: the token another replica stored meanwhile, else a forced refresh (when this
   * replica wins the claim), else whatever normal mode gives now.
   */
  private async replaceRefused(failed: string): Promise<string> {
    const now = this.opts.clock.now();
    const stored = await this.opts.store.read(this.appId);
    if (stored && stored.accessToken !== failed) return stored.accessToken;
    const force = await this.opts.store.claimForcedRefresh(this.appId, failed, now, FORCED_REFRESH_SPACING_MS);
    if (force) this.opts.log?.info({ appId: this.appId }, "wechat-oa: forced token refresh");
    return this.fetchAndSave(force);
  }

  private async fetchAndSave(force: boolean): Promise<string> {
    const answer = await this.request<TokenAnswer>("/cgi-bin/stable_token", {
      grant_type: "client_credential",
      appid: this.appId,
      secret: this.opts.appSecret,
      force_refresh: force,
    });
    if (!answer.access_token) throw new WechatApiError(-1, "stable_token answered without access_token", "/cgi-bin/stable_token");
    const now = this.opts.clock.now();
    const lifetimeMs = Math.max(1, answer.expires_in ?? 7200) * 1000;
    // Renew five minutes early; a token that already lives less than ten minutes is renewed halfway.
    const renewInMs = lifetimeMs > 2 * TOKEN_RENEW_MARGIN_MS ? lifetimeMs - TOKEN_RENEW_MARGIN_MS : lifetimeMs / 2;
    await this.opts.store.save(this.appId, { accessToken: answer.access_token, expiresAt: new Date(now.getTime() + lifetimeMs), refreshAt: new Date(now.getTime() + renewInMs) }, now);
    return answer.access_token;
  }

  /** One HTTP POST; a non-zero errcode, a non-2xx status, a timeout or a non-JSON answer is a WechatApiError. */
  private async request<T extends object>(path: string, body: unknown, token?: string): Promise<T & WechatEnvelope> {
    const url = `${this.opts.apiUrl}${path}${token ? `?access_token=${encodeURIComponent(token)}` : ""}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new WechatApiError(-1, err instanceof Error ? err.message : String(err), path, { network: true });
    }
    const text = await res.text();
    if (!res.ok) throw new WechatApiError(-res.status, `HTTP ${res.status}`, path, { network: true });
    let parsed: T & WechatEnvelope;
    try {
      parsed = JSON.parse(text) as T & WechatEnvelope;
    } catch {
      throw new WechatApiError(-1, "the answer is not JSON", path, { network: true });
    }
    if (typeof parsed !== "object" || parsed === null) throw new WechatApiError(-1, "the answer is not a JSON object", path, { network: true });
    if (parsed.errcode !== undefined && parsed.errcode !== 0) throw new WechatApiError(parsed.errcode, parsed.errmsg ?? "", path);
    return parsed;
  }
}
