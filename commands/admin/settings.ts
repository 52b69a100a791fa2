// Where each workflow's cards go, and each person's quiet hours, time zone and language: the rest of a real
// team's day one (#12). The person is optional: without one it is the sender's own setting.
import { z } from "zod";
import { AppError } from "../../src/domain/errors.js";
import { defineCommand } from "../spec.js";

/** The workflows whose cards can be sent to a channel of their own. */
export const ROUTED_WORKFLOWS = ["topics", "reviews", "sla", "incidents", "kpi"] as const;
/** One of them. */
export type RoutedWorkflow = (typeof ROUTED_WORKFLOWS)[number];

const WORKFLOW_WORDS: Record<string, RoutedWorkflow> = {
  topics: "topics", topic: "topics", 选题: "topics",
  reviews: "reviews", review: "reviews", 审核: "reviews",
  sla: "sla", comments: "sla", 留言: "sla", 响应: "sla",
  incidents: "incidents", incident: "incidents", 事件: "incidents",
  kpi: "kpi", 数据: "kpi", 简报: "kpi",
};

/** A workflow by any of its names (reviews, 审核...). */
const ZWorkflow = z.string().transform((raw) => {
  const w = WORKFLOW_WORDS[raw.trim().toLowerCase()];
  if (!w) throw new AppError("route.unknown_workflow", { value: raw });
  return w;
});

/** A person as typed (mention, @handle, id); optional: the sender by default. */
const ZWho = z.string().transform((s) => s.trim()).refine((s) => s.length > 0 && s.length <= 120, { message: "people.not_found" });

/** /mediaops channel set <workflow> <channel> (admins). */
export const channelSet = defineCommand({
  id: "people.channel_set",
  words: ["channel", "set"],
  positionals: [{ name: "workflow" }, { name: "channel" }],
  options: [],
  args: z.object({ workflow: ZWorkflow, channel: z.string().transform((s) => s.trim()).refine((s) => s.length > 0 && s.length <= 200, { message: "route.bad_channel" }) }),
  usage: "/mediaops channel set <topics|reviews|sla|incidents|kpi> <channel>",
  summary: { en: "Choose the channel a workflow's cards go to", "zh-CN": "设置某个流程的卡片发往哪个频道" },
  help: {
    en: "Per platform: set on Slack, it applies to Slack. The channel as the platform writes it: a Slack #channel mention or id, a Feishu chat id (oc_…), a WeCom app chat id, a console channel name. The bot must be in it. Without a channel set, cards go where the command was typed.",
    "zh-CN": "按平台分别设置：在 Slack 中设置只对 Slack 生效。频道按平台的写法给出：Slack 的 #频道 提及或频道 ID、飞书群 ID、企业微信应用群聊 ID、控制台频道名。机器人必须已在该频道中。未设置时，卡片发往输入命令的频道。",
  },
  examples: [{ en: "/mediaops channel set reviews #reviews", "zh-CN": "/mediaops channel set 审核 #reviews" }],
});

/** /mediaops channel show: where each workflow's cards go, per platform. */
export const channelShow = defineCommand({
  id: "people.channel_show",
  words: ["channel", "show"],
  positionals: [],
  options: [],
  args: z.object({}),
  usage: "/mediaops channel show",
  summary: { en: "Where each workflow's cards go", "zh-CN": "查看各流程卡片发往的频道" },
  examples: ["/mediaops channel show"],
});

/** /mediaops quiet set 22:00-08:00 [@user]. */
export const quietSet = defineCommand({
  id: "people.quiet_set",
  words: ["quiet", "set"],
  positionals: [{ name: "range" }, { name: "user" }],
  options: [],
  args: z.object({ range: z.string().min(1), user: ZWho.optional() }),
  usage: "/mediaops quiet set <22:00-08:00> [@user]",
  summary: { en: "Set quiet hours: reminders wait until they end", "zh-CN": "设置免打扰时段：提醒在时段结束后再发" },
  help: {
    en: "On your own clock (see /mediaops timezone); the range may cross midnight. Reminders and nudges to you wait until it ends; complaint breaches still reach you. Admins may set anyone's by naming them.",
    "zh-CN": "按你自己的时区计算（见 /mediaops timezone），可以跨过午夜。发给你的提醒和催办会等到时段结束再发；投诉超时仍会立即通知。管理员可以指定成员为他人设置。",
  },
  examples: ["/mediaops quiet set 22:00-08:00", "/mediaops quiet set 23:00-07:30 @li.wei"],
});

/** /mediaops quiet show [@user]. */
export const quietShow = defineCommand({
  id: "people.quiet_show",
  words: ["quiet", "show"],
  positionals: [{ name: "user" }],
  options: [],
  args: z.object({ user: ZWho.optional() }),
  usage: "/mediaops quiet show [@user]",
  summary: { en: "Show quiet hours", "zh-CN": "查看免打扰时段" },
  examples: ["/mediaops quiet show"],
});

/** /mediaops quiet off [@user]: back to the default quiet hours. */
export const quietOff = defineCommand({
  id: "people.quiet_off",
  words: ["quiet", "off"],
  positionals: [{ name: "user" }],
  options: [],
  args: z.object({ user: ZWho.optional() }),
  usage: "/mediaops quiet off [@user]",
  summary: { en: "No quiet hours: reminders come at any time", "zh-CN": "关闭免打扰：提醒随时发送" },
  examples: ["/mediaops quiet off"],
});

/** /mediaops timezone [zone] [@user]. */
export const timezoneSet = defineCommand({
  id: "people.timezone",
  words: ["timezone"],
  positionals: [{ name: "zone" }, { name: "user" }],
  options: [],
  args: z.object({ zone: z.string().min(1).optional(), user: ZWho.optional() }),
  usage: "/mediaops timezone [<zone>] [@user]",
  summary: { en: "Your time zone (times on your cards, your quiet hours)", "zh-CN": "你的时区（卡片上的时间、免打扰时段）" },
  help: {
    en: "An IANA zone name such as Asia/Shanghai, Europe/London, America/New_York. Without one it shows the zone in use. Admins may set anyone's by naming them.",
    "zh-CN": "IANA 时区名，例如 Asia/Shanghai、Europe/London、America/New_York。不写时区则显示当前时区。管理员可以指定成员为他人设置。",
  },
  examples: ["/mediaops timezone Europe/London", "/mediaops timezone Asia/Shanghai @emma"],
});

/** /mediaops language [zh-CN|en] [@user]. */
export const languageSet = defineCommand({
  id: "people.language",
  words: ["language"],
  positionals: [{ name: "language" }, { name: "user" }],
  options: [],
  args: z.object({ language: z.string().min(1).optional(), user: ZWho.optional() }),
  usage: "/mediaops language [<language>] [@user]",
  summary: { en: "The language the bot uses with you", "zh-CN": "机器人对你使用的语言" },
  help: {
    en: "zh-CN (中文) or en (English). Without one it shows the language in use. Admins may set anyone's by naming them.",
    "zh-CN": "中文或英文。不写则显示当前语言。管理员可以指定成员为他人设置。",
  },
  examples: [{ en: "/mediaops language en", "zh-CN": "/mediaops language 英文" }, { en: "/mediaops language zh-CN @li.wei", "zh-CN": "/mediaops language 中文 @emma" }],
});
