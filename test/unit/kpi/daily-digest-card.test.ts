// The digest card's text fallback must read well on its own, in both languages.
import { describe, expect, it } from "vitest";
import { MAX_BUTTON_ROWS, dailyDigestCard } from "../../../templates/kpi/daily-digest.card.js";
import { cardButtons } from "../../../src/messaging/card.js";
import { KPI_SAMPLES } from "../../contract/kpi-samples.js";

const [full, empty] = KPI_SAMPLES["kpi.daily_digest"].map((s) => s.model);

describe("daily digest card", () => {
  it("reads on its own in English", () => {
    const text = dailyDigestCard(full!, "en").fallbackText;
    expect(text).toBe([
      "Daily KPI digest · Demo content team · 2026-11-25",
      "",
      "Targets",
      "- 🟢 Followers (team · latest) +30%: on pace. Now 104,000, expected 102,000 today; projected 136,000 vs. goal 130,000 by 2027-05-25 (Douyin: figure of 11-24)",
      "- 🔴 Interaction rate (Douyin · over 7 days) +20%: behind pace −10.1%. Now 3.1%, expected 3.45% today; projected 2.6% vs. goal 4.08% by 2027-05-25",
      "",
      "Team total · Yesterday · day before · same weekday last week",
      "- Reads: 12,345 (partial: Douyin late) · 31,000 · 35,000",
      "- Followers: 104,000 (Douyin: figure of 11-24) → · 103,600 · 101,000 ▲ 3%",
      "",
      "WeChat OA · Yesterday · day before · same weekday last week",
      "- Reads: 12,345 ▲ 12.2% · 11,000 · 15,000 ▼ 17.7%",
      "- New followers: 320 → · 320 · no data",
      "",
      "⚠",
      "- No data from Douyin for yesterday.",
      "",
      "28-day trends",
      "- Followers (team · latest) ▁▃ ▆▇██ 104,000",
      "- Reads ▁▁ ▂▄█▅ 22,000",
      "- Topics published ▁▅▁█▁▁▅ 1",
      "",
      "Unusual moves",
      "- ⬆ WeChat OA Shares jumped to 2,400 (usual on Wednesdays: 300) · likely driver: topic #12 “双十一退货技巧” published 2026-11-25",
      "- ⬆ WeChat OA Unfollows jumped to 90 (usual on Wednesdays: 12) · likely driver: incident #3 “评论区舆情” (SEV2) declared 2026-11-25",
      "- ⬇ Douyin Interaction rate dropped to 1.2% (usual on Wednesdays: 3.1%) · likely driver: 9 SLA breaches on 2026-11-25 (28-day median 1)",
      "",
      "Operations (the bot's own records)",
      "- SLA first response (median): 42 min",
      "- SLA breach rate: 12.5%",
      "- Reviews pending: 5",
      "- Reviews overdue: 2",
      "- Open incidents: 1",
      "- Topics published: not tracked yet",
      "",
      "Needs you today",
      "- 2 reviews overdue (5 pending)",
      "- 3 SLA breaches",
      "- 1 open incident",
    ].join("\n"));
  });
  it("has details under the targets and details, mute and assign (asking for a handle) under a move", () => {
    const zh = dailyDigestCard(full!, "zh-CN");
    const rows = zh.blocks.filter((b) => b.type === "actions").map((b) => (b.type === "actions" ? b.buttons.map((x) => `${x.actionId}:${x.label}`) : []));
    expect(rows).toEqual([["kpi.detail:详情 · 粉丝总数"], ["kpi.detail:详情 · 公众号 分享", "kpi.mute:屏蔽 分享", "kpi.assign:指派跟进"]]);
    const assign = cardButtons(zh).find((b) => b.actionId === "kpi.assign")!;
    expect([assign.value, assign.reasonPrompt]).toEqual(["m1.assign.kpi.sub1-wechat_oa-shares.20261125.tagtagtagtagtag4", "由谁跟进？请输入 @账号，可在后面附说明"]);
    // No subscription to mute in: no mute button; buttons never enter the text fallback.
    const noMute = { ...full!, moves: full!.moves.map((m) => (m.buttons ? { ...m, buttons: { detail: m.buttons.detail, assign: m.buttons.assign } } : m)) };
    expect(cardButtons(dailyDigestCard(noMute, "en")).map((b) => b.actionId)).toEqual(["kpi.detail", "kpi.detail", "kpi.assign"]);
    expect(zh.fallbackText).not.toContain("指派跟进");
  });
  it("caps the button rows so every platform's limits hold", () => {
    const many = { ...full!, moves: Array.from({ length: 12 }, () => full!.moves[0]!) };
    expect(dailyDigestCard(many, "en").blocks.filter((b) => b.type === "actions")).toHaveLength(1 + MAX_BUTTON_ROWS);
  });
  it("says plainly in Chinese that a platform sent no data, never a zero", () => {
    const card = dailyDigestCard(full!, "zh-CN");
    expect(card.fallbackText).toContain("抖音昨天没有数据。");
    expect(card.fallbackText).toContain("新增粉丝: 320 → · 320 · 无数据");
    expect(card.fallbackText).not.toMatch(/抖音[^\n]*: 0/);
    expect(card.tone).toBe("warning");
  });
  it("an empty preview says there is no data and no targets", () => {
    const text = dailyDigestCard(empty!, "en").fallbackText;
    expect(text).toContain("Preview (only you see this)");
    expect(text).toContain("No metrics have arrived for yesterday from any subscribed platform.");
    expect(text).toContain("No targets set.");
    expect(text).toContain("Nothing waits for your decision.");
  });
});
