// Sample view models of the KPI digest for the contract snapshots (spread into SAMPLES in sample-cards.ts) and
// for the digest template's unit test.
import type { ModelOf } from "../../templates/index.js";

const full: ModelOf<"kpi.daily_digest"> = {
  teamName: "Demo content team",
  day: "2026-11-25",
  sentDay: "2026-11-26",
  timezone: "Asia/Shanghai",
  platforms: ["douyin", "wechat_oa"],
  headline: [
    { metric: "followers", platform: null, account: null, goalText: "+30%", endDay: "2027-05-25", actual: 104_000, expected: 102_000, goal: 130_000, projected: 136_000, gap: 0.0196, status: "on_pace" },
    { metric: "interaction_rate", platform: "douyin", account: null, goalText: "+20%", endDay: "2027-05-25", actual: 0.031, expected: 0.0345, goal: 0.0408, projected: 0.026, gap: -0.1014, status: "behind" },
  ],
  tables: [
    { platform: "wechat_oa", rows: [
      { metric: "reads", yesterday: 12_345, dayBefore: 11_000, lastWeek: 15_000 },
      { metric: "new_followers", yesterday: 320, dayBefore: 320, lastWeek: null },
    ] },
  ],
  missing: ["douyin"],
  trends: [
    { metric: "reads", values: [10, 12, null, 14, 18, 30, 22].map((v) => (v === null ? null : v * 1000)) },
    { metric: "topics_published", values: [0, 1, 0, 2, 0, 0, 1] },
  ],
  moves: [{ platform: "wechat_oa", metric: "shares", value: 2_400, median: 300, direction: "up", driver: { kind: "topic", id: 12, title: "双十一退货技巧", day: "2026-11-25" } }],
  needs: { reviewsOverdue: 2, reviewsPending: 5, slaBreaches: null, openIncidents: null },
  preview: false,
};

const empty: ModelOf<"kpi.daily_digest"> = {
  ...full,
  platforms: [],
  headline: [],
  tables: [],
  missing: [],
  trends: [{ metric: "topics_published", values: [0, 0, 0] }],
  moves: [],
  needs: { reviewsOverdue: 0, reviewsPending: 0, slaBreaches: null, openIncidents: null },
  preview: true,
};

/** Samples of the KPI templates. */
export const KPI_SAMPLES = {
  "kpi.daily_digest": [
    { name: "full", model: full },
    { name: "empty-preview", model: empty },
  ],
};
