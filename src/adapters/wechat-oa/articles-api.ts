// Which articles exist: POST /datacube/getarticlesummary (one day per call) lists each day's articles with
// msgid "<msg_data_id>_<n>", where n counts the articles of one send FROM 1; comment/list's index counts
// from 0, so "12003_3" is msg_data_id 12003, index 2.
import { z } from "zod";
import type { WechatOaClient } from "./client.js";
import type { ArticleRef } from "./comments-api.js";

const ZSummary = z.object({
  list: z.array(z.object({ ref_date: z.string(), msgid: z.string(), title: z.string().default("") }).loose()).default([]),
});

/** An article found in the figures. */
export interface ArticleSeen extends ArticleRef {
  title: string;
  refDate: string;
}

/** "<msg_data_id>_<n>" → the comment API's reference (index n-1), or undefined for anything else. */
export function articleRefOfMsgid(msgid: string): ArticleRef | undefined {
  const m = /^(\d{1,20})_(\d{1,3})$/.exec(msgid.trim());
  if (!m || Number(m[2]) < 1) return undefined;
  return { msgDataId: m[1]!, index: Number(m[2]) - 1 };
}

/** The articles getarticlesummary lists for one day ("YYYY-MM-DD"). */
export async function articlesOfDay(client: WechatOaClient, day: string): Promise<ArticleSeen[]> {
  const answer = ZSummary.parse(await client.post<object>("/datacube/getarticlesummary", { begin_date: day, end_date: day }));
  return answer.list.flatMap((row) => {
    const ref = articleRefOfMsgid(row.msgid);
    return ref ? [{ ...ref, title: row.title, refDate: row.ref_date }] : [];
  });
}
