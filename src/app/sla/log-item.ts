// /sla log <platform> <link> [note]: an item someone spotted by hand, stored like any intake and audited.
import type { ArgsOf } from "../../../commands/index.js";
import { AppError } from "../../domain/errors.js";
import { audit } from "../audit.js";
import { channelFor, pointToCard } from "../admin/channel-routes.js";
import { replyNotice } from "../notify.js";
import type { RequestScope } from "../scope.js";
import { ingestSlaItems } from "./ingest-items.js";
import { replyWithItemCard } from "./show-item.js";

/** Logs the item and tells the actor its deadline (or that it was already known). */
export async function logSlaItem(scope: RequestScope, args: ArgsOf<"sla.log">): Promise<void> {
  const { db } = scope.deps;
  const accounts = await db.slaAccount.findMany({ where: { teamId: scope.team.id, platform: args.platform }, orderBy: { account: "asc" } });
  const known = accounts.map((a) => a.account).join(", ") || "—";
  const acc = args.account ? accounts.find((a) => a.account === args.account) : accounts.length === 1 ? accounts[0] : undefined;
  if (!acc && (args.account || accounts.length === 0)) throw new AppError("sla.unknown_account", { platform: args.platform, code: args.platform, account: args.account ?? "", known });
  if (!acc) throw new AppError("sla.ambiguous_account", { platform: args.platform, known });
  const kind = args.kind ?? "comment";
  const raw = { platform: args.platform, account: acc.account, kind, externalId: args.link, author: args.author ?? "", text: args.note ?? "", link: args.link, createdAt: scope.now.toISOString() };
  const [r] = await ingestSlaItems(scope.deps, [raw], "manual", { teamId: scope.team.id });
  const en = scope.actor.locale === "en";
  if (!r || r.status === "rejected") {
    if (r?.error.startsWith("no SLA policy")) throw new AppError("sla.no_policy", { platform: args.platform, code: args.platform, kind, kindCode: kind });
    throw new AppError("request.malformed", { problem: r?.error ?? "?" });
  }
  if (r.status === "duplicate") {
    await replyWithItemCard(db, scope, r.id);
    await replyNotice(db, scope, en ? `This link is already item #${r.id}.` : `该链接已登记为 #${r.id}。`, [], "info");
    return;
  }
  await db.$transaction(async (tx) => {
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "sla.log", subjectType: "sla", subjectId: r.id, after: { platform: args.platform, account: acc.account, kind, link: args.link }, at: scope.now });
    // The answer is the item's card (deadline, buttons), so a hand-logged item can be handled from it.
    const channel = await channelFor(tx, scope, "sla");
    await replyWithItemCard(tx, scope, r.id, "logged", channel);
    await pointToCard(tx, scope, channel);
  });
}
