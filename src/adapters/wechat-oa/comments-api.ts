// 留言管理: POST /cgi-bin/comment/list (one page of an article's comments, count under 50) and
// POST /cgi-bin/comment/reply/add (the account's one reply to a comment). Answers are checked with zod: a
// shape we do not understand is an error, not a silent empty page.
import { z } from "zod";
import type { WechatOaClient } from "./client.js";

/** comment/list refuses count 50 and above. */
export const COMMENT_PAGE_SIZE = 49;

const ZComment = z.object({
  user_comment_id: z.union([z.number(), z.string()]).transform(String),
  openid: z.string().default(""),
  create_time: z.number(),
  content: z.string().default(""),
  comment_type: z.number().optional(),
  reply: z.object({ content: z.string().default(""), create_time: z.number() }).optional(),
});
const ZCommentPage = z.object({ total: z.number().int().nonnegative().default(0), comment: z.array(ZComment).default([]) });

/** One comment as comment/list gives it. */
export type WechatComment = z.output<typeof ZComment>;

/** Which article: msg_data_id and the 0-based index inside its send (comment/list counts from 0). */
export interface ArticleRef {
  msgDataId: string;
  index: number;
}

/** One page of comments (type 0: all). */
export async function listComments(client: WechatOaClient, article: ArticleRef, begin: number): Promise<{ total: number; comments: WechatComment[] }> {
  const answer = await client.post<object>("/cgi-bin/comment/list", {
    msg_data_id: Number(article.msgDataId),
    index: article.index,
    begin,
    count: COMMENT_PAGE_SIZE,
    type: 0,
  });
  const page = ZCommentPage.parse(answer);
  return { total: page.total, comments: page.comment };
}

/** Every comment of an article, page by page, until `total` is reached or a page comes back empty. */
export async function allComments(client: WechatOaClient, article: ArticleRef): Promise<WechatComment[]> {
  const out: WechatComment[] = [];
  for (let begin = 0; ; begin += COMMENT_PAGE_SIZE) {
    const page = await listComments(client, article, begin);
    out.push(...page.comments);
    if (page.comments.length === 0 || begin + COMMENT_PAGE_SIZE >= page.total) return out;
  }
}

/** Replies to one comment; throws WechatApiError (88005 when it was already replied to). */
export async function replyToComment(client: WechatOaClient, target: ArticleRef & { userCommentId: string }, content: string): Promise<void> {
  await client.post<object>("/cgi-bin/comment/reply/add", {
    msg_data_id: Number(target.msgDataId),
    index: target.index,
    user_comment_id: Number(target.userCommentId),
    content,
  });
}
