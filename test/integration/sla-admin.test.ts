// Admin commands of the SLA: /sla policy list|set and /sla account set — admin-only, audited, clear refusals,
// and a new policy and account actually used by the next item that arrives.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardText, consoleClient } from "../support/console-client.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let con: ReturnType<typeof consoleClient>;

beforeAll(async () => {
  svc = await startTestService(); // Thursday 2026-11-26 10:00 Shanghai
  con = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

async function last(user: string, say: string): Promise<string> {
  const said = await con.say(user, say, "sla");
  if (said.error) return said.error;
  const r = await con.read("sla", user);
  return cardText(r.messages.filter((m) => m.authorKind === "bot").at(-1)!);
}
const audits = (action: string) => svc.deps.db.auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });

describe("/sla policy", () => {
  it("lists the policies with their targets, reminders and chains", async () => {
    const text = await last("emma", "/sla policy list");
    expect(text).toContain("SLA policies (3)");
    expect(text).toContain("complaints: any / Complaint · 2 working hours · warn at 50%, 80% · then lead → manager@4h");
    expect(text).toContain("comments: any / any · 8 working hours");
  });

  it("adds a policy for one account and kind, used by the next item, and audits it", async () => {
    const text = await last("wang.fang", "/sla policy set douyin complaint 1.5h --account brand-douyin --warn 50 --chain owner,lead@1h,manager@3h");
    expect(text).toContain("已新增响应时限规则“抖音 / brand-douyin / 投诉”");
    expect(text).toContain("抖音 / brand-douyin / 投诉 · 1.5 个工作小时 · 提醒点 50% · 超时后 负责人 → 组长@1h → 经理@3h");
    expect(text).toContain("仅对之后收到的留言生效");
    const [a] = await audits("sla.policy_set");
    expect(JSON.parse(a!.afterJson!)).toEqual({ name: "douyin-brand-douyin-complaint", platform: "douyin", account: "brand-douyin", kind: "complaint", targetMinutes: 90, warnAt: [0.5], escalation: [{ to: "owner", afterMinutes: 0 }, { to: "lead", afterMinutes: 60 }, { to: "manager", afterMinutes: 180 }] });
    expect(a!.actorId).not.toBeNull();
    expect(await last("chen.jie", "/sla log douyin https://www.douyin.com/video/adm-1 太慢了 --kind complaint")).toContain("响应时限: 2026-11-26 11:30");
    const row = await svc.deps.db.slaItem.findFirstOrThrow({ where: { externalId: "https://www.douyin.com/video/adm-1" } });
    expect(row).toMatchObject({ policyName: "douyin-brand-douyin-complaint", targetMinutes: 90 });
  });

  it("changes the policy of the same scope instead of adding a rival (any dm → direct-messages)", async () => {
    const text = await last("wang.fang", "/sla policy set any dm 3h");
    expect(text).toContain("已更新响应时限规则“全部 / 私信”");
    expect(await svc.deps.db.slaPolicy.count()).toBe(4);
    const [, b] = await audits("sla.policy_set");
    expect(JSON.parse(b!.beforeJson!)).toMatchObject({ targetMinutes: 240 });
    expect(JSON.parse(b!.afterJson!)).toMatchObject({ targetMinutes: 180, warnAt: [0.5, 0.8], escalation: [{ to: "lead", afterMinutes: 0 }, { to: "manager", afterMinutes: 240 }] });
  });

  it("refuses non-admins and bad values clearly, changing nothing", async () => {
    const before = await svc.deps.db.slaPolicy.findMany({ orderBy: { name: "asc" } });
    expect(await last("chen.jie", "/sla policy set douyin comment 2h")).toBe("只有管理员可以修改响应时限规则。你的角色：运营。");
    expect(await last("emma", "/sla policy set douyin comment 2h")).toMatch(/admin/);
    expect(await last("wang.fang", "/sla policy set douyin comment soon")).toBe("“soon”不是有效的时限，请填写工作小时数，如 2h、1.5h 或 90m（最长 30 天）。");
    expect(await last("wang.fang", "/sla policy set douyin comment 2h --warn 50,120")).toContain("“50,120”不是有效的提醒点");
    expect(await last("wang.fang", "/sla policy set douyin comment 2h --chain owner,boss")).toContain("“owner,boss”不是有效的升级链");
    expect(await last("wang.fang", "/sla policy set douyin comment 2h --chain lead@4h,manager@1h")).toContain("不是有效的升级链");
    expect(await last("wang.fang", "/sla policy set myspace comment 2h")).toContain("未知平台“myspace”");
    expect(await last("wang.fang", "/sla policy set douyin gossip 2h")).toContain("未知类型“gossip”");
    expect(await last("wang.fang", "/sla policy set douyin comment 2h --account nobody")).toContain("尚未为抖音账号“nobody”配置响应时限（已配置：brand-douyin）。管理员可用 /sla account set 抖音 nobody @负责人 添加。");
    expect(await last("wang.fang", "/sla policy set any comment 2h --account brand-douyin")).toContain("需要指定平台");
    expect(await svc.deps.db.slaPolicy.findMany({ orderBy: { name: "asc" } })).toEqual(before);
  });
});

