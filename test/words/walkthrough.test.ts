// A day of the demo team in Chinese, driven through the console: topics, reviews, SLA, a full incident with its
// timeline and 复盘, KPI, admin commands and a set of mistakes. Every message the bot wrote (replies, posts,
// direct messages, card updates: the whole outbox, rendered as delivered) and every refusal is checked for raw
// identifiers in zh-CN and for validator sentences in both languages. Add your feature's commands here.
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIncidentSweep } from "../../src/app/incidents/incident-sweep.js";
import { sweepReviewDeadlines } from "../../src/app/reviews/sweep-review-deadlines.js";
import { runSlaSweep } from "../../src/app/sla/sweep.js";
import { toLocale, type Locale } from "../../src/domain/locale.js";
import type { CardButton } from "../../src/messaging/card.js";
import { renderTemplate } from "../../templates/index.js";
import { consoleClient, type ApiAnswer, type ApiMessage } from "../support/console-client.js";
import { findRawWords, formatFindings, readableTexts, type RawWordFinding } from "../support/raw-words.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;
const HOUR = 3_600_000;
const LOCALE: Record<string, Locale> = { emma: "en" };
const findings: RawWordFinding[] = [];
/** Steps that did not go as the scenario expects (a refusal where success was due, or the reverse). */
const surprises: string[] = [];
/** What people typed or were named: user content the check leaves alone. */
const userContent = ["Emma Clarke", "A nurse's night shift: how our app helps", "Brand Weibo"];

beforeAll(async () => {
  svc = await startTestService();
  api = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

/** Types `text`; a refusal is checked as the sender reads it. Returns the answer. */
async function say(user: string, text: string, channel = "general", expectRefusal = false): Promise<ApiAnswer> {
  const res = await api.say(user, text, channel);
  if ((res.status === 200) === expectRefusal) surprises.push(`${user}: ${text.slice(0, 80)} → ${res.status} ${res.error ?? ""}`);
  // What the sender typed may be echoed back ("“/topci” is not a command"): their words are theirs.
  const typed = text.split(/[\s,]+/);
  if (res.error) findings.push(...findRawWords("walk:refusal", `refusal of "${text.slice(0, 60)}" (${user})`, res.error.split("\n"), LOCALE[user] ?? "zh-CN", { userContent: [...userContent, ...typed] }));
  return res;
}

function buttons(m: ApiMessage): CardButton[] {
  return m.card?.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : [])) ?? [];
}

/** Clicks the first button whose action id is `actionId` (and label contains `label`) on the newest card matching. */
async function click(user: string, channel: string, match: (m: ApiMessage) => boolean, actionId: string, reason?: string, label?: string): Promise<ApiAnswer> {
  const read = await api.read(channel, user);
  const m = read.messages.filter((x) => match(x) && buttons(x).some((b) => b.actionId === actionId && (!label || b.label.includes(label)))).at(-1);
  if (!m) throw new Error(`no card with ${actionId} in ${channel}`);
  const b = buttons(m).find((x) => x.actionId === actionId && (!label || x.label.includes(label)))!;
  const res = await api.call("POST", "/console/api/actions", { user, messageId: m.id, actionId, value: b.value, reason });
  if (res.status !== 200) surprises.push(`${user}: click ${actionId} → ${res.status} ${res.error ?? ""}`);
  if (res.error) findings.push(...findRawWords("walk:refusal", `refusal of ${actionId} (${user})`, res.error.split("\n"), LOCALE[user] ?? "zh-CN", { userContent }));
  return res;
}

