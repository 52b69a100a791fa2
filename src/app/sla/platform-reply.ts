// The port through which a reply leaves for a content platform (WeChat OA today). The app decides what to send
// and when (through the outbox); the connector (src/adapters/wechat-oa/replier.ts) makes the call and answers in
// neutral words.
import type { PlatformProblemInfo, ReplyRoute } from "../../domain/sla/index.js";

/** A route that goes through an API (not "copy"). */
export type ApiReplyRoute = Exclude<ReplyRoute, { kind: "copy" }>;

/** How one send went. `alreadyReplied`: the platform says the item had its reply already (88005). */
export type PlatformReplyResult = { ok: true; alreadyReplied?: boolean } | { ok: false; info: PlatformProblemInfo; detail: string };

/** Sends replies on a content platform. */
export interface PlatformReplier {
  /** Which routes it can send (a WeChat OA replier: both WeChat routes of its account). */
  handles(route: ApiReplyRoute, account: string): boolean;
  /** Sends `text`; never throws for a refusal by the platform (that is a result), only for bugs. */
  send(route: ApiReplyRoute, text: string): Promise<PlatformReplyResult>;
}
