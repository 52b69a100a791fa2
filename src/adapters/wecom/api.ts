// The WeCom server API calls the adapter makes: gettoken (cached until 5 minutes before it expires, on the
// injected clock), message/send, message/update_template_card, and the group robot's webhook/send.
import type { Clock } from "../../lib/clock.js";

/** Thrown for an HTTP failure or a non-zero errcode. */
export class WecomApiError extends Error {
  override readonly name = "WecomApiError";
  constructor(readonly errcode: number, message: string) {
    super(`WeCom API error ${errcode}: ${message}`);
  }
}

/** errcodes meaning the access token is invalid or expired: fetch a new one and try once more. */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
/** Refresh this long before WeCom's `expires_in` runs out. */
export const TOKEN_REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** What the API client is built from. */
export interface WecomApiOptions {
  baseUrl: string;
  corpId: string;
  secret: string;
  clock: Clock;
  /** Per-request timeout; WeCom answers in well under a second. */
  timeoutMs?: number;
}

interface Envelope {
  errcode?: number;
  errmsg?: string;
}

async function requestJson<T extends Envelope>(url: string, init: RequestInit, timeoutMs: number): Promise<T> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  if (!res.ok) throw new WecomApiError(-res.status, `HTTP ${res.status}`);
  let body: T;
  try {
    body = JSON.parse(text) as T;
  } catch {
    throw new WecomApiError(-1, "answer is not JSON");
  }
  if (body.errcode !== undefined && body.errcode !== 0) throw new WecomApiError(body.errcode, body.errmsg ?? "");
  return body;
}

/** The self-built app's API: token cache plus the calls that need it. */
export class WecomApi {
  private token?: { value: string; refreshAt: number };
  private fetching?: Promise<string>;
  private readonly timeoutMs: number;

  constructor(private readonly opts: WecomApiOptions) {
    this.timeoutMs = opts.timeoutMs ?? 10_000;
  }

  /** The cached access token, fetched when absent or within 5 minutes of expiring; concurrent callers share one fetch. */
  async accessToken(): Promise<string> {
    const now = this.opts.clock.now().getTime();
    if (this.token && now < this.token.refreshAt) return this.token.value;
    this.fetching ??= this.fetchToken().finally(() => (this.fetching = undefined));
    return this.fetching;
  }

  private async fetchToken(): Promise<string> {
    const url = `${this.opts.baseUrl}/cgi-bin/gettoken?corpid=${encodeURIComponent(this.opts.corpId)}&corpsecret=${encodeURIComponent(this.opts.secret)}`;
    const body = await requestJson<Envelope & { access_token?: string; expires_in?: number }>(url, { method: "GET" }, this.timeoutMs);
    if (!body.access_token) throw new WecomApiError(-1, "gettoken returned no access_token");
    const lifetimeMs = (body.expires_in ?? 7200) * 1000;
    this.token = { value: body.access_token, refreshAt: this.opts.clock.now().getTime() + Math.max(0, lifetimeMs - TOKEN_REFRESH_MARGIN_MS) };
    return body.access_token;
  }

  /** POSTs JSON to an access-token API; on a token error the token is refreshed and the call tried once more. */
  async post<T extends Envelope>(path: string, payload: unknown): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken();
      try {
        return await requestJson<T>(`${this.opts.baseUrl}${path}?access_token=${encodeURIComponent(token)}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(payload),
        }, this.timeoutMs);
      } catch (err) {
        if (attempt === 0 && err instanceof WecomApiError && TOKEN_ERRORS.has(err.errcode)) {
          this.token = undefined;
          continue;
        }
        throw err;
      }
    }
  }

  /** GET user/get: a member's name (needs the app to see the member in its contact scope: errcode 60011 otherwise). */
  async getUser(userId: string): Promise<Envelope & { name?: string }> {
    const token = await this.accessToken();
    return requestJson(`${this.opts.baseUrl}/cgi-bin/user/get?access_token=${encodeURIComponent(token)}&userid=${encodeURIComponent(userId)}`, { method: "GET" }, this.timeoutMs);
  }

  /** GET appchat/get: a group chat the app created (errcode 86003 when there is no such chat). */
  async getAppChat(chatId: string): Promise<Envelope & { chat_info?: { chatid?: string; name?: string } }> {
    const token = await this.accessToken();
    return requestJson(`${this.opts.baseUrl}/cgi-bin/appchat/get?access_token=${encodeURIComponent(token)}&chatid=${encodeURIComponent(chatId)}`, { method: "GET" }, this.timeoutMs);
  }

  /** media/upload (type image, multipart field "media"): a temporary media_id (3 days) for an image message. */
  async uploadImage(png: Buffer, filename: string): Promise<string> {
    const token = await this.accessToken();
    const form = new FormData();
    form.append("media", new Blob([new Uint8Array(png)], { type: "image/png" }), filename);
    const body = await requestJson<Envelope & { media_id?: string }>(`${this.opts.baseUrl}/cgi-bin/media/upload?access_token=${encodeURIComponent(token)}&type=image`, { method: "POST", body: form }, this.timeoutMs);
    if (!body.media_id) throw new WecomApiError(-1, "media/upload returned no media_id");
    return body.media_id;
  }

  /** appchat/send: a message to a group chat the app created (markdown; app chats take no template cards). */
  sendAppChat(payload: Record<string, unknown>): Promise<Envelope> {
    return this.post("/cgi-bin/appchat/send", payload);
  }

  /** message/send; `response_code` is present only for interactive template cards. */
  sendMessage(payload: Record<string, unknown>): Promise<Envelope & { msgid?: string; response_code?: string }> {
    return this.post("/cgi-bin/message/send", payload);
  }

  /** message/update_template_card with a single-use response_code. */
  updateTemplateCard(payload: Record<string, unknown>): Promise<Envelope> {
    return this.post("/cgi-bin/message/update_template_card", payload);
  }
}

/** The group robot: a webhook key, no token, no callbacks. */
export async function sendRobotMessage(baseUrl: string, key: string, payload: unknown, timeoutMs = 10_000): Promise<void> {
  await requestJson(`${baseUrl}/cgi-bin/webhook/send?key=${encodeURIComponent(key)}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
  }, timeoutMs);
}
