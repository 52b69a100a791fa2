// Sentences shared by the review cards: the outcome line that replaces a card's buttons, and one line per
// level pass for status lists ("✓ 1/3 编辑审核 · 李伟 已通过 · 第 1/3 级 · 10:02 · 用时 2分钟").
import type { Locale } from "../../src/domain/locale.js";
import { levelName } from "../../src/domain/reviews/chain.js";
import type { Tone } from "../../src/messaging/card.js";
import { reviewCopy } from "./review-copy.js";
import type { LevelLineView, LevelOutcomeView } from "./review-view.js";

/** Tone of an outcome line by how the level ended. */
export const OUTCOME_TONE: Record<LevelOutcomeView["status"], Tone> = {
  approved: "success", changes_requested: "warning", sent_back: "warning", rejected: "danger", withdrawn: "neutral",
};

/** "Approved by Li Wei · level 2/3 · 10:42", with " · <reason>" when there is one. */
export function outcomeLine(o: LevelOutcomeView, level: number, levels: number, locale: Locale): string {
  const c = reviewCopy[locale];
  const verb = o.status === "sent_back" ? c.outcome.sent_back(o.sentBackTo ?? 1) : c.outcome[o.status];
  const where = o.status === "withdrawn" ? "" : c.where(level, levels);
  const line = c.byAt(verb, o.by.join(c.sep), where, o.at);
  return o.reason ? `${line} · ${o.reason}` : line;
}

const MARK: Record<LevelLineView["status"], string> = {
  pending: "⏳", approved: "✓", changes_requested: "↩", sent_back: "↩", rejected: "✗", withdrawn: "⊘", not_asked: "○",
};

/** One level pass: its place, name and rule, then how it ended or who it waits on. */
export function levelLine(l: LevelLineView, locale: Locale): string {
  const c = reviewCopy[locale];
  const head = `${MARK[l.status]} ${l.level}/${l.levels} ${levelName(l.name, locale)}${l.pass > 1 ? ` (#${l.pass})` : ""} · ${c.ruleText(l.rule, l.reviewerCount)}`;
  const parts = [head];
  if (l.status === "pending") {
    const approved = l.decisions.filter((d) => d.decision === "approve").map((d) => `${d.by} ${c.decision.approve} ${d.at}`);
    parts.push(...approved);
    if (l.pending.length > 0) parts.push(c.waitingOn(l.pending.join(c.sep)));
    if (l.deadline) parts.push(c.dueAt(l.deadline));
    if (l.overdue) parts.push(c.overdue);
  } else if (l.outcome) {
    parts.push(outcomeLine(l.outcome, l.level, l.levels, locale));
    if (l.tookMinutes !== null) parts.push(c.took(c.duration(l.tookMinutes)));
  }
  return parts.join(" · ");
}
