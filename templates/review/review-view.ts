// The view models review cards are rendered from; built by src/app/reviews/review-view-model.ts. Plain JSON
// without sentences (they are stored in the outbox and rendered in each reader's language at delivery).
import type { TDisplayName, TLevel, TMatch, TRule } from "../../src/domain/reviews/chain.js";
import type { DiffLine } from "../../src/domain/reviews/diff.js";
import type { ReviewDecisionKind } from "../../src/domain/reviews/rules.js";
import type { LevelStatus, ReviewStatus } from "../../src/domain/reviews/status.js";

/** How one pass of a level ended: who, when (team-local time), why. */
export interface LevelOutcomeView {
  status: Exclude<LevelStatus, "pending">;
  by: string[];
  at: string;
  reason: string | null;
  sentBackTo: number | null;
}

/** One level of a version as lists show it. `not_asked`: the chain has not reached it yet. */
export interface LevelLineView {
  level: number;
  levels: number;
  name: TDisplayName;
  rule: TRule;
  reviewerCount: number;
  pass: number;
  status: LevelStatus | "not_asked";
  decisions: { by: string; decision: ReviewDecisionKind; at: string; reason: string | null }[];
  pending: string[];
  deadline: string | null;
  overdue: boolean;
  /** Wall-clock minutes from asked to decided. */
  tookMinutes: number | null;
  outcome: LevelOutcomeView | null;
}

/** The request card one level's reviewers act on. Button values are encoded; the template only places them. */
export interface ReviewRequestView {
  reviewId: number;
  topicId: number;
  title: string;
  author: string;
  version: number;
  level: number;
  levels: number;
  levelName: TDisplayName;
  rule: TRule;
  reviewers: { name: string; approved: boolean }[];
  deadline: string;
  urgent: boolean;
  sensitive: boolean;
  draft: { link: string | null; text: string | null };
  note: string | null;
  /** For a resubmission: what changed since the previous version and why it was sent back. */
  changes: { from: number; lines: DiffLine[]; omitted: number; asked: { by: string; reason: string } | null } | null;
  /** What the earlier levels of this version said. */
  earlier: LevelLineView[];
  /** The level's rule is met but the whole chain has only one approver so far (two-person rule). */
  needsSecondPerson: boolean;
  outcome: LevelOutcomeView | null;
  buttons: { approve: string; changes: string; reject: string; back: { level: number; name: TDisplayName; value: string }[] } | null;
}

/** One version of a review with every level pass, for /review status. */
export interface VersionHistoryView {
  number: number;
  by: string;
  at: string;
  note: string | null;
  status: ReviewStatus;
  passes: LevelLineView[];
}

/** The review's own card: posted on submission, updated on every change, with the author's buttons. */
export interface ReviewStatusView {
  reviewId: number;
  topicId: number;
  title: string;
  author: string;
  /** The chain's display name (a plain name on reviews stored before display names). */
  chain: TDisplayName;
  status: ReviewStatus;
  version: number;
  urgent: boolean;
  sensitive: boolean;
  cc: string[];
  /** The current version, level by level. */
  lines: LevelLineView[];
  /** Every version (for /review status), or null on the channel card. */
  history: VersionHistoryView[] | null;
  outcome: { status: ReviewStatus; by: string; at: string; reason: string | null } | null;
  buttons: { nudge: string | null; withdraw: string } | null;
}

/** One open review in /review board or /review pending. */
export interface ReviewListItem {
  reviewId: number;
  topicId: number;
  title: string;
  version: number;
  level: number;
  levels: number;
  levelName: TDisplayName;
  pending: string[];
  since: string;
  deadline: string;
  overdue: boolean;
}

/** /review board (everything in review) or /review pending (what waits on the reader). */
export interface ReviewListView {
  kind: "board" | "pending";
  items: ReviewListItem[];
}

/** /review chain list. */
export interface ReviewChainsView {
  chains: { name: string; displayName?: TDisplayName; isDefault: boolean; priority: number; when: TMatch; cc: string[]; levels: TLevel[] }[];
}

/** What an alert is about. */
export type ReviewAlertKind = "reminder" | "escalation" | "nudge" | "approved" | "rejected" | "changes_requested" | "withdrawn" | "assigned";

/** A short message about a review: a reminder, an escalation, a nudge, an outcome. */
export interface ReviewAlertView {
  kind: ReviewAlertKind;
  reviewId: number;
  topicId: number;
  title: string;
  version: number;
  level: number;
  levels: number;
  levelName: TDisplayName;
  deadline: string;
  pending: string[];
  targets: string[];
  by: string | null;
  reason: string | null;
}
