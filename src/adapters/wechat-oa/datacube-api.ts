// The account's daily figures from the datacube APIs (数据统计), in the documented shapes, turned into neutral
// metric values per day: getusersummary (≤7 days; one row per user_source and day: new_user, cancel_user),
// getusercumulate (≤7 days; cumulate_user), getuserread (≤3 days; int_page_read_count, share_count,
// add_to_fav_count, a row per user_source where 99999999 is "all" when the answer splits by source).
import { z } from "zod";
import type { FigureFeed } from "../../app/kpi/pull-figures.js";
import type { WechatOaClient } from "./client.js";

const num = z.coerce.number().finite().default(0);
const ZList = <T extends z.ZodRawShape>(row: T) => z.object({ list: z.array(z.object({ ref_date: z.string(), ...row }).loose()).default([]) }).loose();
const ZSummary = ZList({ user_source: num, new_user: num, cancel_user: num });
const ZCumulate = ZList({ cumulate_user: z.coerce.number().finite() });
const ZRead = ZList({ user_source: z.coerce.number().optional(), int_page_read_count: num, share_count: num, add_to_fav_count: num });

/** user_source of the rows that total every source (getuserread, getuserreadhour). */
export const ALL_SOURCES = 99999999;

/** Every day from `begin` to `end`, inclusive. */
function daysBetween(begin: string, end: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${begin}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** getusersummary → new_followers and unfollows per day; a day without rows had neither (0). */
export function parseUserSummary(answer: unknown, begin: string, end: string): Map<string, Record<string, number>> {
  const rows = ZSummary.parse(answer).list;
  return new Map(daysBetween(begin, end).map((day) => {
    const of = rows.filter((r) => r.ref_date === day);
    return [day, { new_followers: of.reduce((s, r) => s + r.new_user, 0), unfollows: of.reduce((s, r) => s + r.cancel_user, 0) }];
  }));
}

/** getusercumulate → followers per day; a day the answer leaves out is not known yet. */
export function parseUserCumulate(answer: unknown): Map<string, Record<string, number>> {
  return new Map(ZCumulate.parse(answer).list.map((r) => [r.ref_date, { followers: r.cumulate_user }]));
}

/** getuserread → reads, shares, favourites per day (the all-sources row when the answer splits by source). */
export function parseUserRead(answer: unknown, begin: string, end: string): Map<string, Record<string, number>> {
  const rows = ZRead.parse(answer).list;
  return new Map(daysBetween(begin, end).map((day) => {
    const of = rows.filter((r) => r.ref_date === day);
    const all = of.filter((r) => r.user_source === ALL_SOURCES);
    const use = all.length > 0 ? all : of;
    const sum = (k: "int_page_read_count" | "share_count" | "add_to_fav_count") => use.reduce((s, r) => s + r[k], 0);
    return [day, { reads: sum("int_page_read_count"), shares: sum("share_count"), favourites: sum("add_to_fav_count") }];
  }));
}

const call = (client: WechatOaClient, name: string, begin: string, end: string) => client.post<object>(`/datacube/${name}`, { begin_date: begin, end_date: end });

/** The three feeds of one account, in the order they are fetched. */
export function datacubeFeeds(client: WechatOaClient): FigureFeed[] {
  return [
    { api: "getusersummary", maxSpanDays: 7, fetch: async (b, e) => parseUserSummary(await call(client, "getusersummary", b, e), b, e) },
    { api: "getusercumulate", maxSpanDays: 7, fetch: async (b, e) => parseUserCumulate(await call(client, "getusercumulate", b, e)) },
    { api: "getuserread", maxSpanDays: 3, fetch: async (b, e) => parseUserRead(await call(client, "getuserread", b, e), b, e) },
  ];
}