describe("/sla account set", () => {
  it("adds an account with its owner, lead and manager; items for it are accepted afterwards", async () => {
    const text = await last("wang.fang", "/sla account set xiaohongshu brand-xhs @emma --lead @liu.yang --manager @wang.fang --name 品牌小红书");
    expect(text).toContain("已新增 SLA 账号 xiaohongshu/brand-xhs");
    expect(text).toContain("品牌小红书 · 负责人 Emma Clarke · 组长 刘洋 · 经理 王芳");
    const acc = await svc.deps.db.slaAccount.findUniqueOrThrow({ where: { platform_account: { platform: "xiaohongshu", account: "brand-xhs" } } });
    const [a] = await audits("sla.account_set");
    expect(a).toMatchObject({ subjectType: "sla_account", subjectId: "xiaohongshu:brand-xhs", beforeJson: null });
    expect(JSON.parse(a!.afterJson!)).toEqual({ name: "品牌小红书", ownerId: acc.ownerId, leadId: acc.leadId, managerId: acc.managerId });
    expect(await last("emma", "/sla log 小红书 https://www.xiaohongshu.com/explore/1")).toMatch(/^Logged · #\d+\n/);
  });

  it("changes the owner of an existing account and keeps its other people", async () => {
    const before = await svc.deps.db.slaAccount.findUniqueOrThrow({ where: { platform_account: { platform: "douyin", account: "brand-douyin" } } });
    expect(await last("wang.fang", "/sla account set 抖音 brand-douyin @zhang.min")).toContain("已更新 SLA 账号 douyin/brand-douyin");
    const after = await svc.deps.db.slaAccount.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.ownerId).not.toBe(before.ownerId);
    expect([after.leadId, after.managerId, after.name]).toEqual([before.leadId, before.managerId, before.name]);
    expect(JSON.parse((await audits("sla.account_set"))[1]!.beforeJson!)).toMatchObject({ ownerId: before.ownerId });
  });

  it("refuses non-admins, unknown people and bad account codes", async () => {
    const count = await svc.deps.db.slaAccount.count();
    expect(await last("liu.yang", "/sla account set weibo w2 @emma")).toBe("只有管理员可以设置账号的响应负责人。你的角色：主管、审核。");
    expect(await last("wang.fang", "/sla account set weibo w2 @nobody")).toContain("nobody");
    expect(await last("wang.fang", "/sla account set weibo w2 @emma --lead @ghost")).toContain("ghost");
    expect(await last("wang.fang", "/sla account set weibo bad/code @emma")).toContain("账号代码最多 64 个字符");
    expect(await last("wang.fang", "/sla account set weibo w2")).toContain("owner");
    expect(await svc.deps.db.slaAccount.count()).toBe(count);
  });
});
