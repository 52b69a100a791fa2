import { z } from "zod";
import { defineCommand } from "../spec.js";
import { ZAnyMetric, ZRecipient } from "./args.js";

const to = { name: "to", help: { en: "channel (default: this channel's, else mine) or me", "zh-CN": "频道或我（默认本频道的订阅，否则我的）" } };

/** /kpi mute: stop showing a metric's unusual moves in the digest here (the digest's "mute" button does the same). */
export const kpiMute = defineCommand({
  id: "kpi.mute",
  words: ["kpi", "mute"],
  positionals: [{ name: "metric" }],
  options: [to],
  args: z.object({ metric: ZAnyMetric, to: ZRecipient.optional() }),
  usage: "/kpi mute <metric> [--to channel|me]",
  summary: { en: "Mute a metric's unusual moves in the digest", "zh-CN": "在数据简报中屏蔽某指标的异常波动" },
  examples: [{ "zh-CN": "/kpi mute 分享", en: "/kpi mute shares" }, { "zh-CN": "/kpi mute 分享 --to 我", en: "/kpi mute shares --to me" }],
});

/** /kpi unmute: show a muted metric's unusual moves again. */
export const kpiUnmute = defineCommand({
  id: "kpi.unmute",
  words: ["kpi", "unmute"],
  positionals: [{ name: "metric" }],
  options: [to],
  args: z.object({ metric: ZAnyMetric, to: ZRecipient.optional() }),
  usage: "/kpi unmute <metric> [--to channel|me]",
  summary: { en: "Show a muted metric in the digest again", "zh-CN": "在数据简报中恢复显示某指标" },
  examples: [{ "zh-CN": "/kpi unmute 分享", en: "/kpi unmute shares" }],
});
