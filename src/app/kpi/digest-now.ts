// /kpi digest now: today's digest as a preview, shown only to the actor, with this channel's (or the actor's)
// subscription filters when there is one.
import type { ArgsOf } from "../../../commands/index.js";
import { localDayOf } from "../../domain/calendar/zoned.js";
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { buildDigest } from "./build-digest.js";
import { subscriptionHere } from "./subscriptions.js";

/** Builds and replies with the preview. */
export async function digestNow(scope: RequestScope, args: ArgsOf<"kpi.digest_now">): Promise<void> {
  const { db } = scope.deps;
  const sub = await subscriptionHere(db, scope);
  const timezone = sub?.timezone ?? scope.team.timezone;
  const model = await buildDigest(db, {
    teamId: scope.team.id,
    teamName: scope.team.name,
    sentDay: localDayOf(scope.now, timezone),
    timezone,
    teamTimezone: scope.team.timezone,
    platforms: args.platform ?? sub?.platforms ?? [],
    metrics: sub?.metrics ?? [],
    muted: sub?.muted ?? [],
    preview: true,
    subscriptionId: sub?.id ?? null,
    buttonKey: scope.deps.buttonKey,
  }, scope.now);
  await enqueueReply(db, scope, { template: "kpi.daily_digest", model });
}
