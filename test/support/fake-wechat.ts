// A fake WeChat Official Account API on 127.0.0.1 that answers in the documented shapes (see the shared
// reference wechat-oa-api.md): stable_token (normal mode returns the current token, force_refresh issues a new
// one and invalidates the old), comment/list with paging (count must be under 50), comment/reply/add (88005
// the second time), message/custom/send (45015 past 48 hours of the person's last message), and
// datacube/getarticlesummary. Tests arrange articles, comments and faults; every call is recorded.
// Datacube routes for other figures can be added with `route()`.
import { startFakeApi, type FakeAnswer, type FakeApi, type RecordedCall } from "./fake-api.js";

/** A comment as the fake keeps it. */
export interface FakeComment {
  user_comment_id: number;
  openid: string;
  create_time: number;
  content: string;
  comment_type: 0 | 1;
  reply?: { content: string; create_time: number };
}

/** An article: msg_data_id, its 1-based position n in the send (msgid "<id>_<n>"), its day and title. */
export interface FakeArticle {
  msgDataId: number;
  n: number;
  refDate: string;
  title: string;
  comments: FakeComment[];
}

/** What the fake was started with. */
export interface FakeWechatOptions {
  appId: string;
  appSecret: string;
  /** The fake's idea of now (the service's FakeClock), for the 48-hour window and reply times. */
  now: () => Date;
}

/** The running fake and its levers. */
export interface FakeWechat extends FakeApi {
  /** The token a normal-mode stable_token call answers with now. */
  currentToken(): string;
  /** Makes the current token answer 42001 (expired) from now on, as if WeChat had dropped it. */
  expireToken(): void;
  /** Adds an article (and returns it to add comments to). */
  addArticle(a: { msgDataId: number; n: number; refDate: string; title?: string }): FakeArticle;
  /** Adds a comment to an article; returns it. */
  addComment(article: FakeArticle, c: { id: number; openid?: string; at: Date; content: string; reply?: { content: string; at: Date } }): FakeComment;
  /** Records that `openid` wrote to the account at `at` (opens the 48-hour window). */
  userWrote(openid: string, at: Date): void;
  /** Every call from now on answers 40164 naming `ip`; undefined lifts it. */
  refuseIp(ip: string | undefined): void;
  /** The next call to `path` answers `errcode` instead (once per entry queued). */
  failNext(path: string, errcode: number, errmsg?: string): void;
  /** Adds (or replaces) the answer of another path, e.g. a datacube figure. */
  route(path: string, answer: (call: RecordedCall) => FakeAnswer): void;
  /** Forced refreshes so far. */
  forcedRefreshes(): number;
}

const ok = (body: object): FakeAnswer => ({ body: { errcode: 0, errmsg: "ok", ...body } });
const err = (errcode: number, errmsg: string): FakeAnswer => ({ body: { errcode, errmsg: `${errmsg} rid: 6580f3c1-0d5a1b2c-3e4f5a6b` } });
const secs = (d: Date) => Math.floor(d.getTime() / 1000);

