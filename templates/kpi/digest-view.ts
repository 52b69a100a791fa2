// The daily digest's view model: plain JSON (it is stored in the outbox), numbers unformatted, codes not names,
// so the card can be rendered in the reader's language at delivery.

/** One target's line in the headline. */
export interface DigestHeadline {
  metric: string;
  /** Null: every platform. */
  platform: string | null;
  account: string | null;
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
}

/** One metric of one platform: yesterday, the day before, the same weekday last week (null: no data). */
export interface DigestRow {
  metric: string;
  yesterday: number | null;
  dayBefore: number | null;
  lastWeek: number | null;
}

/** One platform's table. */
export interface DigestPlatformTable {
  platform: string;
  rows: DigestRow[];
}

/** A 28-day trend of a key metric over the subscribed platforms (null: a day without data). */
export interface DigestTrend {
  metric: string;
  values: (number | null)[];
}

/** What the data shows as a likely cause of a move. */
export type DigestDriver = { kind: "topic"; id: number; title: string; day: string };

/** An unusual move of one metric on one platform yesterday. */
export interface DigestMove {
  platform: string;
  metric: string;
  value: number;
  median: number;
  direction: "up" | "down";
  driver: DigestDriver | null;
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
  /** Subscribed platforms with no data at all for `day`. */
  missing: string[];
  trends: DigestTrend[];
  moves: DigestMove[];
  needs: DigestNeeds;
  /** The preview sent by "/kpi digest now", as opposed to the scheduled one. */
  preview: boolean;
}
