// The datacube figures of a fake WeChat OA account, served through fake-wechat's `route()` in the documented
// shapes (../shared/reference/wechat-oa-api.md): getusersummary and getusercumulate (at most 7 days a call),
// getuserread (at most 3 days; a row per user_source plus the 99999999 "all" row). A span longer than allowed,
// end_date not before today (Shanghai), or begin after end answers 61501 "date range error". Each day's figures
// are a fixed function of the day, so a test can compute what must be stored.
import type { FakeWechat } from "./fake-wechat.js";

/** One day's figures as the fake's account has them. */
export interface FakeDayFigures {
  newUsers: [number, number];
  cancelUsers: [number, number];
  cumulate: number;
  reads: number;
  shares: number;
  favourites: number;
}

/** The figures of `day` (YYYY-MM-DD): two user sources for follows, deterministic numbers. */
export function fakeFigures(day: string): FakeDayFigures {
  const n = Number(day.slice(8, 10)) + Number(day.slice(5, 7)) * 31;
  return { newUsers: [40 + (n % 7), 10 + (n % 3)], cancelUsers: [5 + (n % 4), 1], cumulate: 20_000 + n * 37, reads: 3_000 + n * 11, shares: 120 + (n % 13), favourites: 60 + (n % 5) };
}

const MAX_SPAN: Record<string, number> = { getusersummary: 7, getusercumulate: 7, getuserread: 3 };

function days(begin: string, end: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${begin}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Adds the datacube routes to `wx`; `now` is the fake's clock. */
export function serveDatacube(wx: FakeWechat, now: () => Date): void {
  for (const [name, max] of Object.entries(MAX_SPAN)) {
    wx.route(`/datacube/${name}`, (c) => {
      const b = (c.json ?? {}) as { begin_date?: string; end_date?: string };
      const begin = String(b.begin_date ?? "");
      const end = String(b.end_date ?? "");
      const today = new Date(now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
      const span = days(begin, end);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(begin) || !/^\d{4}-\d{2}-\d{2}$/.test(end)) return { body: { errcode: 61500, errmsg: "date format error" } };
      if (span.length === 0 || span.length > max || end >= today) return { body: { errcode: 61501, errmsg: "date range error" } };
      const list = span.flatMap((day): object[] => {
        const f = fakeFigures(day);
        if (name === "getusersummary") return [0, 1].map((i) => ({ ref_date: day, user_source: i === 0 ? 0 : 30, new_user: f.newUsers[i], cancel_user: f.cancelUsers[i] }));
        if (name === "getusercumulate") return [{ ref_date: day, cumulate_user: f.cumulate }];
        const part = { ref_date: day, int_page_read_user: 0, ori_page_read_user: 0, ori_page_read_count: 0, share_user: 0, add_to_fav_user: 0 };
        return [
          { ...part, user_source: 0, int_page_read_count: f.reads - 1000, share_count: f.shares - 20, add_to_fav_count: f.favourites - 10 },
          { ...part, user_source: 2, int_page_read_count: 1000, share_count: 20, add_to_fav_count: 10 },
          { ...part, user_source: 99999999, int_page_read_count: f.reads, share_count: f.shares, add_to_fav_count: f.favourites },
        ];
      });
      return { body: { list } };
    });
  }
}
