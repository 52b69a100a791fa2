// /topic calendar: day by day and platform by platform, then the theme mix against the team's target.
import type { Card, CardBlock } from "../../src/messaging/card.js";
import type { Locale } from "../../src/domain/locale.js";
import type { ContentCalendar } from "../../src/domain/topics/content-calendar.js";
import { PLATFORM_NAMES, THEME_NAMES, WEEKDAY_NAMES, nameOf } from "../strings/labels.js";
import { topicCopy } from "./topic-copy.js";

/** Renders a calendar built by the domain's buildContentCalendar. */
export function topicCalendarCard(m: { calendar: ContentCalendar; from: string; to: string }, locale: Locale): Card {
  const c = topicCopy[locale];
  const lines = m.calendar.days.map((d) => {
    const head = `${d.day} ${WEEKDAY_NAMES[locale][d.weekday]}`;
    if (d.entries.length === 0) return `${head}: ${c.calendarEmptyDay}`;
    const entries = d.entries.map((e) => {
      const time = e.time ?? (e.suggestedTime ? c.suggested(e.suggestedTime) : "");
      return `${nameOf(PLATFORM_NAMES, locale, e.platform)} ${time} #${e.topicId} ${e.title}`.replace(/\s+/g, " ");
    });
    return `${head}: ${entries.join(" | ")}`;
  });
  const mix = m.calendar.themeMix.map((t) =>
    c.themeMixLine(nameOf(THEME_NAMES, locale, t.theme), t.count, Math.round(t.share * 100), Math.round(t.target * 100)),
  );
  if (m.calendar.unthemed > 0) mix.push(c.unthemed(m.calendar.unthemed));
  const title = c.calendarTitle(m.from, m.to);
  const blocks: CardBlock[] = [
    { type: "list", items: lines },
    { type: "divider" },
    { type: "text", text: c.themeMix },
    { type: "list", items: mix },
  ];
  return { title, tone: "info", blocks, fallbackText: [title, ...lines, c.themeMix, ...mix].join("\n") };
}
