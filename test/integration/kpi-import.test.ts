// CSV import of metric values: pasted after /kpi import in the console, and from a file with the CLI script
// (UTF-8 or GBK, said in the report). Every row is checked first, all stored or none, with a per-row report.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCsvBytes } from "../../scripts/import-metrics-csv.js";
import { cardText, consoleClient } from "../support/console-client.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;
beforeAll(async () => {
  svc = await startTestService();
  api = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

const HEADER = "platform,account,metric,day,value";

describe("/kpi import in the console", () => {
  it("stores pasted rows and reports each one, then reports replaced and unchanged values", async () => {
    const res = await api.say("chen.jie", `/kpi import\n${HEADER}\ndouyin,main,reads,2026-11-25,"12,345"\n微博,官方号,阅读量,2026-11-24,1.2万\n\n`, "kpi");
    expect(res.status, res.error).toBe(200);
    const text = cardText(res.messages[0]!);
    expect(res.messages[0]!.ephemeral).toBe(true);
    expect(text).toBe([
      "已导入 2 条数据：新增 2，替换 0，未变 0",
      "第 2 行：抖音 阅读量 2026-11-25 = 12,345（新增）",
      "第 3 行：微博/官方号 阅读量 2026-11-24 = 12,000（新增）",
    ].join("\n"));
    const chen = await svc.deps.db.user.findFirstOrThrow({ where: { handle: "chen.jie" } });
    const audit = await svc.deps.db.auditLog.findFirstOrThrow({ where: { action: "kpi.import" } });
    expect([audit.actorId, JSON.parse(audit.afterJson!).rows]).toEqual([chen.id, 2]);
    expect((await svc.deps.db.metricValue.findFirstOrThrow({ where: { platform: "douyin" } })).source).toBe("csv");

    const again = await api.say("emma", `/kpi import\n${HEADER}\ndouyin,main,reads,2026-11-25,13000\nweibo,官方号,reads,2026-11-24,12000`, "kpi");
    expect(again.status, again.error).toBe(200);
    expect(cardText(again.messages[0]!)).toBe([
      "Imported 2 values: 0 new, 1 replaced, 1 unchanged",
      "Line 2: Douyin Reads 2026-11-25 = 13,000 (replaced 12,345)",
      "Line 3: Weibo/官方号 Reads 2026-11-24 = 12,000 (unchanged)",
    ].join("\n"));
    expect(await svc.deps.db.metricValueHistory.count()).toBe(1);
  });

  it("reports every bad line with its reason and stores nothing", async () => {
    const before = await svc.deps.db.metricValue.count();
    const res = await api.say("wang.fang", `/kpi import\n平台,账号,指标,日期,数值\n抖音,main,点赞,2026-11-25,88\nmyspace,main,reads,2026-11-25,5\n抖音,main,reads,2026-11-25,很多\n抖音,main,互动率,2026-11-25,3%`, "kpi");
    expect(res.status, res.error).toBe(200);
    const text = cardText(res.messages[0]!);
    expect(text).toContain("未导入任何数据：有 3 行需要修改");
    expect(text).toContain("第 3 行：未知平台“myspace”");
    expect(text).toContain("第 4 行：“很多”不是数字");
    expect(text).toContain("第 5 行：互动率由点赞、评论、收藏、转发、阅读量计算得出");
    expect(text).not.toContain("第 2 行");
    expect(await svc.deps.db.metricValue.count()).toBe(before);
  });

  it("refuses a missing CSV, an unusable header, and people who may not record metrics", async () => {
    const empty = await api.say("wang.fang", "/kpi import", "kpi");
    expect(empty.status).toBe(400);
    expect(empty.error).toContain("请在 /kpi import 后面的几行粘贴 CSV");
    const header = await api.say("emma", "/kpi import\nplatform,account,day,value\ndouyin,main,2026-11-25,5", "kpi");
    expect(header.status).toBe(400);
    expect(header.error).toBe('The CSV header has no "metric" column (found: platform,account,day,value). Use platform,account,metric,day,value (or 平台,账号,指标,日期,数值).');
    const reviewer = await api.say("zhang.min", `/kpi import\n${HEADER}\ndouyin,main,reads,2026-11-25,5`, "kpi");
    expect(reviewer.status).toBe(400);
    expect(reviewer.error).toBe("只有主管、运营或管理员可以导入指标数据。你的角色：审核。");
  });
});

describe("scripts/import-metrics-csv.ts", () => {
  it("reads a GBK export, says so, and lists every stored row", async () => {
    const gbk = Buffer.from(gbkEncode("平台,账号,指标,日期,数值\r\n小红书,种草号,收藏,2026-11-25,321\r\n小红书,种草号,点赞,2026-11-25,\"4,567\"\r\n"));
    const { report, lines } = await importCsvBytes(svc.deps.db, gbk, { locale: "zh-CN", now: () => svc.clock.now() });
    expect(report.ok).toBe(true);
    expect(lines).toEqual([
      "已导入 2 条数据：新增 2，替换 0，未变 0（按 GBK 读取）",
      "第 2 行：小红书/种草号 收藏 2026-11-25 = 321（新增）",
      "第 3 行：小红书/种草号 点赞 2026-11-25 = 4,567（新增）",
    ]);
  });

  it("runs as a command: exit 1 and every line to fix when a row is wrong, exit 0 once fixed", async () => {
    const file = join(svc.dir, "export.csv");
    const run = async () => {
      try {
        const r = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/import-metrics-csv.ts", file, "--lang", "en"], { env: { ...process.env, DATABASE_URL: svc.databaseUrl } });
        return { code: 0, out: r.stdout };
      } catch (err) {
        const e = err as { code: number; stdout: string; stderr: string };
        return { code: e.code, out: e.stdout + e.stderr };
      }
    };
    writeFileSync(file, `${HEADER}\nbilibili,up主,plays,2026-11-20,9000\nbilibili,up主,plays,2026-11-21,-5\n`);
    const bad = await run();
    expect(bad.out).toContain("Nothing imported: 1 line to fix");
    expect(bad.out).toContain("Line 3: plays cannot be negative (got -5).");
    expect(bad.code).toBe(1);
    expect(await svc.deps.db.metricValue.count({ where: { platform: "bilibili" } })).toBe(0);
    writeFileSync(file, `${HEADER}\nbilibili,up主,plays,2026-11-20,9000\nbilibili,up主,plays,2026-11-21,9500\n`);
    const good = await run();
    expect(good.out, good.out).toContain("Imported 2 values: 2 new, 0 replaced, 0 unchanged (read as UTF-8)");
    expect(good.out).toContain("Line 3: Bilibili/up主 Plays 2026-11-21 = 9,500 (new)");
    expect(good.code).toBe(0);
    expect(await svc.deps.db.metricValue.count({ where: { platform: "bilibili" } })).toBe(2);
  }, 120_000); // two processes under tsx: 3 s on a quiet machine, over 30 s at a load average of 15
});

/** A tiny GBK encoder for the test's characters (Node decodes GBK but has no encoder). */
function gbkEncode(text: string): number[] {
  const decoder = new TextDecoder("gbk");
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) {
    const ch = decoder.decode(new Uint8Array([hi, lo]));
    if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
  }
  return [...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch) ?? [0x3f]));
}
