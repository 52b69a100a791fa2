// /incident playbooks: every playbook in force with its risk type, severities, steps and update cadence.
import type { Locale } from "../../src/domain/locale.js";
import type { Card } from "../../src/messaging/card.js";
import { RISK_NAMES } from "./incident-copy.js";
import type { PlaybookListItem } from "./incident-view.js";

/** Renders the playbook list. */
export function playbooksCard(m: { items: PlaybookListItem[] }, locale: Locale): Card {
  const en = locale === "en";
  const title = en ? `Playbooks (${m.items.length})` : `应急预案（${m.items.length}）`;
  const items = m.items.map(
    (p) => `${en ? `${p.id} · ` : ""}${p.name[locale]} · ${RISK_NAMES[locale][p.riskType]} · ${p.severities.join("/")} · ${en ? `${p.steps} steps` : `${p.steps} 个步骤`} · ${en ? "updates" : "通报"} ${p.cadence}\n  ${p.summary[locale]}`,
  );
  const hint = en ? "Declare: /incident declare <title> --type <type> --likelihood <l> --impact <i>. Drill: /incident drill <playbook id or risk type>." : "发起：/incident declare <标题> --type <风险类型> --likelihood <可能性> --impact <影响>；演练：/incident drill <预案名称或风险类型>。";
  return { title, tone: "neutral", blocks: [{ type: "list", items }, { type: "context", text: hint }], fallbackText: [title, ...items, hint].join("\n") };
}
