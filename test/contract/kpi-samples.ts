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
    {
      metric: "followers", platform: null, account: null, scope: "team", goalText: "+30%", endDay: "2027-05-25", actual: 104_000, expected: 102_000, goal: 130_000, projected: 136_000, gap: 0.0196, status: "on_pace",
      detail: "m1.detail.kpi.sub1-all-followers.20261125.tagtagtagtagtag1", late: [{ platform: "douyin", asOf: "2026-11-24" }],
      trend: [100_000, 101_000, null, 102_500, 103_000, 103_600, 104_000], line: [null, 100_500, 101_000, 101_300, 101_600, 101_800, 102_000],
    },
    { metric: "interaction_rate", platform: "douyin", account: null, scope: "platform", goalText: "+20%", endDay: "2027-05-25", actual: 0.031, expected: 0.0345, goal: 0.0408, projected: 0.026, gap: -0.1014, status: "behind" },
  ],
  team: [
    { metric: "reads", yesterday: 12_345, dayBefore: 31_000, lastWeek: 35_000, partial: true, late: [{ platform: "douyin" }] },
    { metric: "followers", yesterday: 104_000, dayBefore: 103_600, lastWeek: 101_000, late: [{ platform: "douyin", asOf: "2026-11-24" }] },
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
  moves: [
    {
      platform: "wechat_oa", metric: "shares", value: 2_400, median: 300, direction: "up", driver: { kind: "topic", id: 12, title: "双十一退货技巧", day: "2026-11-25" },
      buttons: { detail: "m1.detail.kpi.sub1-wechat_oa-shares.20261125.tagtagtagtagtag2", mute: "m1.mute.kpi.sub1-wechat_oa-shares.20261125.tagtagtagtagtag3", assign: "m1.assign.kpi.sub1-wechat_oa-shares.20261125.tagtagtagtagtag4" },
    },
    { platform: "wechat_oa", metric: "unfollows", value: 90, median: 12, direction: "up", driver: { kind: "incident", id: 3, title: "评论区舆情", severity: "SEV2", day: "2026-11-25" } },
    { platform: "douyin", metric: "interaction_rate", value: 0.012, median: 0.031, direction: "down", driver: { kind: "sla_breaches", count: 9, median: 1, day: "2026-11-25" } },
  ],
  needs: { reviewsOverdue: 2, reviewsPending: 5, slaBreaches: 3, openIncidents: 1 },
  operations: [
    { metric: "sla_first_response_median", value: 42 },
    { metric: "sla_breach_rate", value: 0.125 },
    { metric: "reviews_pending", value: 5 },
    { metric: "reviews_overdue", value: 2 },
    { metric: "open_incidents", value: 1 },
    { metric: "topics_published", value: null, untracked: true },
  ],
  preview: false,
};

const empty: ModelOf<"kpi.daily_digest"> = {
  ...full,
  platforms: [],
  headline: [],
  tables: [],
  team: undefined,
  missing: [],
  trends: [{ metric: "topics_published", values: [0, 0, 0] }],
  moves: [],
  needs: { reviewsOverdue: 0, reviewsPending: 0, slaBreaches: null, openIncidents: null },
  operations: undefined,
  preview: true,
};

/** Samples of the KPI templates. */
export const KPI_SAMPLES = {
  "kpi.daily_digest": [
    // The team's name is what its admin typed: user content (the seeded zh-CN team is named in Chinese).
    { name: "full", model: full, userContent: ["Demo content team"] },
    { name: "empty-preview", model: empty, userContent: ["Demo content team"] },
  ],
};
