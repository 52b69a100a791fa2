// Sending a reply from chat: the outbox's "platform_reply" rows (written by reply-item.ts) come here. The
// platform's answer decides the item: sent (or "already replied", 88005) marks it answered by the person who
// wrote the reply, at the time it went out; a refusal that trying again cannot fix (the 48-hour window of a
// direct message, a deleted comment) says so on the card and stops; anything else (token, network, the IP
// whitelist) leaves the item open, says why on the card, tells the person once, and is retried by the outbox.
import { z } from "zod";
import { slaCopy } from "../../../templates/sla/sla-copy.js";
import { toLocale } from "../../domain/locale.js";
import { replyRoute, type PlatformProblem } from "../../domain/sla/index.js";
import { audit } from "../audit.js";
import type { AppDeps } from "../deps.js";
import type { ChannelInfo } from "../scope.js";
import { rememberedTeam } from "../team.js";
import { updateItemCards } from "./item-cards.js";
import { notifyPerson } from "./notify-person.js";
import { replierFor } from "./reply-item.js";
import { loadSlaContext } from "./sla-context.js";

const ZModel = z.object({ itemId: z.number().int(), text: z.string(), byId: z.string(), channelId: z.string().nullable() });

/** Refusals that trying again will not change: the row stops and the card says what to do instead. */
const FINAL: ReadonlySet<PlatformProblem> = new Set(["reply_window_closed", "too_many_replies", "not_found", "not_allowed", "bad_content"]);

/** What the delivery wrote (cards, the notice) and, when the send should be tried again, why. */
export interface PlatformReplyOutcome {
  followUps: number[];
  retry?: Error;
}

/** Sends one platform_reply row's text; never throws for the platform's refusals (see `retry`). */
export async function deliverPlatformReply(deps: AppDeps, row: { modelJson: string }): Promise<PlatformReplyOutcome> {
  const m = ZModel.parse(JSON.parse(row.modelJson));
  const { db } = deps;
  const item = await db.slaItem.findUnique({ where: { id: m.itemId } });
  // Closed meanwhile ("answered elsewhere"), or a newer reply took its place: nothing to send.
  if (!item || item.replyStatus !== "sending" || item.replyText !== m.text || (item.status !== "open" && item.status !== "claimed")) return { followUps: [] };
  const replier = replierFor(deps, item);
  const route = replyRoute(item);
  const writer = { deps, now: deps.clock.now(), outboxIds: [] as number[] };
  const ctx = await loadSlaContext(db, item.teamId);
  const guard = { id: item.id, version: item.version, replyStatus: "sending" };

  if (!replier || route.kind === "copy") {
    // The connector is gone (WECHAT_OA_APP_SECRET removed): the reply stays on the card for copying.
    await db.$transaction(async (tx) => {
      const r = await tx.slaItem.updateMany({ where: guard, data: { replyStatus: "stored", version: { increment: 1 }, updatedAt: writer.now } });
      if (r.count > 0) await updateItemCards(tx, writer, await tx.slaItem.findUniqueOrThrow({ where: { id: item.id } }), ctx);
    });
    return { followUps: writer.outboxIds };
  }

  const result = await replier.send(route, m.text);
  const now = deps.clock.now();
  writer.now = now;
  if (result.ok) {
    await db.$transaction(async (tx) => {
      const r = await tx.slaItem.updateMany({
        where: { ...guard, status: { in: ["open", "claimed"] } },
        data: { status: "answered", answeredAt: now, answeredById: m.byId, answer: m.text, nextReminderAt: null, replyStatus: "sent", replyError: null, version: { increment: 1 }, updatedAt: now },
      });
      if (r.count === 0) return;
      await audit(tx, { teamId: item.teamId, actorId: m.byId, action: "sla.reply_sent", subjectType: "sla", subjectId: item.id, before: { status: item.status }, after: { status: "answered", ...(result.alreadyReplied ? { alreadyReplied: true } : {}) }, at: now });
      await updateItemCards(tx, writer, await tx.slaItem.findUniqueOrThrow({ where: { id: item.id } }), ctx);
    });
    return { followUps: writer.outboxIds };
  }

  const final = FINAL.has(result.info.problem);
  const firstFailure = item.replyError === null;
  const problem = JSON.stringify({ problem: result.info.problem, ...(result.info.code !== undefined ? { code: result.info.code } : {}), ...(result.info.ip ? { ip: result.info.ip } : {}) });
  deps.log.warn({ itemId: item.id, problem: result.info.problem, code: result.info.code, final, detail: result.detail }, "sla: reply not sent");
  if (final || firstFailure) {
    await db.$transaction(async (tx) => {
      const replyStatus = !final ? "sending" : result.info.problem === "reply_window_closed" ? "window_closed" : "failed";
      const r = await tx.slaItem.updateMany({ where: guard, data: { replyStatus, replyError: problem, version: { increment: 1 }, updatedAt: now } });
      if (r.count === 0) return;
      await audit(tx, { teamId: item.teamId, actorId: null, action: "sla.reply_failed", subjectType: "sla", subjectId: item.id, after: { replyStatus, problem: result.info.problem, code: result.info.code }, at: now });
      await updateItemCards(tx, writer, await tx.slaItem.findUniqueOrThrow({ where: { id: item.id } }), ctx);
      // The person who wrote the reply hears why, once (the card keeps saying it).
      const user = await tx.user.findUnique({ where: { id: m.byId } });
      if (!user) return;
      const c = slaCopy[toLocale(user.locale)];
      const why = c.problems[result.info.problem]({ ip: result.info.ip, code: result.info.code });
      const line = result.info.problem === "reply_window_closed" ? c.replyWindowClosed : final ? c.replyFailed(why) : c.replyRetrying(why);
      const ch = m.channelId ? await tx.channel.findUnique({ where: { id: m.channelId } }) : null;
      const channel: ChannelInfo | undefined = ch ? { id: ch.id, platform: ch.platform, externalId: ch.externalId, name: ch.name } : undefined;
      const team = await rememberedTeam(db, item.teamId, now);
      writer.outboxIds.push(...(await notifyPerson(tx, deps, team, channel, m.byId, now, { template: "notice", model: { title: c.replyFailedNotice(item.id), lines: [line], tone: "warning" } })));
    });
  }
  return { followUps: writer.outboxIds, ...(final ? {} : { retry: Object.assign(new Error(result.detail), { retryable: true }) }) };
}
