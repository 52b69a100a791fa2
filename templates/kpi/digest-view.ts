// The daily digest's view model: plain JSON (it is stored in the outbox), numbers unformatted, codes not names,
// so the card can be rendered in the reader's language at delivery.

/** A platform whose figure for the day has not arrived; for a level, the day of its older figure used instead. */
export interface DigestLate {
  platform: string;
  asOf?: string;
}

/** One target's line in the headline: its tracked figure (see src/domain/kpi/figures.ts) and pace. */
export interface DigestHeadline {
  metric: string;
  /** Null: every platform (the team), unless `account` is set. */
  platform: string | null;
  account: string | null;
  /** What the target covers (absent on digests stored before scopes: read from platform and account). */
  scope?: "team" | "platform" | "account";
  goalText: string;
  endDay: string;
  /** Null when there is no data to measure it. */
  actual: number | null;
  expected: number;
  goal: number;
  projected: number | null;
  /** Signed so positive is good (see domain/kpi/pace.ts). */
  gap: number;
  status: "reached" | "ahead" | "on_pace" | "behind" | "no_data";
  /** Encoded "open the detail" button (absent on digests stored before buttons existed). */
  detail?: string;
  /** Platforms whose figure for the report day is missing (named; a level uses their older figure). */
  late?: DigestLate[];
  /** The same tracked figure on each of the 28 days to the report day, oldest first (null: no data). */
  trend?: (number | null)[];
  /** The target line on those days (null before the target was set). */
  line?: (number | null)[];
}

/** One metric of one platform (or the team): yesterday, the day before, the same weekday last week (null: no data). */
export interface DigestRow {
  metric: string;
  yesterday: number | null;
  dayBefore: number | null;
  lastWeek: number | null;
  /** Yesterday's figure lacks late platforms (or accounts): it is marked partial, never shown as the whole. */
  partial?: boolean;
  /** The team row's late platforms for yesterday. */
  late?: DigestLate[];
}

/** One platform's table. */
export interface DigestPlatformTable {
  platform: string;
  rows: DigestRow[];
}

/** A 28-day trend of a key metric's daily figure over the digest's platforms (null: a day without data). */
export interface DigestTrend {
  metric: string;
  /** A day whose figure lacks late platforms is a gap (null), like a day without data. */
  values: (number | null)[];
  /** The report day's figure lacks late platforms (so the line ends before it). */
  partial?: boolean;
}

/** One budget's use in its current period. */
export interface DigestBudget {
  name: string;
  platform: string | null;
  amount: number;
  spent: number;
  periodStart: string;
  periodEnd: string;
  /** 0..1: share of the period gone by at the end of the report day. */
  elapsed: number;
  /** Spend at the period's end if the pace so far holds (null: too early to say). */
  projected: number | null;
}

/**
 * What the data shows as a likely cause of a move: a topic published on that platform, a (real, not drill)
 * incident declared that day, or a spike of SLA breaches that day (count against the 28-day median).
 */
export type DigestDriver =
  | { kind: "topic"; id: number; title: string; day: string }
  | { kind: "incident"; id: number; title: string; severity: string; day: string }
  | { kind: "sla_breaches"; count: number; median: number; day: string };

/** Encoded buttons of a move: open the detail, mute the metric (this subscription), assign a follow-up. */
export interface DigestMoveButtons {
  detail: string;
  /** Absent when the digest has no subscription to mute in (a preview without one). */
  mute?: string;
  assign: string;
}

/** An unusual move of one metric on one platform yesterday. */
export interface DigestMove {
  platform: string;
  metric: string;
  value: number;
  median: number;
  direction: "up" | "down";
  driver: DigestDriver | null;
  buttons?: DigestMoveButtons;
}

/** One operations figure from the bot's own tables; null: no data (or, with `untracked`, not tracked yet), never 0. */
export interface DigestOperation {
  metric: string;
  value: number | null;
  untracked?: true;
}

/** "Needs you today": null means the bot does not track it (yet), which the card says instead of 0. */
export interface DigestNeeds {
  reviewsOverdue: number | null;
  reviewsPending: number | null;
  slaBreaches: number | null;
  openIncidents: number | null;
}

/** The whole digest. */
export interface DailyDigestView {
  teamName: string;
  /** The day reported on (yesterday in the subscription's zone) and the day it is sent. */
  day: string;
  sentDay: string;
  timezone: string;
  platforms: string[];
  headline: DigestHeadline[];
  tables: DigestPlatformTable[];
  /** Team totals across the digest's platforms (when it covers more than one). */
  team?: DigestRow[];
  /** Subscribed platforms with no data at all for `day`. */
  missing: string[];
  trends: DigestTrend[];
  moves: DigestMove[];
  needs: DigestNeeds;
  /** Operations figures (absent on digests stored before they existed). */
  operations?: DigestOperation[];
  /** Budgets and their use (absent on digests stored before budgets existed). */
  budgets?: DigestBudget[];
  /** The preview sent by "/kpi digest now", as opposed to the scheduled one. */
  preview: boolean;
}
