// The usual "golden publish time" (黄金发布时间) per platform: when its audience is most active, so a topic with
// no planned time gets a sensible suggestion. These are the team's starting defaults (local wall-clock time in
// the team's zone), meant to be tuned from the data later; they are data, not logic.

import type { Platform } from "./vocabulary.js";

/** A suggested publish time ("HH:mm", local) and why it was chosen. */
export interface PublishTime {
  time: string;
  why: string;
}

/** The default golden publish time for each platform, with the reasoning behind it. */
export const BEST_PUBLISH_TIMES: Readonly<Record<Platform, PublishTime>> = {
  wechat_oa: { time: "20:30", why: "evening reading: long articles are read after dinner, at home" },
  channels: { time: "12:30", why: "lunch break scrolling inside WeChat, between chats" },
  douyin: { time: "19:00", why: "commute home and early evening, the daily traffic peak for short video" },
  weibo: { time: "12:00", why: "midday news check; trending topics move fastest around lunch" },
  xiaohongshu: { time: "20:00", why: "evening browsing for lifestyle ideas and product reviews" },
  bilibili: { time: "18:00", why: "after school and work, when longer explainers get watched" },
  kuaishou: { time: "19:30", why: "evening leisure, after dinner, in lower-tier cities especially" },
};

/** The golden publish time ("HH:mm") for a platform. */
export function bestPublishTime(platform: Platform): string {
  return BEST_PUBLISH_TIMES[platform].time;
}
