// "No SLA configured" refusals name what is missing (the account, or a policy) and the command that adds it, in
// the reader's language; typing that command (as an admin) is enough for the same item to be accepted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardText, consoleClient } from "../support/console-client.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let con: ReturnType<typeof consoleClient>;

beforeAll(async () => {
  svc = await startTestService();
  con = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

async function last(user: string, say: string): Promise<string> {
  const said = await con.say(user, say, "sla");
  if (said.error) return said.error;
  const r = await con.read("sla", user);
  return cardText(r.messages.filter((m) => m.authorKind === "bot").at(-1)!);
}

describe("an SLA item with nothing set up for it", () => {
  it("names the missing account and the command that adds it", async () => {
    expect(await last("chen.jie", "/sla log 小红书 https://www.xiaohongshu.com/explore/1 问价格")).toBe("还没有登记任何小红书账号。管理员可用 /sla account set 小红书 <账号> @负责人 添加。");
    expect(await last("emma", "/sla log xiaohongshu https://www.xiaohongshu.com/explore/1")).toBe("No Xiaohongshu account is set up for SLAs yet. An admin adds one with /sla account set xiaohongshu <account> @owner.");
    expect(await last("chen.jie", "/sla log 抖音 https://www.douyin.com/video/9 --account nobody")).toBe("尚未为抖音账号“nobody”配置响应时限（已配置：brand-douyin）。管理员可用 /sla account set 抖音 nobody @负责人 添加。");
    // The command it names works as written.
    expect(await last("wang.fang", "/sla account set 小红书 xhs-brand @chen.jie")).not.toContain("未");
    expect(await last("chen.jie", "/sla log 小红书 https://www.xiaohongshu.com/explore/1 问价格")).toContain("已登记");
  });

  it("names the missing policy and the command that adds it", async () => {
    await svc.deps.db.slaPolicy.updateMany({ data: { active: false } });
    expect(await last("chen.jie", "/sla log 抖音 https://www.douyin.com/video/10 --kind 投诉")).toBe("没有适用于抖音投诉的响应时限规则。管理员可用 /sla policy set 抖音 投诉 4h 添加（时限按工作时间计）。");
    expect(await last("emma", "/sla log douyin https://www.douyin.com/video/10 --kind complaint")).toBe("No SLA policy covers Douyin complaints. An admin adds one with /sla policy set douyin complaint 4h (the target in working hours).");
    expect(await last("wang.fang", "/sla policy set 抖音 投诉 4h")).not.toContain("没有");
    expect(await last("chen.jie", "/sla log 抖音 https://www.douyin.com/video/10 --kind 投诉")).toContain("已登记");
  });
});
