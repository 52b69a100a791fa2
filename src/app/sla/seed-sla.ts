// Demo SLA setup: three accounts with owners, leads and managers, and the default policies.
import type { Db } from "../../db/client.js";
import { DEFAULT_SLA_POLICIES } from "../../domain/sla/index.js";

const ACCOUNTS = [
  { platform: "douyin", account: "brand-douyin", name: "品牌抖音号", owner: "chen.jie", lead: "liu.yang", manager: "wang.fang" },
  { platform: "wechat_oa", account: "gh_demo_oa", name: "品牌公众号", owner: "chen.jie", lead: "liu.yang", manager: "wang.fang" },
  { platform: "weibo", account: "brand-weibo", name: "Brand Weibo", owner: "emma", lead: "liu.yang", manager: "wang.fang" },
];

/** Seeds the demo team's SLA accounts and policies (once; skipped when the team has any). */
export async function seedSlaDemo(db: Db, teamId: string, now: Date): Promise<void> {
  if ((await db.slaAccount.count({ where: { teamId } })) > 0) return;
  const users = new Map((await db.user.findMany({ where: { teamId } })).map((u) => [u.handle, u.id]));
  await db.$transaction(async (tx) => {
    for (const a of ACCOUNTS) {
      const ownerId = users.get(a.owner);
      if (!ownerId) continue;
      await tx.slaAccount.create({ data: { teamId, platform: a.platform, account: a.account, name: a.name, ownerId, leadId: users.get(a.lead) ?? null, managerId: users.get(a.manager) ?? null, createdAt: now } });
    }
    for (const p of DEFAULT_SLA_POLICIES) await tx.slaPolicy.create({ data: { teamId, name: p.name, definitionJson: JSON.stringify(p) } });
  });
}
