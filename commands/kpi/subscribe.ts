import { z } from "zod";
import { defineCommand } from "../spec.js";
import { ZAnyMetrics, ZKpiPlatforms, ZRecipient, ZSendTime, ZYesNo, ZZone } from "./args.js";

/** /kpi subscribe: the daily digest in this channel (or to me), at a local time, on working days by default. */
export const kpiSubscribe = defineCommand({
  id: "kpi.subscribe",
  words: ["kpi", "subscribe"],
  positionals: [],
  options: [
    { name: "time", help: { en: "send time HH:mm (default 09:00)", "zh-CN": "发送时间 HH:mm（默认 09:00）" } },
    { name: "tz", help: { en: "IANA time zone (default the team's)", "zh-CN": "IANA 时区（默认团队时区）" } },
    { name: "workdays", help: { en: "yes: working days only, per the team calendar (default); no: every day", "zh-CN": "是：仅工作日（按团队日历，含调休，默认）；否：每天" } },
    { name: "platform", help: { en: "platforms, comma-separated (default all)", "zh-CN": "平台，逗号分隔（默认全部）" } },
    { name: "metrics", help: { en: "metrics, comma-separated (default all)", "zh-CN": "指标，逗号分隔（默认全部）" } },
    { name: "to", help: { en: "channel (default) or me", "zh-CN": "频道（默认，本频道）或我（私信我）" } },
  ],
  args: z.object({
    time: ZSendTime.optional(),
    tz: ZZone.optional(),
    workdays: ZYesNo.optional(),
    platform: ZKpiPlatforms.optional(),
    metrics: ZAnyMetrics.optional(),
    to: ZRecipient.optional(),
  }),
  usage: "/kpi subscribe [--time 09:00] [--tz Asia/Shanghai] [--workdays yes|no] [--platform P,...] [--metrics M,...] [--to channel|me]",
  summary: { en: "Subscribe to the daily KPI digest", "zh-CN": "订阅每日数据简报" },
  examples: ["/kpi subscribe --time 09:00 --tz Asia/Shanghai", { "zh-CN": "/kpi subscribe --to 我 --tz Europe/London --platform 抖音,微博", en: "/kpi subscribe --to me --tz Europe/London --platform douyin,weibo" }],
});

/** /kpi unsubscribe: stop the digest here (or to me). */
export const kpiUnsubscribe = defineCommand({
  id: "kpi.unsubscribe",
  words: ["kpi", "unsubscribe"],
  positionals: [],
  options: [{ name: "to", help: { en: "channel (default) or me", "zh-CN": "频道（默认）或我" } }],
  args: z.object({ to: ZRecipient.optional() }),
  usage: "/kpi unsubscribe [--to channel|me]",
  summary: { en: "Stop the daily KPI digest", "zh-CN": "取消每日数据简报" },
  examples: ["/kpi unsubscribe", { "zh-CN": "/kpi unsubscribe --to 我", en: "/kpi unsubscribe --to me" }],
});

/** /kpi digest now: a preview of the digest, shown only to me. */
export const kpiDigestNow = defineCommand({
  id: "kpi.digest_now",
  words: ["kpi", "digest", "now"],
  positionals: [],
  options: [{ name: "platform", help: { en: "platforms, comma-separated (default the subscription's, else all)", "zh-CN": "平台，逗号分隔（默认按订阅，否则全部）" } }],
  args: z.object({ platform: ZKpiPlatforms.optional() }),
  usage: "/kpi digest now [--platform P,...]",
  summary: { en: "Preview today's KPI digest", "zh-CN": "预览今天的数据简报" },
  examples: ["/kpi digest now"],
});
