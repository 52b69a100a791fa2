// Refusals of /mediaops channel, quiet, timezone and language, in both languages.
import type { ErrorCatalog } from "../catalog.js";

/** Settings error messages. */
export const settingsErrors: ErrorCatalog = {
  en: {
    "route.unknown_workflow": (p) => `There is no workflow "${p.value}". Workflows: topics, reviews, sla, incidents, kpi. Nothing was changed.`,
    "route.bad_channel": (p) => `"${p.value}" is not a channel here. ${p.hint} Nothing was changed.`,
    "route.not_member": (p) => `The bot is not in ${p.channel}. Add it to the channel first, then try again. Nothing was changed.`,
    "route.not_found": (p) => `The bot cannot see a channel ${p.channel}: it does not exist, or the bot is not in it. Add the bot first, then try again. Nothing was changed.`,
    "route.unsupported": () => "This platform cannot tell whether the bot is in that channel, so cards cannot be sent there. Nothing was changed.",
    "quiet.bad_range": (p) => `"${p.value}" is not a time range. Write e.g. 22:00-08:00. Nothing was changed.`,
    "quiet.bad_time": (p) => `${p.value} is not a time of day (00:00 to 23:59). Nothing was changed.`,
    "quiet.empty": (p) => `${p.value} ends where it starts, so it is no quiet time at all. To have none, use /mediaops quiet off. Nothing was changed.`,
    "zone.unknown": (p) => `"${p.value}" is not a time zone. Use an IANA name such as Asia/Shanghai, Europe/London or America/New_York. Nothing was changed.`,
    "language.unknown": (p) => `"${p.value}" is not a language the bot writes. Languages: zh-CN (中文), en (English). Nothing was changed.`,
  },
  "zh-CN": {
    "route.unknown_workflow": (p) => `没有「${p.value}」这个流程。可用流程：选题、审核、留言、事件、数据。没有做任何更改。`,
    "route.bad_channel": (p) => `“${p.value}”不是本平台的频道。${p.hint}没有做任何更改。`,
    "route.not_member": (p) => `机器人不在 ${p.channel} 中。请先把机器人加入该频道，再重试。没有做任何更改。`,
    "route.not_found": (p) => `机器人看不到频道 ${p.channel}：它不存在，或机器人不在其中。请先把机器人加入，再重试。没有做任何更改。`,
    "route.unsupported": () => "本平台无法确认机器人是否在该频道中，因此不能把卡片发往那里。没有做任何更改。",
    "quiet.bad_range": (p) => `“${p.value}”不是时间段，请写成 22:00-08:00 这样。没有做任何更改。`,
    "quiet.bad_time": (p) => `${p.value} 不是有效的时间（00:00 到 23:59）。没有做任何更改。`,
    "quiet.empty": (p) => `${p.value} 的结束时间与开始时间相同，等于没有免打扰时段。如不需要免打扰，请用 /mediaops quiet off。没有做任何更改。`,
    "zone.unknown": (p) => `“${p.value}”不是有效的时区。请使用 IANA 时区名，例如 Asia/Shanghai、Europe/London、America/New_York。没有做任何更改。`,
    "language.unknown": (p) => `“${p.value}”不是机器人支持的语言。可用语言：中文、英文。没有做任何更改。`,
  },
};
