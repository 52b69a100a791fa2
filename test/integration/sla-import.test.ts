// CSV import of SLA items: uploaded through the console (UTF-8 and GBK), pasted after /sla import, and the CLI
// script, each row reported (accepted, already known, rejected with its line and reason), nothing half-stored.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSlaImport } from "../../scripts/import-sla-csv.js";
import { cardText, consoleClient } from "../support/console-client.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let con: ReturnType<typeof consoleClient>;

beforeAll(async () => {
  svc = await startTestService(); // Thursday 2026-11-26 10:00 Shanghai
  con = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

const upload = (user: string, content: Buffer | string, filename = "comments.csv") =>
  con.call("POST", "/console/api/upload", { channel: "sla", user, command: "/sla import", filename, contentBase64: Buffer.from(content).toString("base64") });
async function lastBot(user: string) {
  const r = await con.read("sla", user);
  return cardText(r.messages.filter((m) => m.authorKind === "bot").at(-1)!);
}
const itemsOf = (prefix: string) => svc.deps.db.slaItem.findMany({ where: { externalId: { startsWith: prefix } }, orderBy: { externalId: "asc" } });

// Line numbers: the quoted text of imp-2 spans lines 3-4, so imp-3 is on line 5.
const CSV = [
  "平台,账号,类型,编号,用户,内容,链接,时间",
  "抖音,brand-douyin,评论,imp-1,小林,什么时候发货？,https://www.douyin.com/video/1,2026-11-26 09:30",
  '抖音,brand-douyin,投诉,imp-2,老王,"质量太差, 要退货',
  '第二行 ""原话""",,2026-11-26T09:00:00+08:00',
  "weibo,brand-weibo,comment,imp-3,emma,hello",
  "douyin,brand-douyin,comment,imp-4,小林,明天的,,2026-11-27 09:30",
  "douyin,nobody,comment,imp-5,小林,谁,,2026-11-26 09:30",
  "myspace,brand-douyin,comment,imp-6,小林,谁,,2026-11-26 09:30",
  "douyin,brand-douyin,comment,imp-1,小林,又一条,,2026-11-26 09:30",
  `douyin,brand-douyin,comment,imp-7,小林,${"长".repeat(2001)},,2026-11-26 09:30`,
  "douyin,brand-douyin,comment,,小林,没有编号,,2026-11-26 09:30",
  "",
].join("\r\n");

describe("/sla import", () => {
  it("imports an uploaded UTF-8 file row by row and reports each rejected line with its reason", async () => {
    const res = await upload("chen.jie", CSV);
    expect(res.status).toBe(200);
    const text = await lastBot("chen.jie");
    expect(text).toContain("CSV 导入：接受 2 条，已存在 0 条，拒绝 7 条（共 9 行）");
    expect(text).toContain("第 5 行：应有 8 列，实际 6 列");
    expect(text).toContain("第 6 行：时间晚于当前时间");
    expect(text).toContain("第 7 行：未配置的账号 douyin/nobody，管理员可用 /sla account set 抖音 nobody @负责人 添加");
    expect(text, "no English reason in a zh-CN report").not.toMatch(/an admin adds it/);
    expect(text).toContain("第 8 行：未知平台");
    expect(text).toContain("第 9 行：编号与第 2 行重复");
    expect(text).toContain("第 10 行：内容超过 2000 字");
    expect(text).toContain("第 11 行：缺少编号");
    const rows = await itemsOf("imp-");
    expect(rows.map((r) => [r.externalId, r.platform, r.kind, r.source])).toEqual([["imp-1", "douyin", "comment", "csv"], ["imp-2", "douyin", "complaint", "csv"]]);
    expect(rows[0]!.createdAt.toISOString()).toBe("2026-11-26T01:30:00.000Z"); // 09:30 on the team's clock
    expect(rows[1]!.text).toBe('质量太差, 要退货\r\n第二行 "原话"');
    const audits = await svc.deps.db.auditLog.findMany({ where: { action: "sla.import" } });
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0]!.afterJson!)).toMatchObject({ stored: 2, firstLine: 2 });
    // The stream shows the command and the file, not the file's text.
    const typed = (await con.read("sla", "chen.jie")).messages.filter((m) => m.authorKind === "user").at(-1)!;
    expect(typed.text).toBe("/sla import (comments.csv, UTF-8)");
  });

  it("reports rows already stored as already known when the same file comes again, and stores nothing twice", async () => {
    await upload("chen.jie", CSV);
    // Line 9 repeated line 2 within the file; now it is simply known.
    expect(await lastBot("chen.jie")).toContain("接受 0 条，已存在 3 条，拒绝 6 条");
    expect(await lastBot("chen.jie")).toMatch(/第 2 行：已登记为 #\d+/);
    expect(await itemsOf("imp-")).toHaveLength(2);
  });

  it("reads a GBK-encoded export (抖音 = B6 B6 D2 F4)", async () => {
    const ascii = (s: string) => Buffer.from(s, "latin1");
    const gbk = Buffer.concat([
      ascii("platform,account,kind,externalId,author,text,createdAt\r\n"),
      Buffer.from([0xb6, 0xb6, 0xd2, 0xf4]), // 抖音
      ascii(",brand-douyin,comment,gbk-1,user,"),
      Buffer.from([0xb6, 0xb6, 0xd2, 0xf4, 0xba, 0xc3]), // 抖音好
      ascii(",2026-11-26 09:45\r\n"),
    ]);
    const res = await upload("emma", gbk, "export-gbk.csv");
    expect(res.status).toBe(200);
    expect(await lastBot("emma")).toContain("CSV import: 1 accepted, 0 already known, 0 rejected (1 rows)");
    const [row] = await itemsOf("gbk-");
    expect(row).toMatchObject({ platform: "douyin", text: "抖音好" });
    const typed = (await con.read("sla", "emma")).messages.filter((m) => m.authorKind === "user").at(-1)!;
    expect(typed.text).toBe("/sla import (export-gbk.csv, GBK)");
  });

  it("takes a pasted CSV after the command line", async () => {
    const r = await con.say("emma", "/sla import\nplatform,account,kind,externalId,text,createdAt\nweibo,brand-weibo,comment,paste-1,hi,2026-11-26T09:50:00+08:00", "sla");
    expect(r.status).toBe(200);
    expect(await lastBot("emma")).toContain("1 accepted");
    expect(await itemsOf("paste-")).toHaveLength(1);
  });

  it("refuses a file it cannot read as a whole, clearly, storing nothing", async () => {
    const before = await svc.deps.db.slaItem.count();
    const noBody = await con.say("emma", "/sla import", "sla");
    expect(noBody.error).toContain("Paste the CSV after the command");
    const header = await upload("emma", "platform,text\ndouyin,hi\n");
    expect(header.error).toBe("The CSV cannot be read: the header lacks column(s): account, externalId, createdAt.");
    const cut = await upload("chen.jie", 'platform,account,kind,externalId,createdAt\ndouyin,brand-douyin,comment,"cut-1,2026-11-26 09:00\n');
    expect(cut.error).toContain("无法读取该 CSV：a quoted field opened on line 2 is not closed");
    const binary = await upload("emma", Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x30]));
    expect(binary.status).toBe(400);
    const reviewer = await upload("li.wei", CSV);
    expect(reviewer.status).toBe(400);
    expect(await svc.deps.db.slaItem.count()).toBe(before);
  });

  it("imports through the CLI script with the same report (and GBK detection)", async () => {
    const file = join(svc.dir, "cli.csv");
    writeFileSync(file, "platform,account,kind,externalId,author,text,createdAt\ndouyin,brand-douyin,comment,cli-1,a,x,2026-11-26 09:00\ndouyin,brand-douyin,comment,imp-1,a,x,2026-11-26 09:00\ndouyin,brand-douyin,comment,cli-2,a\n");
    const run = await runSlaImport([file, "--team", "default"], { DATABASE_URL: svc.databaseUrl, LOG_LEVEL: "silent" }, svc.clock);
    expect(run.code).toBe(2);
    expect(run.output).toEqual([`${file} (UTF-8)`, "CSV import: 1 accepted, 1 already known, 1 rejected (3 rows)", "Line 4: expected 7 columns, found 5", expect.stringMatching(/^Line 3: already item #\d+$/), expect.stringContaining("fix the rejected lines")]);
    expect(await itemsOf("cli-")).toHaveLength(1);
    expect((await runSlaImport([file, "--team", "nope"], { DATABASE_URL: svc.databaseUrl }, svc.clock)).output).toEqual(['there is no team "nope"']);
    expect((await runSlaImport([], { DATABASE_URL: svc.databaseUrl }, svc.clock)).code).toBe(1);
  });
});
