// /sla sources: answers with each source's last successful poll or arrival, items found and last error.
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { sourcesOf } from "./sources.js";

/** Replies with the sources card. */
export async function showSlaSources(scope: RequestScope): Promise<void> {
  const poll = scope.deps.polls?.get("wechat_oa_comments");
  const sources = await sourcesOf(scope.deps.db, scope.team.id, scope.team.timezone, { on: poll !== undefined, everyMinutes: poll?.everyMinutes, days: poll?.days });
  await enqueueReply(scope.deps.db, scope, { template: "sla.sources", model: { sources } });
}
