// /incident library: past incidents (风险事件库) with counts by risk type; drills listed apart, never counted.
import type { Locale } from "../../src/domain/locale.js";
import type { Card } from "../../src/messaging/card.js";
import { INCIDENT_STATUS_NAMES, RISK_NAMES, incidentCopy } from "./incident-copy.js";
import type { LibraryItem } from "./incident-view.js";

/** Renders the library. */
export function libraryCard(m: { items: LibraryItem[]; counts: Partial<Record<LibraryItem["riskType"], number>>; query: string | null }, locale: Locale): Card {
  const en = locale === "en";
  const title = en ? `Risk event library${m.query ? ` · ${m.query}` : ""}` : `风险事件库${m.query ? ` · ${m.query}` : ""}`;
  const counts = Object.entries(m.counts).map(([k, n]) => `${RISK_NAMES[locale][k as LibraryItem["riskType"]]} ${n}`).join(" · ") || (en ? "no incidents yet" : "暂无事件");
  const items = m.items.map(
    (i) => `${i.isDrill ? `[${incidentCopy[locale].drill}] ` : ""}#${i.id} ${i.severity} ${i.title} · ${RISK_NAMES[locale][i.riskType]} · ${INCIDENT_STATUS_NAMES[locale][i.status]} · ${i.declaredAt}${i.durationMinutes !== null ? ` · ${i.durationMinutes} ${en ? "min" : "分钟"}` : ""}${i.reviewed ? (en ? " · reviewed" : " · 已复盘") : ""}`,
  );
  const head = `${en ? "Incidents (drills not counted)" : "事件数（不含演练）"}: ${counts}`;
  return { title, tone: "neutral", blocks: [{ type: "context", text: head }, { type: "list", items: items.length > 0 ? items : [en ? "nothing found" : "没有找到"] }], fallbackText: [title, head, ...items].join("\n") };
}
