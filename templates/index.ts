// Every template by id. The outbox stores a template id and its view model; the sender renders it in the
// reader's language at delivery time, so one update can refresh cards posted in different languages.
import type { Locale } from "../src/domain/locale.js";
import type { Card } from "../src/messaging/card.js";
import { outboxCard } from "./admin/outbox.card.js";
import { helpCard } from "./common/help.card.js";
import { noticeCard } from "./common/notice.card.js";
import { INCIDENT_TEMPLATES } from "./incident/index.js";
import { dailyDigestCard } from "./kpi/daily-digest.card.js";
import { REVIEW_TEMPLATES } from "./review/index.js";
import { slaItemCard, slaListCard, slaStatsCard, slaSummaryCard } from "./sla/sla-cards.js";
import { slaSourcesCard } from "./sla/sla-sources.card.js";
import { topicCalendarCard } from "./topic/topic-calendar.card.js";
import { topicListCard } from "./topic/topic-list.card.js";
import { topicCard } from "./topic/topic.card.js";

/** Template id → pure renderer. */
export const TEMPLATES = {
  notice: (m: Parameters<typeof noticeCard>[0]) => noticeCard(m),
  help: helpCard,
  "admin.outbox": outboxCard,
  "topic.card": topicCard,
  "topic.list": topicListCard,
  "topic.calendar": topicCalendarCard,
  "kpi.daily_digest": dailyDigestCard,
  ...REVIEW_TEMPLATES,
  ...INCIDENT_TEMPLATES,
  "sla.item": slaItemCard, "sla.summary": slaSummaryCard, "sla.list": slaListCard, "sla.stats": slaStatsCard, "sla.sources": slaSourcesCard,
} as const;

/** A template id. */
export type TemplateId = keyof typeof TEMPLATES;

/** The view model of template `K`. */
export type ModelOf<K extends TemplateId> = Parameters<(typeof TEMPLATES)[K]>[0];

/** Renders a stored (template, model) pair in `locale`. */
export function renderTemplate(id: string, model: unknown, locale: Locale): Card {
  const render = (TEMPLATES as Record<string, (m: never, l: Locale) => Card>)[id];
  if (!render) throw new Error(`unknown template ${id}`);
  return render(model as never, locale);
}
