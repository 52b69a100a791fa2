// What a platform poll (the WeChat OA comment poll) hands the app: the comments it saw, in neutral form. New
// ones become SLA items (the database decides duplicates, so replicas polling together store each once), ones
// already answered on the platform close their items, and the run's outcome is recorded for /sla sources.
import { pickPolicy, type SlaKind, type SlaPlatform, type SlaSource } from "../../domain/sla/index.js";
import type { AppDeps } from "../deps.js";
import { closeAnsweredOnPlatform } from "./close-answered.js";
import { ingestSlaItems } from "./ingest-items.js";
import { loadSlaContext } from "./sla-context.js";
import { recordSourceError, recordSourceSuccess, type SourceError } from "./sources.js";

/** One item a poll saw. */
export interface PolledItem {
  externalId: string;
  author: string;
  text: string;
  createdAt: Date;
  link?: string;
  /** The account's reply on the platform, when there is one. */
  answer?: { at: Date; text: string };
  /** WeChat OA article comments: what a reply through comment/reply/add needs. */
  comment?: { msgDataId: string; index: number; userCommentId: string };
}

/** The SLA account polled items are filed under, or what is missing. */
export type PollTarget = { ok: true; teamId: string; account: string } | { ok: false; error: SourceError };

/**
 * The account a poll of `platform` files `kind` items under: `configured` (e.g. WECHAT_OA_ACCOUNT), else the only
 * account of that platform; refused when there is none, several, or no policy covers the kind.
 */
export async function pollTarget(deps: AppDeps, platform: SlaPlatform, kind: SlaKind, configured: string | undefined): Promise<PollTarget> {
  const accounts = await deps.db.slaAccount.findMany({ where: { platform }, orderBy: { account: "asc" } });
  const acc = configured ? accounts.find((a) => a.account === configured) : accounts.length === 1 ? accounts[0] : undefined;
  if (!acc && (configured || accounts.length === 0)) return { ok: false, error: { problem: "no_account", detail: configured } };
  if (!acc) return { ok: false, error: { problem: "ambiguous_account", detail: accounts.map((a) => a.account).join(", ") } };
  const ctx = await loadSlaContext(deps.db, acc.teamId);
  if (!pickPolicy(ctx.policies, { platform, account: acc.account, kind })) return { ok: false, error: { problem: "no_policy" } };
  return { ok: true, teamId: acc.teamId, account: acc.account };
}

/** What one poll run did. */
export interface PollOutcome {
  seen: number;
  added: number;
  closed: number;
  rejected: number;
}

/** Stores one run's items: new ones as items, answered ones closed; records the run as a success. */
export async function storePolledItems(deps: AppDeps, source: SlaSource, target: { teamId: string; account: string; platform: SlaPlatform; kind: SlaKind }, items: readonly PolledItem[]): Promise<PollOutcome> {
  const now = deps.clock.now();
  const known = new Set(
    (await deps.db.slaItem.findMany({ where: { platform: target.platform, externalId: { in: items.map((i) => i.externalId) } }, select: { externalId: true } })).map((r) => r.externalId),
  );
  const fresh = items.filter((i) => !known.has(i.externalId));
  const raws = fresh.map((i) => ({ platform: target.platform, account: target.account, kind: target.kind, externalId: i.externalId, author: i.author, text: i.text, link: i.link, createdAt: i.createdAt.toISOString(), ...(i.comment ? { comment: i.comment } : {}) }));
  const results = raws.length > 0 ? await ingestSlaItems(deps, raws, source, { teamId: target.teamId }) : [];
  const added = results.filter((r) => r.status === "accepted").length;
  const rejected = results.filter((r) => r.status === "rejected");
  const answered = items.flatMap((i) => (i.answer ? [{ externalId: i.externalId, at: i.answer.at, text: i.answer.text }] : []));
  const closed = await closeAnsweredOnPlatform(deps, target.platform, answered);
  await recordSourceSuccess(deps.db, source, now, { seen: items.length, added, closed });
  const first = rejected[0];
  if (first && first.status === "rejected") {
    deps.log.warn({ source, rejected: rejected.length, error: first.error }, "polled items refused");
    await recordSourceError(deps.db, source, now, { problem: "rejected", detail: first.externalId ?? "?", reason: first.error });
  }
  return { seen: items.length, added, closed, rejected: rejected.length };
}

/** Records a failed run (the platform refused, or the account or policy is missing). */
export function recordPollError(deps: AppDeps, source: SlaSource, error: SourceError): Promise<void> {
  return recordSourceError(deps.db, source, deps.clock.now(), error);
}
