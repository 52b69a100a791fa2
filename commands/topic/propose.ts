import { z } from "zod";
import { defineCommand } from "../spec.js";
import { ZFormat, ZPlatforms, ZText, ZTheme, ZTitle } from "./args.js";

/** /topic propose: a new idea for the backlog, posted as a card others can accept, reject or +1. */
export const topicPropose = defineCommand({
  id: "topic.propose",
  words: ["topic", "propose"],
  positionals: [{ name: "title", rest: true }],
  options: [
    { name: "theme", help: { en: "product, news, story or tips", "zh-CN": "产品知识、行业资讯、用户故事或生活技巧" } },
    { name: "platform", help: { en: "one or more, comma-separated: wechat_oa, channels, douyin, weibo, xiaohongshu, bilibili, kuaishou", "zh-CN": "一个或多个，用逗号分隔：公众号、视频号、抖音、微博、小红书、B站、快手" } },
    { name: "format", help: { en: "article, short_video, live or h5", "zh-CN": "图文、短视频、直播或 H5" } },
    { name: "date", help: { en: "planned publish date, e.g. 2026-12-03 or 2026-12-03 20:30 or tomorrow", "zh-CN": "计划发布时间，如 2026-12-03、2026-12-03 20:30 或 明天" } },
    { name: "angle", help: { en: "the angle or hook", "zh-CN": "切入角度" } },
    { name: "refs", help: { en: "references: links or notes", "zh-CN": "参考资料：链接或说明" } },
  ],
  args: z.object({
    title: ZTitle,
    theme: ZTheme.optional(),
    platform: ZPlatforms.optional(),
    format: ZFormat.optional(),
    date: z.string().optional(),
    angle: ZText(500).optional(),
    refs: ZText(1000).optional(),
  }),
  usage: "/topic propose <title> [--theme T] [--platform P,...] [--format F] [--date D] [--angle A] [--refs R]",
  summary: { en: "Propose a content topic", "zh-CN": "提交一个选题" },
  examples: [
    { "zh-CN": "/topic propose 春节返乡攻略 --theme 生活技巧 --platform 抖音,小红书 --format 短视频 --date 2027-01-20", en: "/topic propose 春节返乡攻略 --theme tips --platform douyin,xiaohongshu --format short_video --date 2027-01-20" },
    { "zh-CN": "/topic propose 用户故事：一位护士的夜班 --theme 用户故事 --platform 公众号 --format 图文", en: "/topic propose How our users cut energy bills --theme story --platform wechat_oa --format article" },
  ],
});
