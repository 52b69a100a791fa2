// Admin commands of the SLA: /sla policy list, /sla policy set, /sla account set. Policies are stored as
// ZSlaPolicy JSON; a set replaces the policy with exactly the same scope (platform, account, kind) or adds one,
// so two policies never tie. Every change is audited in the transaction that makes it.
import { slaCopy } from "../../../templates/sla/sla-copy.js";
import type { ArgsOf } from "../../../commands/index.js";
import { slaAdminCopy } from "../../../templates/sla/sla-admin-copy.js";
import { PLATFORM_NAMES, nameOf } from "../../../templates/strings/labels.js";
import { AppError } from "../../domain/errors.js";
import { ZSlaPolicy, type TSlaPolicy } from "../../domain/sla/index.js";
import { readJson } from "../../lib/json.js";
import { audit } from "../audit.js";
import { displayNames, memberByHandle } from "../members.js";
import { replyNotice } from "../notify.js";
import type { RequestScope } from "../scope.js";

const handle = (raw: string) => raw.trim().replace(/^[@＠]/, "");
const pct = (f: number) => `${Math.round(f * 100)}%`;
const hours = (m: number) => String(Math.round((m / 60) * 100) / 100);

/** A policy's parts in the reader's words: platform, account, kind and escalation roles by name. */
function policyWords(locale: RequestScope["actor"]["locale"], p: TSlaPolicy) {
  const c = slaAdminCopy[locale];
  const kinds = slaCopy[locale].kinds;
  return {
    name: p.name,
    scope: [p.platform ? nameOf(PLATFORM_NAMES, locale, p.platform) : c.any, p.account, p.kind ? kinds[p.kind] : c.any].filter(Boolean).join(" / "),
    hours: hours(p.targetMinutes),
    warn: p.warnAt.map(pct).join(", ") || "—",
    chain: p.escalation.map((s) => (s.afterMinutes ? `${c.roles[s.to]}@${hours(s.afterMinutes)}h` : c.roles[s.to])).join(" → ") || "—",
  };
}

/** /sla policy list: every active policy, most specific first. */
export async function listSlaPolicies(scope: RequestScope): Promise<void> {
  const c = slaAdminCopy[scope.actor.locale];
  const rows = await scope.deps.db.slaPolicy.findMany({ where: { teamId: scope.team.id, active: true }, orderBy: { name: "asc" } });
  const policies = rows.map((r) => readJson(ZSlaPolicy, r.definitionJson, `SlaPolicy(${r.id}).definitionJson`));
  const lines = policies.map((p) => c.policyLine(policyWords(scope.actor.locale, p)));
  await replyNotice(scope.deps.db, scope, c.policyListTitle(policies.length), lines, "info");
}

/** /sla policy set: replaces the policy of the same scope, or adds one named after it. */
export async function setSlaPolicy(scope: RequestScope, args: ArgsOf<"sla.policy_set">): Promise<void> {
  const { db } = scope.deps;
  const teamId = scope.team.id;
  if (args.account) {
    if (!args.platform) throw new AppError("sla.account_needs_platform", { account: args.account });
    const acc = await db.slaAccount.findFirst({ where: { teamId, platform: args.platform, account: args.account } });
    if (!acc) {
      const known = (await db.slaAccount.findMany({ where: { teamId, platform: args.platform }, orderBy: { account: "asc" } })).map((a) => a.account).join(", ") || "—";
      throw new AppError("sla.unknown_account", { platform: args.platform, code: args.platform, account: args.account, known });
    }
  }
  const rows = await db.slaPolicy.findMany({ where: { teamId, active: true }, orderBy: { name: "asc" } });
  const same = rows
    .map((r) => ({ row: r, p: readJson(ZSlaPolicy, r.definitionJson, `SlaPolicy(${r.id}).definitionJson`) }))
    .find(({ p }) => p.platform === args.platform && p.account === args.account && p.kind === args.kind);
  const name = same?.p.name ?? [args.platform ?? "any", args.account, args.kind ?? "any"].filter(Boolean).join("-");
  const next: TSlaPolicy = ZSlaPolicy.parse({
    name,
    ...(args.platform ? { platform: args.platform } : {}),
    ...(args.account ? { account: args.account } : {}),
    ...(args.kind ? { kind: args.kind } : {}),
    targetMinutes: args.target,
    warnAt: args.warn ?? same?.p.warnAt,
    escalation: args.chain ?? same?.p.escalation,
  });
  const c = slaAdminCopy[scope.actor.locale];
  await db.$transaction(async (tx) => {
    // A retired policy with the generated name is brought back rather than colliding with it.
    const existing = same?.row ?? (await tx.slaPolicy.findUnique({ where: { teamId_name: { teamId, name } } }));
    if (existing) await tx.slaPolicy.update({ where: { id: existing.id }, data: { definitionJson: JSON.stringify(next), active: true } });
    else await tx.slaPolicy.create({ data: { teamId, name, definitionJson: JSON.stringify(next) } });
    await audit(tx, { teamId, actorId: scope.actor.id, action: "sla.policy_set", subjectType: "sla_policy", subjectId: name, before: same ? { ...same.p } : undefined, after: { ...next }, at: scope.now });
    const words = policyWords(scope.actor.locale, next);
    await replyNotice(tx, scope, c.policySet(scope.actor.locale === "en" ? name : words.scope, !same), [c.policyLine(words), c.policyNote]);
  });
}

/** /sla account set: adds the account or changes its people (and name). */
export async function setSlaAccount(scope: RequestScope, args: ArgsOf<"sla.account_set">): Promise<void> {
  const { db } = scope.deps;
  const teamId = scope.team.id;
  const owner = await memberByHandle(db, teamId, handle(args.owner));
  const lead = args.lead ? await memberByHandle(db, teamId, handle(args.lead)) : undefined;
  const manager = args.manager ? await memberByHandle(db, teamId, handle(args.manager)) : undefined;
  const existing = await db.slaAccount.findUnique({ where: { platform_account: { platform: args.platform, account: args.account } } });
  if (existing && existing.teamId !== teamId) throw new AppError("sla.account_taken", { platform: args.platform, account: args.account });
  const data = {
    name: args.name ?? existing?.name ?? args.account,
    ownerId: owner.id,
    leadId: lead ? lead.id : (existing?.leadId ?? null),
    managerId: manager ? manager.id : (existing?.managerId ?? null),
  };
  const c = slaAdminCopy[scope.actor.locale];
  await db.$transaction(async (tx) => {
    if (existing) await tx.slaAccount.update({ where: { id: existing.id }, data });
    else await tx.slaAccount.create({ data: { teamId, platform: args.platform, account: args.account, createdAt: scope.now, ...data } });
    const before = existing ? { name: existing.name, ownerId: existing.ownerId, leadId: existing.leadId, managerId: existing.managerId } : undefined;
    await audit(tx, { teamId, actorId: scope.actor.id, action: "sla.account_set", subjectType: "sla_account", subjectId: `${args.platform}:${args.account}`, before, after: data, at: scope.now });
    const names = await displayNames(tx, [data.ownerId, data.leadId, data.managerId]);
    const who = (id: string | null) => (id ? (names.get(id) ?? id) : "—");
    await replyNotice(tx, scope, c.accountSet(args.platform, args.account, !existing), [`${data.name} · ${c.accountLine(who(data.ownerId), who(data.leadId), who(data.managerId))}`]);
  });
}
