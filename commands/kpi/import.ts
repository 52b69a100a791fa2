import { z } from "zod";
import { defineCommand } from "../spec.js";

/** /kpi import, then the CSV on the following lines: every row checked, stored all together or not at all. */
export const kpiImport = defineCommand({
  id: "kpi.import",
  words: ["kpi", "import"],
  positionals: [],
  options: [],
  args: z.object({ body: z.string().optional() }),
  acceptsBody: true,
  usage: "/kpi import",
  summary: { en: "Import metric values from CSV", "zh-CN": "从 CSV 导入指标数据" },
  help: {
    en: "Paste the CSV on the lines after the command (or upload the file with the paperclip). Header line (English or Chinese): platform, account, metric, day, value (account and day optional: main, yesterday). Values as 12345, 12,345, 1.2万 or 3.4%. Every line is reported; if any line is wrong nothing is stored. For a file: npx tsx scripts/import-metrics-csv.ts <file> (UTF-8 or GBK).",
    "zh-CN": "在命令后的各行粘贴 CSV（或用附件按钮上传文件）。表头（中英文均可）：平台、账号、指标、日期、数值（账号、日期可省略：默认账号、昨天）。数值可写 12345、12,345、1.2万 或 3.4%。逐行报告；只要有一行有误，就全部不导入。导入文件：npx tsx scripts/import-metrics-csv.ts <文件>（UTF-8 或 GBK）。",
  },
  examples: [{ "zh-CN": "/kpi import\n平台,指标,日期,数值\n抖音,阅读量,2026-11-25,12345", en: "/kpi import\nplatform,account,metric,day,value\ndouyin,main,reads,2026-11-25,12345" }],
});
