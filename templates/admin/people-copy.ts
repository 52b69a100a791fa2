// The words of the people commands (setup, people, role grant/revoke, remove) in both languages. Roles and
// platforms are always shown by their names, never by their codes.
import type { Locale } from "../../src/domain/locale.js";
import type { Role } from "../../src/domain/roles.js";
import { ROLE_NAMES } from "../strings/labels.js";

/** Chat platforms by name. */
export const CHAT_PLATFORM_NAMES: Record<Locale, Record<string, string>> = {
  en: { console: "console", slack: "Slack", lark: "Feishu", wecom: "WeCom" },
  "zh-CN": { console: "控制台", slack: "Slack", lark: "飞书", wecom: "企业微信" },
};

/** Roles joined for reading ("admin, manager" / "管理员、主管"); "no role" when empty. */
export function roleList(locale: Locale, roles: readonly Role[]): string {
  if (roles.length === 0) return locale === "en" ? "no role" : "无角色";
  return roles.map((r) => ROLE_NAMES[locale][r]).join(locale === "en" ? ", " : "、");
}

/** Open work a removed person left, one line each. */
export interface LeftWork {
  kind: "review" | "sla" | "incident_role";
  id: number;
  /** The review level, the SLA item's account, the incident role's name (already in the reader's language). */
  detail: string;
  /** Who took it over, when someone did. */
  to?: string;
}

/** The copy per locale. */
export const peopleCopy = {
  en: {
    setupDone: (name: string) => `${name} is now the team's admin.`,
    setupNext: ["Give roles with /mediaops role grant @user manager (or reviewer, operator).", "See everyone with /mediaops people; choose where cards go with /mediaops channel set."],
    peopleTitle: (n: number, role?: string) => (role ? `${n} ${role}${n === 1 ? "" : "s"} on the team` : `${n} people on the team`),
    personLine: (name: string, handle: string, roles: string, platforms: string, seen: string) => `${name} (@${handle}): ${roles}; ${platforms}; last active ${seen}`,
    never: "never",
    noPlatforms: "no platform yet",
    removedCount: (n: number) => `${n} removed (history kept).`,
    granted: (name: string, role: string) => `${name} is now ${role}.`,
    alreadyHas: (name: string, role: string) => `${name} already is ${role}; nothing changed.`,
    revoked: (name: string, role: string) => `${name} is no longer ${role}.`,
    doesNotHave: (name: string, role: string) => `${name} is not ${role}; nothing changed.`,
    dmGranted: (role: string, by: string) => `You are now ${role} (given by ${by}).`,
    dmRevoked: (role: string, by: string) => `You are no longer ${role} (changed by ${by}).`,
    dmRoles: (roles: string) => `Your roles: ${roles}.`,
    removed: (name: string) => `${name} was removed from the team. Their history is kept.`,
    dmRemoved: (by: string) => `You were removed from the team by ${by}. Your history is kept.`,
    handedOver: (to: string) => `Open work handed over to ${to}:`,
    leftOpen: "Open work still waiting on them (hand it over, e.g. /mediaops remove … --to @user was not given):",
    nothingOpen: "Nothing was waiting on them.",
    work: (w: LeftWork) =>
      w.kind === "review" ? `review #${w.id}, ${w.detail}${w.to ? ` → ${w.to}` : ""}` : w.kind === "sla" ? `comment #${w.id} (${w.detail})${w.to ? ` → ${w.to}` : ""}` : `incident #${w.id}: ${w.detail}${w.to ? ` → ${w.to}` : ""}`,
    level: (n: number) => `level ${n}`,
    notHandedOver: "could not be handed over (the new person is its author or already on that level): transfer it with /review transfer",
  },
  "zh-CN": {
    setupDone: (name: string) => `${name} 已成为团队管理员。`,
    setupNext: ["用 /mediaops role grant @成员 主管（或 审核、运营）授予角色。", "用 /mediaops people 查看成员；用 /mediaops channel set 设置各流程卡片发往的频道。"],
    peopleTitle: (n: number, role?: string) => (role ? `团队中有 ${n} 位${role}` : `团队共 ${n} 人`),
    personLine: (name: string, handle: string, roles: string, platforms: string, seen: string) => `${name}（@${handle}）：${roles}；${platforms}；最近活动 ${seen}`,
    never: "从未",
    noPlatforms: "尚未关联平台",
    removedCount: (n: number) => `另有 ${n} 人已移出团队（保留历史记录）。`,
    granted: (name: string, role: string) => `${name} 已获得「${role}」角色。`,
    alreadyHas: (name: string, role: string) => `${name} 已经是「${role}」，没有做任何更改。`,
    revoked: (name: string, role: string) => `已收回 ${name} 的「${role}」角色。`,
    doesNotHave: (name: string, role: string) => `${name} 没有「${role}」角色，没有做任何更改。`,
    dmGranted: (role: string, by: string) => `你已获得「${role}」角色（由 ${by} 授予）。`,
    dmRevoked: (role: string, by: string) => `你的「${role}」角色已被收回（操作人：${by}）。`,
    dmRoles: (roles: string) => `你现在的角色：${roles}。`,
    removed: (name: string) => `已将 ${name} 移出团队，其历史记录保留。`,
    dmRemoved: (by: string) => `你已被 ${by} 移出团队，你的历史记录会保留。`,
    handedOver: (to: string) => `以下未完成的工作已交给 ${to}：`,
    leftOpen: "以下工作仍在等待此人处理（未指定 --to 接手人），请尽快转交：",
    nothingOpen: "没有等待此人处理的工作。",
    work: (w: LeftWork) =>
      w.kind === "review" ? `审核 #${w.id}，${w.detail}${w.to ? ` → ${w.to}` : ""}` : w.kind === "sla" ? `留言 #${w.id}（${w.detail}）${w.to ? ` → ${w.to}` : ""}` : `事件 #${w.id}：${w.detail}${w.to ? ` → ${w.to}` : ""}`,
    level: (n: number) => `第 ${n} 级`,
    notHandedOver: "无法转交（接手人是稿件作者或已在该级审核中），请用 /review transfer 转交",
  },
} as const;
