// The digest job: every minute, each active subscription whose send slot for today has passed (in its own zone,
// skipping non-working days when asked) gets today's digest, once. Inserting the run key into DigestRun is the
// claim: it is the primary key, so with two schedulers (or replicas) exactly one insert succeeds, and the card is
// enqueued in the same transaction. After downtime the same call catches up today's slot, never older ones.
import type { AppDeps } from "../deps.js";
import { dueSlot } from "../../domain/kpi/schedule.js";
import { toLocale } from "../../domain/locale.js";
import { toMember } from "../members.js";
import { deliverOutbox } from "../outbox/deliver.js";
import { enqueueDirect, enqueuePost } from "../outbox/enqueue.js";
import { routedChannel } from "../admin/channel-routes.js";
import type { RequestScope } from "../scope.js";
import { loadTeam } from "../team.js";
import { buildDigest } from "./build-digest.js";
import { teamCalendar } from "../calendar/team-calendar.js";
import { toSubscription } from "./subscriptions.js";
import { isUniqueViolation } from "../../db/errors.js";

/** What one run did, for the job log and tests. */
export interface DigestRunReport {
  sent: string[];
  /** Slots another scheduler claimed first. */
  skipped: string[];
  failed: { subscriptionId: string; error: string }[];
}

/** Sends every due digest once; a failing subscription is logged and does not stop the others. */
export async function runDueDigests(deps: AppDeps, now: Date = deps.clock.now()): Promise<DigestRunReport> {
  const report: DigestRunReport = { sent: [], skipped: [], failed: [] };
  const rows = await deps.db.digestSubscription.findMany({ where: { active: true }, orderBy: { createdAt: "asc" } });
  for (const row of rows) {
    const sub = toSubscription(row);
    try {
      const team = await loadTeam(deps.db, sub.teamId);
      const slot = dueSlot(sub, teamCalendar(sub.timezone), now);
      if (!slot) continue;
      if (await deps.db.digestRun.findUnique({ where: { runKey: slot.runKey } })) continue;
      const model = await buildDigest(deps.db, { teamId: sub.teamId, teamName: team.name, sentDay: slot.localDay, timezone: sub.timezone, teamTimezone: team.timezone, platforms: sub.platforms, metrics: sub.metrics, muted: sub.muted, preview: false, subscriptionId: sub.id, buttonKey: deps.buttonKey }, now);
      const creator = toMember(await deps.db.user.findUniqueOrThrow({ where: { id: sub.createdBy } }));
      const channel = sub.channelId ? await deps.db.channel.findUniqueOrThrow({ where: { id: sub.channelId } }) : undefined;
      const scope: RequestScope = {
        deps,
        actor: { ...creator, locale: toLocale(sub.locale) },
        team,
        channel: channel ? { id: channel.id, platform: channel.platform, externalId: channel.externalId, name: channel.name } : { id: "", platform: "", externalId: "", name: "" },
        now,
        outboxIds: [],
      };
      const claimed = await deps.db
        .$transaction(async (tx) => {
          await tx.digestRun.create({ data: { runKey: slot.runKey, subscriptionId: sub.id, localDay: slot.localDay, createdAt: now } });
          const card = { template: "kpi.daily_digest" as const, model };
          if (sub.userId) await enqueueDirect(tx, scope, sub.userId, sub.locale, card);
          else {
            // A KPI channel set on this platform (/mediaops channel set kpi) takes the channel digests there.
            const routed = channel ? await routedChannel(tx, sub.teamId, channel.platform, "kpi") : undefined;
            await enqueuePost(tx, scope, card, { channelId: routed?.id ?? sub.channelId! });
          }
          return true;
        })
        .catch((err: unknown) => {
          if (isUniqueViolation(err)) return false;
          throw err;
        });
      if (!claimed) {
        report.skipped.push(slot.runKey);
        continue;
      }
      report.sent.push(slot.runKey);
      await deliverOutbox(deps, scope.outboxIds);
    } catch (err) {
      deps.log.error({ err, subscription: sub.id }, "kpi digest failed");
      report.failed.push({ subscriptionId: sub.id, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return report;
}
