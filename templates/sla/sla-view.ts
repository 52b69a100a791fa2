// View models of the SLA cards: plain JSON (stored in the outbox), times already formatted in the team's zone.
import type { PlatformProblem, SlaKind, SlaStatus, Urgency } from "../../src/domain/sla/index.js";
import type { ResponseFigures } from "../../src/domain/sla/stats.js";

/** Why a card was sent: a warning before the deadline, the breach, an escalation step, on request, or just logged. */
export type SlaReason = "warn" | "breach" | "escalate" | "show" | "logged";

/** One item as cards show it. */
export interface SlaItemView {
  id: number;
  platform: string;
  accountName: string;
  kind: SlaKind;
  author: string;
  /** Already shortened for a card. */
  text: string;
  link?: string;
  /** Local "YYYY-MM-DD HH:mm" in the team's zone. */
  createdAt: string;
  deadline: string;
  /**
   * Minutes until the deadline when the card was made, negative once breached: working minutes when the
   * policy's target set the deadline, wall-clock minutes when the platform's reply window did.
   */
  leftMinutes: number;
  urgency: Urgency;
  status: SlaStatus;
  assignee?: string;
  /** Years the deadline was counted without official holiday data. */
  coverageGap: number[];
  reason: SlaReason;
  /** For an escalation card: which step of how many. */
  step?: { n: number; of: number };
  /** Who closed the item, when (team-local), how long the first response took, and their note. */
  outcome?: SlaOutcomeView;
  /** A reply written on the card and where it stands (absent when nobody wrote one). */
  reply?: SlaReplyView;
  /** Encoded button values; absent once the item is closed, and no claim button once someone has it. */
  buttons?: { claim?: string; reply?: string; answer: string; dismiss: string; reassign: string };
}

/** A reply from chat on the card: sending, waiting for a retry, refused, kept for copying, or sent. */
export interface SlaReplyView {
  state: "sending" | "retrying" | "failed" | "window_closed" | "stored" | "sent";
  /** Already shortened for a card. */
  text: string;
  problem?: { problem: PlatformProblem; code?: number; ip?: string };
}

/** The outcome line of a closed item. */
export interface SlaOutcomeView {
  status: "answered" | "dismissed";
  by: string;
  /** Local "YYYY-MM-DD HH:mm" in the team's zone. */
  at: string;
  /** Answered only: minutes from the user's message to the answer, counted like the deadline. */
  responseMinutes?: number;
  /** The reply text (answered) or the reason (dismissed), already shortened. */
  note?: string;
}

/** Many due items for one person in one card. */
export interface SlaSummaryView {
  items: SlaItemView[];
  /** Due items not listed (the card lists the most urgent ones). */
  more?: number;
}

/** /sla mine and /sla board. */
export interface SlaListView {
  scope: "mine" | "board";
  items: SlaItemView[];
}

/** One row of figures: exactly what the domain computes. */
export type SlaFiguresRow = ResponseFigures;

/** /sla stats. */
export interface SlaStatsView {
  from: string;
  to: string;
  total: SlaFiguresRow;
  byPlatform: SlaFiguresRow[];
  byAccount: SlaFiguresRow[];
  byPerson: SlaFiguresRow[];
  coverageGap: number[];
}
