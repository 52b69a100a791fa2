// The digest card's text fallback must read well on its own, in both languages.
import { describe, expect, it } from "vitest";
import { dailyDigestCard } from "../../../templates/kpi/daily-digest.card.js";
import { KPI_SAMPLES } from "../../contract/kpi-samples.js";

const [full, empty] = KPI_SAMPLES["kpi.daily_digest"].map((s) => s.model);

describe("daily digest card", () => {
  it("reads on its own in English", () => {
    const text = dailyDigestCard(full!, "en").fallbackText;
    expect(text).toBe([
      "Daily KPI digest · Demo content team · 2026-11-25",
      "",
      "Targets",
      "- 🟢 Followers +30%: on pace. Now 104,000, expected 102,000 today; projected 136,000 vs. goal 130,000 by 2027-05-25",
      "- 🔴 Interaction rate (Douyin) +20%: behind pace −10.1%. Now 3.1%, expected 3.45% today; projected 2.6% vs. goal 4.08% by 2027-05-25",
      "",
      "WeChat OA · Yesterday · day before · same weekday last week",
      "- Reads: 12,345 ▲ 12.2% · 11,000 · 15,000 ▼ 17.7%",
      "- New followers: 320 → · 320 · no data",
      "",
      "⚠",
      "- No data from Douyin for yesterday.",
      "",
      "28-day trends",
      "- Reads ▁▁ ▂▄█▅ 22,000",
      "- Topics published ▁▅▁█▁▁▅ 1",
      "",
      "Unusual moves",
      "- ⬆ WeChat OA Shares jumped to 2,400 (28-day median 300) · likely driver: topic #12 “双十一退货技巧” published 2026-11-25",
      "",
      "Needs you today",
      "- 2 reviews overdue (5 pending)",
      "- SLA breaches: not tracked yet",
      "- Open incidents: not tracked yet",
    ].join("\n"));
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
