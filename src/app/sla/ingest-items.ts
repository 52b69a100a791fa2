// Stores incoming user messages as SLA items: every intake (webhook batch, WeChat push, CSV, /sla log) ends
// here. Each item is checked on its own and reported on its own; accepted ones are stored in one transaction,
// so a batch is never half-stored, and an external id already known is reported as a duplicate, not stored twice.
import { checkIngestItem, computeSchedule, nextReminderAt, pickPolicy, ZWechatCommentRef, type IngestItem, type TWechatCommentRef } from "../../domain/sla/index.js";
import type { Tx } from "../../db/client.js";
import type { AppDeps } from "../deps.js";
import { insertItemsIgnoringDuplicates, type NewSlaRow } from "./insert-items.js";
import { accountKey, loadSlaContext, scheduleJson, type SlaContext } from "./sla-context.js";

/** Where an item came from (src/domain/sla/sources.ts). */
export type { SlaSource } from "../../domain/sla/index.js";
import type { SlaSource } from "../../domain/sla/index.js";

/** The answer for one item of a batch, in input order. */
export type IngestResult =
  | { index: number; externalId: string; status: "accepted"; id: number; deadlineAt: string; noHolidayDataFor?: number[] }
  | { index: number; externalId: string; status: "duplicate"; id: number }
  | { index: number; externalId?: string; status: "rejected"; error: string };

/**
 * The comment coordinates a WeChat OA raw item may carry as `comment: { msgDataId, index, userCommentId }`
 * (the poller's items only: other sources cannot make the service reply through the API).
 */
function commentRef(raw: unknown, source: SlaSource): TWechatCommentRef | undefined {
  if ((source !== "wechat_oa" && source !== "wechat_oa_comments") || typeof raw !== "object" || raw === null) return undefined;
  const parsed = ZWechatCommentRef.safeParse((raw as { comment?: unknown }).comment);
  return parsed.success ? parsed.data : undefined;
}

