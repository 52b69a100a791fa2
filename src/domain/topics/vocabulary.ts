// The closed vocabularies a topic is described with: theme module, target platform and format.
// People type these in chat in any mix of Chinese, English, abbreviations and full-width characters, so the
// parsers map many spellings onto one code; display labels live in the strings catalogue, not here.

import { aliasParser } from "../aliases.js";
import { AppError } from "../errors.js";
import type { TopicStatus } from "./lifecycle.js";

/** Theme modules (内容主题模块): 产品知识, 行业资讯, 用户故事, 生活技巧. */
export const THEMES = ["product", "news", "story", "tips"] as const;
/** A theme module code. */
export type Theme = (typeof THEMES)[number];

/** Platforms the team publishes on: 公众号, 视频号, 抖音, 微博, 小红书, B站, 快手. */
export const PLATFORMS = ["wechat_oa", "channels", "douyin", "weibo", "xiaohongshu", "bilibili", "kuaishou"] as const;
/** A platform code. */
export type Platform = (typeof PLATFORMS)[number];

/** Content formats: 图文, 短视频, 直播, H5 interactive page. */
export const FORMATS = ["article", "short_video", "live", "h5"] as const;
/** A content format code. */
export type TopicFormat = (typeof FORMATS)[number];

// Aliases are written naturally; `aliasKey` folds away the differences people make when typing them
// (case, spaces, "-", "_", ".", full-width forms), so "B 站", "b站" and "Ｂ站" are one key.
const THEME_ALIASES: Record<Theme, readonly string[]> = {
  product: ["product", "products", "product knowledge", "knowledge", "prod", "产品", "产品知识", "知识"],
  news: ["news", "industry", "industry news", "资讯", "行业", "行业资讯", "新闻", "行业新闻"],
  story: ["story", "stories", "user story", "user stories", "故事", "用户故事", "案例"],
  tips: ["tips", "tip", "life tips", "life tip", "lifehack", "lifehacks", "life hacks", "技巧", "小技巧", "生活技巧", "生活"],
};

const PLATFORM_ALIASES: Record<Platform, readonly string[]> = {
  wechat_oa: [
    "wechat", "wechat oa", "weixin", "wx", "oa", "mp", "gzh", "official account", "wechat official account",
    "公众号", "微信公众号", "微信", "服务号", "订阅号",
  ],
  channels: ["channels", "channel", "wechat channels", "wechat channel", "sph", "视频号", "微信视频号"],
  douyin: ["douyin", "dy", "抖音"],
  weibo: ["weibo", "wb", "sina weibo", "微博", "新浪微博"],
  xiaohongshu: ["xiaohongshu", "xhs", "red", "rednote", "little red book", "小红书", "红书"],
  bilibili: ["bilibili", "bili", "b站", "bzhan", "哔哩哔哩", "哔站"],
  kuaishou: ["kuaishou", "ks", "kwai", "快手"],
};

const FORMAT_ALIASES: Record<TopicFormat, readonly string[]> = {
  article: ["article", "articles", "post", "long article", "图文", "文章", "长文", "推文"],
  short_video: ["short video", "video", "short", "sv", "视频", "短视频", "小视频"],
  live: ["live", "live stream", "livestream", "live streaming", "streaming", "直播", "直播间"],
  h5: ["h5", "h5 page", "interactive", "interactive page", "互动", "互动页面", "h5页面"],
};

const THEME_LOOKUP = aliasParser(THEME_ALIASES);
const PLATFORM_LOOKUP = aliasParser(PLATFORM_ALIASES);
const FORMAT_LOOKUP = aliasParser(FORMAT_ALIASES);

/** The theme code for a code, English name, abbreviation or Chinese name; undefined when unknown. */
export function parseTheme(input: string): Theme | undefined {
  return THEME_LOOKUP(input);
}

/** The platform code for a code, English name, abbreviation or Chinese name; undefined when unknown. */
export function parsePlatform(input: string): Platform | undefined {
  return PLATFORM_LOOKUP(input);
}

/** The format code for a code, English name, abbreviation or Chinese name; undefined when unknown. */
export function parseFormat(input: string): TopicFormat | undefined {
  return FORMAT_LOOKUP(input);
}

// Explicit list separators, ASCII and Chinese ("抖音，微博", "抖音、微博", "抖音+微博", "抖音和微博").
// None of them occurs inside a platform alias, so splitting on them first is safe.
const LIST_SEPARATORS = /[,，、;；|/+&和与及]+/u;
// Filler words between names in "douyin and weibo".
const FILLER_WORDS = new Set(["and"]);

/**
 * Parses a list of platforms ("douyin,weibo", "抖音，微博", "douyin weibo") into unique codes in input order.
 * Throws AppError("topic.unknown_platform", { value, known }) on the first entry it cannot read.
 */
export function parsePlatformList(input: string): Platform[] {
  const found: Platform[] = [];
  const add = (p: Platform): void => {
    if (!found.includes(p)) found.push(p);
  };
  for (const chunk of input.normalize("NFKC").split(LIST_SEPARATORS)) {
    if (chunk.trim() === "") continue;
    const whole = parsePlatform(chunk);
    if (whole) {
      add(whole);
      continue;
    }
    for (const p of parseSpaceSeparated(chunk)) add(p);
  }
  return found;
}

/**
 * Reads "douyin weibo" or "little red book douyin": spaces both separate names and occur inside them, so
 * at each position take the longest run of words that names a platform.
 */
function parseSpaceSeparated(chunk: string): Platform[] {
  const words = chunk.split(/\s+/u).filter((w) => w !== "" && !FILLER_WORDS.has(w.toLowerCase()));
  const out: Platform[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (let j = words.length; j > i; j--) {
      const p = parsePlatform(words.slice(i, j).join(" "));
      if (p) {
        out.push(p);
        i = j;
        matched = true;
        break;
      }
    }
    if (!matched) {
      throw new AppError("topic.unknown_platform", { value: words[i] ?? chunk.trim(), known: PLATFORMS.join(", ") });
    }
  }
  return out;
}

const STATUS_ALIASES: Record<TopicStatus, readonly string[]> = {
  idea: ["new", "待评估", "新选题", "想法"],
  accepted: ["已通过", "通过", "已采纳"],
  drafting: ["draft", "writing", "撰写中", "写作中", "草稿"],
  in_review: ["review", "reviewing", "审核中", "审核"],
  approved: ["审核通过", "已审核"],
  scheduled: ["已排期", "排期"],
  published: ["已发布", "发布"],
  rejected: ["已驳回", "驳回"],
  archived: ["已归档", "归档"],
};
const STATUS_LOOKUP = aliasParser(STATUS_ALIASES);

/** The lifecycle status for a code or a Chinese name ("待评估", "in review"); undefined when unknown. */
export function parseTopicStatus(input: string): TopicStatus | undefined {
  return STATUS_LOOKUP(input);
}
