// /help, generated from the command registry so it is never written twice.
import { ALL_COMMANDS, HELP_NOTES } from "../../commands/registry.js";
import type { Locale } from "../../src/domain/locale.js";
import type { Card } from "../../src/messaging/card.js";
import { COMMAND_RULES } from "../../src/domain/permission-table.js";
import { permissionRows, whoMay } from "../strings/permissions.js";
import { localUsage } from "../strings/usage.js";

const COPY = {
  en: { title: "What I can do", detail: "Command", options: "Options", examples: "Examples", who: "Who can run it", table: "Who may do what", more: "Type /help <command> for details, e.g. /help topic propose; /help permissions shows who may use each command and button." },
  "zh-CN": { title: "我能做什么", detail: "命令", options: "选项", examples: "示例", who: "谁可以执行", table: "权限一览", more: "输入 /help <命令> 查看详情，例如 /help topic propose；输入 /help 权限 查看每个命令和按钮由谁使用。" },
} as const;

/** The permission table: every command and button with who may use it. */
function permissionsCard(locale: Locale): Card {
  const c = COPY[locale];
  const lines = permissionRows(ALL_COMMANDS, locale).map((r) => `${r.label} — ${r.who}`);
  return { title: c.table, tone: "info", blocks: [{ type: "list", items: lines }], fallbackText: [c.table, ...lines].join("\n") };
}

/** The overview of the commands `ids`, (`detail`) one command in full, or (`permissions`) who may do what. */
export function helpCard(m: { ids: readonly string[]; detail: boolean; permissions?: boolean }, locale: Locale): Card {
  const c = COPY[locale];
  if (m.permissions) return permissionsCard(locale);
  const specs = ALL_COMMANDS.filter((s) => m.ids.includes(s.id));
  if (m.detail && specs.length === 1) {
    const s = specs[0]!;
    const who = whoMay(COMMAND_RULES[s.id] ?? { roles: [] }, locale);
    const lines = [
      s.summary[locale],
      s.help?.[locale],
      `${c.options}: ${s.options.length === 0 ? "—" : ""}`,
      ...s.options.map((o) => `  --${o.name}: ${o.help[locale]}`),
      `${c.examples}:`,
      ...s.examples.map((e) => `  ${typeof e === "string" ? e : e[locale]}`),
      `${c.who}: ${who}`,
    ].filter((l): l is string => Boolean(l));
    const usage = localUsage(s.usage, locale);
    return { title: usage, tone: "info", blocks: [{ type: "list", items: lines }], fallbackText: [usage, ...lines].join("\n") };
  }
  const lines = specs.map((s) => `${localUsage(s.usage, locale).split("\n")[0]} — ${s.summary[locale]}`);
  // One feature's commands ("/help kpi"): its notes on how it decides things follow the list.
  const roots = new Set(specs.map((s) => s.words[0]!));
  const notes = roots.size === 1 ? (HELP_NOTES[[...roots][0]!] ?? []).map((n) => n[locale]) : [];
  return {
    title: c.title,
    tone: "info",
    blocks: [{ type: "list", items: lines }, ...notes.map((text) => ({ type: "text" as const, text })), { type: "context", text: c.more }],
    fallbackText: [c.title, ...lines, ...notes, c.more].join("\n"),
  };
}