const titled = (part: string) => (m: ApiMessage) => Boolean(m.card?.title.includes(part));
const idOf = (res: ApiAnswer) => Number(/^#(\d+) /.exec(res.messages.find((m) => /^#\d+ /.test(m.card?.title ?? ""))?.card?.title ?? "#0 ")![1]);
let topicId = 0;
const topicCard = (id: number) => (m: ApiMessage) => Boolean(m.card?.title.startsWith(`#${id} `));

describe("a day of the demo team, in Chinese", () => {
  it("topics: propose, vote, decide, plan, list, show, and mistakes", async () => {
    topicId = idOf(await say("chen.jie", "/topic propose 春节返乡攻略 --platform 抖音,小红书 --theme 生活技巧 --format 短视频 --date 2027-01-20", "topics"));
    const b = idOf(await say("chen.jie", "/topic propose 春节返乡攻略合集 --platform 抖音", "topics"));
    const c = idOf(await say("li.wei", "/topic propose 年货节选购指南 --platform 公众号 --theme 产品知识", "topics"));
    await click("zhang.min", "topics", topicCard(topicId), "topic.vote");
    await click("wang.fang", "topics", topicCard(topicId), "topic.accept");
    await click("wang.fang", "topics", topicCard(c), "topic.reject", "与上周内容重复");
    await say("wang.fang", `/topic assign ${topicId} @chen.jie`, "topics");
    await say("wang.fang", `/topic schedule ${topicId} 2027-01-20 20:30`, "topics");
    await say("chen.jie", "/topic list", "topics");
    await say("chen.jie", "/topic list --status 待评估", "topics");
    await say("chen.jie", `/topic show ${topicId}`, "topics");
    await say("chen.jie", "/topic calendar month --from 2027-01-01", "topics");
    await say("chen.jie", `/topic archive ${b}`, "topics", true);
    await say("wang.fang", `/topic accept ${c}`, "topics", true);
    await say("chen.jie", `/topic propose ${"很长的标题".repeat(800)}`, "topics", true);
    await say("chen.jie", "/topic propose 新选题 --platform 脸书", "topics", true);
    await say("chen.jie", "/topic propose 新选题 --theme 娱乐", "topics", true);
    await say("chen.jie", "/topic propose 新选题 --colour red", "topics", true);
    await say("chen.jie", `/topic schedule ${topicId}`, "topics", true);
    await say("chen.jie", "/topic list --status 完成", "topics", true);
    await say("chen.jie", "/topic calendar 年", "topics", true);
    await say("chen.jie", "/topci list", "topics", true);
    await say("chen.jie", "/topic lists", "topics", true);
    await say("chen.jie", "/help");
    for (const root of ["topic", "review", "sla", "incident", "kpi", "mediaops"]) await say("chen.jie", `/help ${root}`);
    await say("chen.jie", "/help topic propose");
  });

  it("reviews: chains, a submission through the levels, changes, reminders and an escalation", async () => {
    await say("wang.fang", "/review chain list", "reviews");
    await say("chen.jie", `/review submit ${topicId} https://docs.example.com/d/1 初稿`, "reviews");
    await say("chen.jie", "/review status 1", "reviews");
    await say("li.wei", "/review pending", "reviews");
    await say("chen.jie", "/review board", "reviews");
    await click("li.wei", "reviews", titled("R1 "), "review.approve");
    await click("liu.yang", "reviews", titled("R1 "), "review.changes", "标题夸大");
    await say("chen.jie", `/review submit ${topicId} https://docs.example.com/d/2 已改标题`, "reviews");
    await say("chen.jie", "/review nudge 1", "reviews");
    svc.clock.advance(30 * HOUR);
    await sweepReviewDeadlines(svc.deps);
    await say("chen.jie", "/review approve 1", "reviews", true);
    await say("li.wei", "/review changes 1", "reviews", true);
    await say("wang.fang", "/review chain set 快审 第一级=任意:@li.wei/2h", "reviews", true);
    await say("wang.fang", "/review chain default 不存在", "reviews", true);
    await say("chen.jie", "/review status R99", "reviews", true);
  });

  it("SLA: a logged comment, reminders, the boards, stats and an import", async () => {
    await say("chen.jie", "/sla log 抖音 https://www.douyin.com/video/1 用户问发货时间 --kind 投诉", "sla");
    await say("chen.jie", "/sla log 微博 https://weibo.com/1/2 用户问活动规则", "sla");
    svc.clock.advance(3 * HOUR);
    await runSlaSweep(svc.deps);
    await say("chen.jie", "/sla mine", "sla");
    await say("wang.fang", "/sla board", "sla");
    await say("wang.fang", "/sla stats", "sla");
    await say("wang.fang", "/sla stats today", "sla");
    await say("wang.fang", "/sla policy list", "sla");
    await say("wang.fang", "/sla import\n平台,账号,类型,编号,作者,内容,链接,时间\n抖音,brand-douyin,评论,c-9,小林,什么时候发货？,https://www.douyin.com/video/9,2026-11-27 09:30", "sla");
    await say("chen.jie", "/sla log 抖音 不是链接", "sla", true);
    await say("chen.jie", "/sla log 抖音 https://www.douyin.com/video/2 --kind 吐槽", "sla", true);
    await say("wang.fang", "/sla stats 明年", "sla", true);
  });

  it("an incident from declaration to its 复盘, with a drill, thresholds and the library", async () => {
    await say("wang.fang", "/incident playbooks", "incidents");
    await say("wang.fang", "/incident declare 微博负面帖发酵", "incidents");
    await say("wang.fang", "/incident declare 微博负面帖发酵 --type 平台 --likelihood 高 --impact 严重", "incidents");
    const card = titled("微博负面帖发酵");
    await click("liu.yang", "incidents", card, "incident.claim");
    for (const role of ["对外沟通", "记录员"]) await click("zhang.min", "incidents", card, "incident.claim", undefined, role);
    svc.clock.advance(HOUR);
    await runIncidentSweep(svc.deps);
    await click("zhang.min", "incidents", card, "incident.done");
    await say("liu.yang", "/incident update 已在微博发布声明", "incidents");
    await say("liu.yang", "/incident note 法务已介入", "incidents");
    await say("liu.yang", "/incident status stable", "incidents");
    await say("liu.yang", "/incident severity SEV2", "incidents");
    await say("liu.yang", "/incident role 不存在的角色 @li.wei", "incidents", true);
    await say("liu.yang", "/incident done 不存在的步骤", "incidents", true);
    await say("liu.yang", "/incident declare 又一事件 --type 天灾 --likelihood 高 --impact 严重", "incidents", true);
    await say("liu.yang", "/incident declare 又一事件 --type 舆情 --likelihood 很高 --impact 严重", "incidents", true);
    await say("liu.yang", "/incident status 完结", "incidents", true);
    await say("liu.yang", "/incident resolve", "incidents");
    await say("liu.yang", "/incident resolve --force 已平息", "incidents");
    await say("liu.yang", "/incident review --id 1", "incidents");
    await say("liu.yang", "/incident review edit impact 负面帖阅读量 12 万 --id 1", "incidents");
    await say("liu.yang", "/incident action add 建立负面词监测 @zhang.min --due 2026-12-10 --id 1", "incidents");
    await say("liu.yang", "/incident review --id 1", "incidents");
    await say("liu.yang", "/incident library", "incidents");
    await say("wang.fang", "/incident drill 舆情", "incidents");
    await say("wang.fang", "/incident threshold set complaint_breaches 1 --window 1h --type 舆情 --level SEV2 --owner @liu.yang", "incidents");
    await say("wang.fang", "/incident threshold list", "incidents");
    svc.clock.advance(48 * HOUR);
    await runIncidentSweep(svc.deps);
  });

  it("KPI: records, a target, a subscription and a digest", async () => {
    await say("wang.fang", "/kpi record 抖音 阅读量 12345", "kpi");
    await say("wang.fang", "/kpi record 公众号 新增关注 320 2026-11-25", "kpi");
    await say("wang.fang", "/kpi target 阅读量 +25% by 2027-05-31", "kpi");
    await say("wang.fang", "/kpi subscribe --time 09:00", "kpi");
    await say("wang.fang", "/kpi digest now", "kpi");
    await say("wang.fang", "/kpi record 抖音 心情 5", "kpi", true);
    await say("wang.fang", "/kpi subscribe --workdays 也许", "kpi", true);
  });

  it("admin: outbox, calendar, link", async () => {
    await say("wang.fang", "/mediaops outbox");
    await say("wang.fang", "/mediaops calendar show");
    await say("chen.jie", "/mediaops link");
    await say("chen.jie", "/mediaops link 123", "general", true);
  });

  it("admin: people and roles (each change is DMed to the person), hours, and their mistakes", async () => {
    await say("wang.fang", "/mediaops people");
    await say("wang.fang", "/mediaops people --role 审核");
    await say("emma", "/mediaops people --role reviewer");
    await say("wang.fang", "/mediaops role grant @chen.jie 审核");
    await say("wang.fang", "/mediaops role revoke @chen.jie reviewer");
    await say("wang.fang", "/mediaops role grant @chen.jie 厨师", "general", true);
    await say("chen.jie", "/mediaops role grant @chen.jie admin", "general", true);
    await say("wang.fang", "/mediaops role revoke @wang.fang admin", "general", true);
    await say("wang.fang", "/mediaops setup K7Q2M4XAZBCD", "general", true);
    await say("wang.fang", "/mediaops hours show");
    await say("wang.fang", "/mediaops hours set 周一至周五 09:00-12:00,13:30-18:30");
    await say("wang.fang", "/mediaops hours set 每天都上班", "general", true);
    await say("wang.fang", "/mediaops remove @nobody", "general", true);
    // Last: removing someone hands their places over (later steps do not need zhang.min).
    await say("wang.fang", "/mediaops remove @zhang.min --to @li.wei");
  });

  it("English readers get no validator sentences either", async () => {
    await say("emma", "/topic propose " + "long title ".repeat(400), "topics", true);
    await say("emma", "/topic propose New idea --platform facebook", "topics", true);
    await say("emma", "/incident declare Outage --type weather --likelihood high --impact severe", "incidents", true);
    await say("emma", "/review status 1", "reviews");
    await say("emma", "/incident review --id 1", "incidents");
  });

  it("every step went as the scenario expects", () => {
    expect(surprises).toEqual([]);
  });

  it("nothing the bot wrote carries a raw identifier", async () => {
    const rows = await svc.deps.db.outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      const model: unknown = JSON.parse(row.modelJson);
      // A notice is written in its reader's language when it is enqueued; every other card in both.
      const locales: Locale[] = row.template === "notice" ? [toLocale(row.locale)] : ["zh-CN", "en"];
      for (const locale of locales) {
        const card = renderTemplate(row.template, model, locale);
        findings.push(...findRawWords(`walk:${row.template}`, `outbox #${row.id} ${row.kind} ${row.template} (${locale})`, [...new Set(readableTexts(card))], locale, { userContent }));
      }
    }
    if (process.env.WORDS_REPORT) writeFileSync(process.env.WORDS_REPORT, `${surprises.join("\n")}\n\n${formatFindings(findings)}\n`);
    expect(formatFindings(findings)).toBe("");
  });
});
