// The demo team a first start seeds on an empty database, so the console has people to act as.
import { toLocale } from "../../domain/locale.js";
import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import type { Role } from "../../domain/roles.js";
import dayjs from "../../lib/dayjs.js";
import { seedReviewChains } from "../reviews/review-chains.js";
import { seedSlaDemo } from "../sla/seed-sla.js";

/** The team id used by the embedded default. */
export const DEFAULT_TEAM_ID = "default";

/** The console's channels. */
export const CONSOLE_CHANNELS = ["general", "topics", "reviews", "sla", "incidents", "kpi"] as const;

const PEOPLE: { handle: string; displayName: string; locale: string; timezone?: string; roles: Role[] }[] = [
  { handle: "wang.fang", displayName: "王芳", locale: "zh-CN", roles: ["admin", "manager"] },
  { handle: "li.wei", displayName: "李伟", locale: "zh-CN", roles: ["reviewer"] },
  { handle: "zhang.min", displayName: "张敏", locale: "zh-CN", roles: ["reviewer"] },
  { handle: "chen.jie", displayName: "陈杰", locale: "zh-CN", roles: ["operator"] },
  { handle: "liu.yang", displayName: "刘洋", locale: "zh-CN", roles: ["manager", "reviewer"] },
  { handle: "emma", displayName: "Emma Clarke", locale: "en", timezone: "Europe/London", roles: ["operator", "reviewer"] },
];

const TOPICS: { title: string; theme: string; platforms: string[]; format: string; status: string; by: string; inDays: number | null; time?: string }[] = [
  { title: "春节返乡攻略：高铁抢票与行李清单", theme: "tips", platforms: ["douyin", "xiaohongshu"], format: "short_video", status: "idea", by: "chen.jie", inDays: 5 },
  { title: "新品空气炸锅的十种用法", theme: "product", platforms: ["wechat_oa"], format: "article", status: "accepted", by: "chen.jie", inDays: 2, time: "20:30" },
  { title: "2026 短视频行业趋势解读", theme: "news", platforms: ["wechat_oa", "bilibili"], format: "article", status: "idea", by: "emma", inDays: null },
  { title: "A nurse's night shift: how our app helps", theme: "story", platforms: ["weibo"], format: "short_video", status: "idea", by: "emma", inDays: 3 },
];

/** Seeds the demo team when the database has no team yet; returns whether it did. */
export async function seedDemoTeam(db: Db, clock: Clock, opts: { timezone: string; locale: string }): Promise<boolean> {
  if ((await db.team.count()) > 0) return false;
  const now = clock.now();
  await db.$transaction(async (tx) => {
    await tx.team.create({
      // The team's name is what its people read (the digest's header): written in the team's language.
      data: { id: DEFAULT_TEAM_ID, name: toLocale(opts.locale) === "en" ? "Demo content team" : "演示内容团队", timezone: opts.timezone, locale: opts.locale, themeTargetsJson: JSON.stringify({ product: 0.3, news: 0.2, story: 0.25, tips: 0.25 }), createdAt: now },
    });
    for (const name of CONSOLE_CHANNELS) {
      await tx.channel.create({ data: { teamId: DEFAULT_TEAM_ID, platform: "console", externalId: name, name, createdAt: now } });
    }
    const ids = new Map<string, string>();
    for (const p of PEOPLE) {
      const u = await tx.user.create({
        data: { teamId: DEFAULT_TEAM_ID, handle: p.handle, displayName: p.displayName, locale: p.locale, timezone: p.timezone ?? opts.timezone, rolesJson: JSON.stringify(p.roles), createdAt: now },
      });
      ids.set(p.handle, u.id);
      await tx.platformIdentity.create({ data: { userId: u.id, platform: "console", tenant: "local", externalId: p.handle } });
    }
    for (const t of TOPICS) {
      const day = t.inDays === null ? null : dayjs(now).tz(opts.timezone).add(t.inDays, "day").format("YYYY-MM-DD");
      await tx.topic.create({
        data: { teamId: DEFAULT_TEAM_ID, title: t.title, theme: t.theme, platforms: JSON.stringify(t.platforms), format: t.format, status: t.status, proposerId: ids.get(t.by)!, plannedDay: day, plannedTime: t.time ?? null, createdAt: now, updatedAt: now },
      });
    }
  });
  await seedReviewChains(db, clock, DEFAULT_TEAM_ID);
  await seedSlaDemo(db, DEFAULT_TEAM_ID, clock.now());
  return true;
}
