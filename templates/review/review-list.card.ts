// /review board (everything in review, oldest first, overdue marked) and /review pending (what waits on me).
import type { Locale } from "../../src/domain/locale.js";
import { levelName } from "../../src/domain/reviews/chain.js";
import type { Card } from "../../src/messaging/card.js";
import { reviewCopy } from "./review-copy.js";
import type { ReviewListView } from "./review-view.js";

const COPY = {
  en: {
    board: (n: number) => `In review (${n}), oldest first`,
    pending: (n: number) => `Waiting on you (${n})`,
    emptyBoard: "Nothing is in review.",
    emptyPending: "Nothing is waiting on you.",
    since: (at: string) => `since ${at}`,
  },
  "zh-CN": {
    board: (n: number) => `审核中（${n}），按提交先后`,
    pending: (n: number) => `待我审核（${n}）`,
    emptyBoard: "目前没有审核中的内容。",
    emptyPending: "目前没有等你审核的内容。",
    since: (at: string) => `${at} 起`,
  },
} as const;

/** Renders a list of open reviews. */
export function reviewListCard(m: ReviewListView, locale: Locale): Card {
  const c = reviewCopy[locale];
  const k = COPY[locale];
  const lines = m.items.map((i) =>
    [
      `${i.overdue ? "⚠ " : ""}R${i.reviewId} #${i.topicId} ${i.title} · v${i.version}`,
      c.levelOf(i.level, i.levels, levelName(i.levelName, locale)),
      i.pending.length > 0 ? c.waitingOn(i.pending.join(c.sep)) : null,
      k.since(i.since),
      c.dueAt(i.deadline),
      i.overdue ? c.overdue : null,
    ]
      .filter((p): p is string => p !== null)
      .join(" · "),
  );
  const title = m.kind === "board" ? k.board(m.items.length) : k.pending(m.items.length);
  const body = lines.length > 0 ? lines : [m.kind === "board" ? k.emptyBoard : k.emptyPending];
  const tone = m.items.some((i) => i.overdue) ? "warning" : "neutral";
  return { title, tone, blocks: [{ type: "list", items: body }], fallbackText: [title, ...body].join("\n") };
}
