// Names of the domain's codes (statuses, themes, platforms, formats, roles) in both languages.
import type { Locale } from "../../src/domain/locale.js";
import type { Role } from "../../src/domain/roles.js";
import type { TopicStatus } from "../../src/domain/topics/lifecycle.js";
import type { Platform, Theme, TopicFormat } from "../../src/domain/topics/vocabulary.js";

type Names<K extends string> = Record<Locale, Record<K, string>>;

/** Topic lifecycle statuses. */
export const STATUS_NAMES: Names<TopicStatus> = {
  en: { idea: "idea", accepted: "accepted", drafting: "drafting", in_review: "in review", approved: "approved", scheduled: "scheduled", published: "published", rejected: "rejected", archived: "archived" },
  "zh-CN": { idea: "待评估", accepted: "已通过", drafting: "撰写中", in_review: "审核中", approved: "审核通过", scheduled: "已排期", published: "已发布", rejected: "已驳回", archived: "已归档" },
};

/** Theme modules (内容主题模块). */
export const THEME_NAMES: Names<Theme> = {
  en: { product: "product knowledge", news: "industry news", story: "user story", tips: "life tips" },
  "zh-CN": { product: "产品知识", news: "行业资讯", story: "用户故事", tips: "生活技巧" },
};

/** Social platforms. */
export const PLATFORM_NAMES: Names<Platform> = {
  en: { wechat_oa: "WeChat OA", channels: "WeChat Channels", douyin: "Douyin", weibo: "Weibo", xiaohongshu: "Xiaohongshu", bilibili: "Bilibili", kuaishou: "Kuaishou" },
  "zh-CN": { wechat_oa: "公众号", channels: "视频号", douyin: "抖音", weibo: "微博", xiaohongshu: "小红书", bilibili: "B站", kuaishou: "快手" },
};

/** Content formats. */
export const FORMAT_NAMES: Names<TopicFormat> = {
  en: { article: "article", short_video: "short video", live: "live stream", h5: "H5 page" },
  "zh-CN": { article: "图文", short_video: "短视频", live: "直播", h5: "H5" },
};

/** Team roles. */
export const ROLE_NAMES: Names<Role> = {
  en: { admin: "admin", manager: "manager", reviewer: "reviewer", operator: "operator" },
  "zh-CN": { admin: "管理员", manager: "主管", reviewer: "审核", operator: "运营" },
};

/** Weekday names, Sunday first. */
export const WEEKDAY_NAMES: Record<Locale, readonly string[]> = {
  en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
  "zh-CN": ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
};

/** Looks a code up in a name table, falling back to the code itself. */
export function nameOf<K extends string>(table: Names<K>, locale: Locale, code: string | null | undefined): string {
  if (!code) return "";
  return (table[locale] as Record<string, string>)[code] ?? code;
}
