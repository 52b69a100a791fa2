// /review chain list: every active chain, its conditions and levels, in the order chains are tried.
import type { Locale } from "../../src/domain/locale.js";
import { levelName, type TMatch, type TPeople } from "../../src/domain/reviews/chain.js";
import type { Card, CardBlock } from "../../src/messaging/card.js";
import { FORMAT_NAMES, PLATFORM_NAMES, ROLE_NAMES, THEME_NAMES, nameOf } from "../strings/labels.js";
import { reviewCopy } from "./review-copy.js";
import type { ReviewChainsView } from "./review-view.js";

const COPY = {
  en: { title: "Review chains", none: "No review chains yet. An admin can load the shipped ones with /review chain import.", default: "default", onlyDefault: "no conditions: used only if made the default", hours: (h: number) => `${h} working h`, escalate: "escalate to", priority: "order" },
  "zh-CN": { title: "审核流程", none: "还没有审核流程。管理员可以用 /review chain import 导入默认配置。", default: "默认", onlyDefault: "无适用条件：设为默认后才会使用", hours: (h: number) => `${h} 个工作小时`, escalate: "超时升级给", priority: "顺序" },
} as const;

function people(p: TPeople, locale: Locale): string {
  const names = [...p.users.map((u) => `@${u}`), ...(p.role ? [locale === "en" ? `${nameOf(ROLE_NAMES, locale, p.role)} (role:${p.role})` : `${nameOf(ROLE_NAMES, locale, p.role)}（角色）`] : [])];
  return names.join(reviewCopy[locale].sep);
}

function conditions(w: TMatch, locale: Locale): string {
  const c = reviewCopy[locale];
  const parts = [
    w.platforms?.map((p) => nameOf(PLATFORM_NAMES, locale, p)).join("/"),
    w.formats?.map((f) => nameOf(FORMAT_NAMES, locale, f)).join("/"),
    w.themes?.map((t) => nameOf(THEME_NAMES, locale, t)).join("/"),
    w.urgent === undefined ? undefined : w.urgent ? c.urgent : `¬${c.urgent}`,
    w.sensitive === undefined ? undefined : w.sensitive ? c.sensitive : `¬${c.sensitive}`,
  ].filter((p): p is string => Boolean(p));
  return parts.join(" + ");
}

/** Renders the chains list. */
export function reviewChainsCard(m: ReviewChainsView, locale: Locale): Card {
  const c = reviewCopy[locale];
  const k = COPY[locale];
  if (m.chains.length === 0) return { title: k.title, tone: "neutral", blocks: [{ type: "text", text: k.none }], fallbackText: `${k.title}\n${k.none}` };
  const blocks: CardBlock[] = [];
  const text: string[] = [k.title];
  for (const ch of m.chains) {
    const shown = ch.displayName ? levelName(ch.displayName, locale) : ch.name;
    // The name is what admins type; English readers see it beside the display name, Chinese readers type either.
    const name = locale === "en" && shown !== ch.name ? `${shown} (${ch.name})` : shown;
    const head = `${name}${ch.isDefault ? ` (${k.default})` : ` · ${k.priority} ${ch.priority} · ${conditions(ch.when, locale) || k.onlyDefault}`}`;
    const items = ch.levels.map(
      (l, i) => `${i + 1}. ${levelName(l.name, locale)} · ${c.ruleText(l.rule, l.reviewers.users.length)} · ${people(l.reviewers, locale)} · ${k.hours(l.hours)} · ${k.escalate} ${people(l.escalateTo, locale)}`,
    );
    if (ch.cc.length > 0) items.push(`${c.cc}: ${ch.cc.map((u) => `@${u}`).join(c.sep)}`);
    blocks.push({ type: "text", text: head }, { type: "list", items });
    text.push(head, ...items);
  }
  return { title: k.title, tone: "info", blocks, fallbackText: text.join("\n") };
}