/** Checks and stores `raws`; never throws for bad input (each bad item is a "rejected" result). */
export async function ingestSlaItems(
  deps: AppDeps,
  raws: readonly unknown[],
  source: SlaSource,
  opts: { teamId?: string; /** Runs inside the insert's transaction (an audit row that commits with the items). */ inTransaction?: (tx: Tx, stored: number) => Promise<void> } = {},
): Promise<IngestResult[]> {
  const { db } = deps;
  const now = deps.clock.now();
  const results: (IngestResult | undefined)[] = new Array(raws.length);
  const checked: { index: number; item: IngestItem; comment?: TWechatCommentRef }[] = [];
  raws.forEach((raw, index) => {
    const c = checkIngestItem(raw, now);
    if (c.ok) checked.push({ index, item: c.item, comment: commentRef(raw, source) });
    else results[index] = { index, externalId: c.externalId, status: "rejected", error: c.error };
  });

  const accounts = await db.slaAccount.findMany({ where: { account: { in: [...new Set(checked.map((c) => c.item.account))] } } });
  const byKey = new Map(accounts.map((a) => [accountKey(a.platform, a.account), a]));
  const known = await db.slaItem.findMany({
    where: { externalId: { in: [...new Set(checked.map((c) => c.item.externalId))] } },
    select: { id: true, platform: true, externalId: true },
  });
  const existing = new Map(known.map((k) => [accountKey(k.platform, k.externalId), k.id]));
  const contexts = new Map<string, SlaContext>();

  const rows: { index: number; data: NewSlaRow; gap: number[] }[] = [];
  const seen = new Map<string, number>();
  for (const { index, item, comment } of checked) {
    const key = accountKey(item.platform, item.externalId);
    const acc = byKey.get(accountKey(item.platform, item.account));
    if (!acc || (opts.teamId && acc.teamId !== opts.teamId)) {
      results[index] = { index, externalId: item.externalId, status: "rejected", error: `unknown account ${item.platform}/${item.account}: an admin adds it with /sla account set ${item.platform} ${item.account} @owner` };
      continue;
    }
    const dup = existing.get(key);
    if (dup !== undefined) {
      results[index] = { index, externalId: item.externalId, status: "duplicate", id: dup };
      continue;
    }
    if (seen.has(key)) {
      results[index] = { index, externalId: item.externalId, status: "rejected", error: `externalId repeats item ${seen.get(key)} of this batch` };
      continue;
    }
    let ctx = contexts.get(acc.teamId);
    if (!ctx) contexts.set(acc.teamId, (ctx = await loadSlaContext(db, acc.teamId)));
    const policy = pickPolicy(ctx.policies, { platform: item.platform, account: item.account, kind: item.kind });
    if (!policy) {
      results[index] = { index, externalId: item.externalId, status: "rejected", error: `no SLA policy covers ${item.platform} ${item.kind}: an admin adds one with /sla policy set ${item.platform} ${item.kind} 4h` };
      continue;
    }
    seen.set(key, index);
    const s = computeSchedule(ctx.cal, policy, item);
    rows.push({
      index,
      gap: s.coverageGap,
      data: {
        teamId: acc.teamId, platform: item.platform, account: item.account, kind: item.kind, externalId: item.externalId,
        author: item.author, text: item.text, link: item.link ?? null, source, createdAt: item.createdAt, receivedAt: now,
        policyName: policy.name, targetMinutes: policy.targetMinutes, dueAt: s.dueAt, windowEndsAt: s.windowEndsAt ?? null,
        deadlineAt: s.deadlineAt, scheduleJson: scheduleJson(s, policy), status: "open",
        nextReminderAt: nextReminderAt(s, { warningsSent: 0, stage: 0 }), updatedAt: now,
        msgDataId: comment?.msgDataId ?? null, articleIndex: comment?.index ?? null, userCommentId: comment?.userCommentId ?? null,
        lastMessageAt: item.kind === "dm" ? item.createdAt : null,
      },
    });
  }

  if (rows.length > 0) {
    // The database decides duplicates (another replica, or a retried delivery, may store the same item meanwhile).
    const { created, raced } = await db.$transaction(async (tx) => {
      const stored = await insertItemsIgnoringDuplicates(tx, deps.dialect, rows.map((r) => r.data));
      const mine = new Set(stored.map((c) => accountKey(c.platform, c.externalId)));
      // A new message from someone moves the reply window of their earlier open messages too.
      for (const r of rows) {
        if (r.data.kind !== "dm" || !r.data.author || !mine.has(accountKey(r.data.platform, r.data.externalId))) continue;
        const at = new Date(r.data.createdAt);
        await tx.slaItem.updateMany({
          where: { platform: r.data.platform, account: r.data.account, author: r.data.author, kind: "dm", status: { in: ["open", "claimed"] }, OR: [{ lastMessageAt: null }, { lastMessageAt: { lt: at } }] },
          data: { lastMessageAt: at },
        });
      }
      if (stored.length > 0) await opts.inTransaction?.(tx, stored.length);
      const lost = rows.filter((r) => !mine.has(accountKey(r.data.platform, r.data.externalId)));
      const others = lost.length === 0 ? [] : await tx.slaItem.findMany({ where: { externalId: { in: lost.map((r) => r.data.externalId) } }, select: { id: true, platform: true, externalId: true } });
      return { created: stored, raced: others };
    });
    const ids = new Map(created.map((c) => [accountKey(c.platform, c.externalId), c]));
    const otherIds = new Map(raced.map((c) => [accountKey(c.platform, c.externalId), c.id]));
    for (const r of rows) {
      const key = accountKey(r.data.platform, r.data.externalId);
      const c = ids.get(key);
      if (c) results[r.index] = { index: r.index, externalId: r.data.externalId, status: "accepted", id: c.id, deadlineAt: c.deadlineAt.toISOString(), ...(r.gap.length ? { noHolidayDataFor: r.gap } : {}) };
      else results[r.index] = { index: r.index, externalId: r.data.externalId, status: "duplicate", id: otherIds.get(key) ?? 0 };
    }
  }
  return results.map((r, i) => r ?? { index: i, status: "rejected", error: "not processed" });
}