/** Starts the fake on a free port. */
export async function startFakeWechat(opts: FakeWechatOptions): Promise<FakeWechat> {
  let serial = 1;
  let token = `ACCESS_TOKEN_${serial}`;
  const valid = new Set([token]);
  let forced = 0;
  let lastForcedAt = -Infinity;
  let ipRefused: string | undefined;
  const faults = new Map<string, { errcode: number; errmsg: string }[]>();
  const articles: FakeArticle[] = [];
  const lastWrote = new Map<string, Date>();
  const extra = new Map<string, (call: RecordedCall) => FakeAnswer>();

  const body = (c: RecordedCall) => (c.json ?? {}) as Record<string, unknown>;
  const findArticle = (msgDataId: unknown, index: unknown) => articles.find((a) => a.msgDataId === Number(msgDataId) && a.n - 1 === Number(index));

  const routes: Record<string, (c: RecordedCall) => FakeAnswer> = {
    "/cgi-bin/stable_token": (c) => {
      const b = body(c);
      if (b.grant_type !== "client_credential") return err(40002, "invalid grant_type");
      if (b.appid !== opts.appId) return err(40013, "invalid appid");
      if (b.secret !== opts.appSecret) return err(40125, "invalid appsecret");
      const nowMs = opts.now().getTime();
      // Forced refreshes closer than 30 s apart do not refresh (as documented).
      if (b.force_refresh === true && nowMs - lastForcedAt >= 30_000) {
        forced++;
        lastForcedAt = nowMs;
        valid.delete(token);
        token = `ACCESS_TOKEN_${++serial}`;
        valid.add(token);
      }
      return { body: { access_token: token, expires_in: 7200 } };
    },
    "/cgi-bin/comment/list": (c) => {
      const b = body(c);
      const count = Number(b.count);
      if (!Number.isInteger(count) || count < 1 || count >= 50) return err(88010, "count range error");
      const a = findArticle(b.msg_data_id, b.index);
      if (!a) return err(88001, "msg_data is not exists");
      const begin = Number(b.begin ?? 0);
      const page = a.comments.slice(begin, begin + count);
      return ok({ total: a.comments.length, comment: page.map((x) => ({ ...x })) });
    },
    "/cgi-bin/comment/reply/add": (c) => {
      const b = body(c);
      const a = findArticle(b.msg_data_id, b.index);
      if (!a) return err(88001, "msg_data is not exists");
      const cm = a.comments.find((x) => x.user_comment_id === Number(b.user_comment_id));
      if (!cm) return err(88008, "comment is not exists");
      if (cm.reply) return err(88005, "already reply");
      const content = String(b.content ?? "");
      if (content === "") return err(88007, "reply content beyond max len or content len is zero");
      cm.reply = { content, create_time: secs(opts.now()) };
      return ok({});
    },
    "/cgi-bin/message/custom/send": (c) => {
      const b = body(c);
      const wrote = lastWrote.get(String(b.touser));
      if (!wrote) return err(40003, "invalid openid");
      if (opts.now().getTime() - wrote.getTime() > 48 * 3600_000) return err(45015, "response out of time limit or subscription is canceled");
      return ok({});
    },
    "/datacube/getarticlesummary": (c) => {
      const b = body(c);
      if (b.begin_date !== b.end_date) return err(61501, "date range error");
      const list = articles
        .filter((a) => a.refDate === b.begin_date)
        .map((a) => ({ ref_date: a.refDate, msgid: `${a.msgDataId}_${a.n}`, title: a.title, int_page_read_user: 0, int_page_read_count: 0, ori_page_read_user: 0, ori_page_read_count: 0, share_user: 0, share_count: 0, add_to_fav_user: 0, add_to_fav_count: 0 }));
      return { body: { list } };
    },
  };

  const api = await startFakeApi((c) => {
    if (c.method !== "POST") return { status: 405, body: { error: "POST only" } };
    if (ipRefused) return err(40164, `invalid ip ${ipRefused} ipv6 ::ffff:${ipRefused}, not in whitelist`);
    const queued = faults.get(c.path)?.shift();
    if (queued) return err(queued.errcode, queued.errmsg);
    const handler = routes[c.path] ?? extra.get(c.path);
    if (!handler) return undefined;
    if (c.path !== "/cgi-bin/stable_token") {
      const t = c.query.get("access_token");
      if (!t) return err(41001, "access_token missing");
      if (!valid.has(t)) return err(42001, "access_token expired");
    }
    return handler(c);
  });

  return Object.assign(api, {
    currentToken: () => token,
    expireToken: () => void valid.delete(token),
    addArticle(a: { msgDataId: number; n: number; refDate: string; title?: string }) {
      const article: FakeArticle = { ...a, title: a.title ?? `文章 ${a.msgDataId}_${a.n}`, comments: [] };
      articles.push(article);
      return article;
    },
    addComment(article: FakeArticle, c: { id: number; openid?: string; at: Date; content: string; reply?: { content: string; at: Date } }) {
      const cm: FakeComment = { user_comment_id: c.id, openid: c.openid ?? `o_reader_${c.id}`, create_time: secs(c.at), content: c.content, comment_type: 0, ...(c.reply ? { reply: { content: c.reply.content, create_time: secs(c.reply.at) } } : {}) };
      article.comments.push(cm);
      return cm;
    },
    userWrote: (openid: string, at: Date) => void lastWrote.set(openid, at),
    refuseIp: (ip: string | undefined) => void (ipRefused = ip),
    failNext(path: string, errcode: number, errmsg = "system error") {
      const list = faults.get(path) ?? [];
      list.push({ errcode, errmsg });
      faults.set(path, list);
    },
    route: (path: string, answer: (call: RecordedCall) => FakeAnswer) => void extra.set(path, answer),
    forcedRefreshes: () => forced,
  });
}
