// /help, generated from the command registry so it is never written twice.
import { ALL_COMMANDS } from "../../commands/registry.js";
import type { Locale } from "../../src/domain/locale.js";
import type { Card } from "../../src/messaging/card.js";
import { ROLE_NAMES, nameOf } from "../strings/labels.js";

const COPY = {
  en: { title: "What I can do", detail: "Command", options: "Options", examples: "Examples", who: "Who can run it", everyone: "every team member", more: "Type /help <command> for details, e.g. /help topic propose." },
  "zh-CN": { title: "我能做什么", detail: "命令", options: "选项", examples: "示例", who: "可执行的角色", everyone: "所有成员", more: "输入 /help <命令> 查看详情，例如 /help topic propose。" },
} as const;

/** The overview of the commands `ids`, or (`detail`) one command in full. Ids keep the model serialisable. */
export function helpCard(m: { ids: readonly string[]; detail: boolean }, locale: Locale): Card {
  const c = COPY[locale];
  const specs = ALL_COMMANDS.filter((s) => m.ids.includes(s.id));
  if (m.detail && specs.length === 1) {
    const s = specs[0]!;
    const who = s.permission === "any" ? c.everyone : s.permission.map((r) => nameOf(ROLE_NAMES, locale, r)).join(", ");
    const lines = [
      s.summary[locale],
      s.help?.[locale],
      `${c.options}: ${s.options.length === 0 ? "—" : ""}`,
      ...s.options.map((o) => `  --${o.name}: ${o.help[locale]}`),
      `${c.examples}:`,
      ...s.examples.map((e) => `  ${e}`),
      `${c.who}: ${who}`,
    ].filter((l): l is string => Boolean(l));
    return { title: s.usage, tone: "info", blocks: [{ type: "list", items: lines }], fallbackText: [s.usage, ...lines].join("\n") };
  }
  const lines = specs.map((s) => `${s.usage} — ${s.summary[locale]}`);
  return {
    title: c.title,
    tone: "info",
    blocks: [{ type: "list", items: lines }, { type: "context", text: c.more }],
    fallbackText: [c.title, ...lines, c.more].join("\n"),
  };
}
