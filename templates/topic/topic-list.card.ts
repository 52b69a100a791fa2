// /topic list: one line per topic, newest first.
import type { Card } from "../../src/messaging/card.js";
import type { Locale } from "../../src/domain/locale.js";
import { PLATFORM_NAMES, STATUS_NAMES, nameOf } from "../strings/labels.js";
import { topicCopy } from "./topic-copy.js";

/** One row of the backlog. */
export interface TopicListItem {
  id: number;
  title: string;
  status: string;
  platforms: string[];
  plannedDay: string | null;
  owner: string | null;
}

/** Renders the backlog list; `total` may exceed the rows shown. */
export function topicListCard(m: { items: TopicListItem[]; total: number }, locale: Locale): Card {
  const c = topicCopy[locale];
  const sep = locale === "en" ? ", " : "、";
  const lines = m.items.map((t) => {
    const platforms = t.platforms.map((p) => nameOf(PLATFORM_NAMES, locale, p)).join(sep);
    const extra = [platforms, t.plannedDay, t.owner ? `@${t.owner}` : null].filter(Boolean).join(" · ");
    return `#${t.id} ${t.title} [${nameOf(STATUS_NAMES, locale, t.status)}]${extra ? ` ${extra}` : ""}`;
  });
  const title = c.listTitle(m.total);
  const more = m.total > m.items.length ? [locale === "en" ? `…and ${m.total - m.items.length} more; narrow with --status or --platform` : `……还有 ${m.total - m.items.length} 个，可用 --status 或 --platform 筛选`] : [];
  const body = lines.length > 0 ? [...lines, ...more] : [c.listEmpty];
  return { title, tone: "neutral", blocks: [{ type: "list", items: body }], fallbackText: [title, ...body].join("\n") };
}
