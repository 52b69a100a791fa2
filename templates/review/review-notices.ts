// One-line confirmations for review commands, in both languages (shown to the actor only).
import type { Locale } from "../../src/domain/locale.js";

/** What the actor is told after a review command succeeds. */
export const reviewNotices: Record<Locale, {
  submitted: (id: number, topic: number, version: number, chain: string, levels: number) => string;
  decided: (id: number, what: string, level: number, levels: number) => string;
  withdrawn: (id: number) => string;
  nudged: (id: number, names: string) => string;
  transferred: (id: number, from: string, to: string) => string;
  added: (id: number, name: string, level: number) => string;
  /** `used`: how new reviews will reach it (as the default, by its conditions, or not until made the default). */
  chainSaved: (name: string, levels: number, used: "default" | "conditions" | "never", code: string) => string;
  chainDefault: (name: string) => string;
  chainRemoved: (name: string) => string;
  chainsImported: (names: string, byDefault: string) => string;
  reasonWhat: { changes: string; reject: string };
}> = {
  en: {
    submitted: (id, t, v, chain, n) => `Review R${id} started for #${t} (v${v}): chain ${chain}, ${n} level(s).`,
    decided: (id, what, l, n) => `Recorded on R${id}: ${what} at level ${l}/${n}.`,
    withdrawn: (id) => `Review R${id} is withdrawn. It stays on record.`,
    nudged: (id, names) => `Nudged ${names} on R${id}.`,
    transferred: (id, from, to) => `R${id}: ${from}'s review is now with ${to}.`,
    added: (id, name, l) => `R${id}: ${name} now reviews level ${l} too.`,
    chainSaved: (name, n, used, code) => `Chain ${name} saved (${n} level(s)). ${used === "default" ? "It is the default: new reviews use it when no other chain's conditions match." : used === "conditions" ? "New reviews matching its conditions use it." : `It has no conditions, so it is used only as the default: /review chain default ${code}.`} Running reviews keep theirs.`,
    chainDefault: (name) => `Chain ${name} is now the default: new reviews use it when no other chain's conditions match.`,
    chainRemoved: (name) => `Chain ${name} is no longer used. Running reviews keep it.`,
    chainsImported: (names, d) => `Imported chains: ${names}. Default: ${d}.`,
    reasonWhat: { changes: "request changes", reject: "reject" },
  },
  "zh-CN": {
    submitted: (id, t, v, chain, n) => `已为 #${t} 发起审核 R${id}（v${v}），审核流程“${chain}”，共 ${n} 级。`,
    decided: (id, what, l, n) => `已记录：R${id} 第 ${l}/${n} 级 ${what}。`,
    withdrawn: (id) => `审核 R${id} 已撤回，记录会保留。`,
    nudged: (id, names) => `已催办 R${id}：${names}。`,
    transferred: (id, from, to) => `R${id}：${from} 的审核已转交给 ${to}。`,
    added: (id, name, l) => `R${id}：已为第 ${l} 级加签 ${name}。`,
    chainSaved: (name, n, used) => `审核流程“${name}”已保存（共 ${n} 级）。${used === "default" ? "它是默认流程：其他流程的条件都不匹配时，新提交的审核使用它。" : used === "conditions" ? "符合其适用条件的新审核将使用它。" : `它没有适用条件，只有设为默认后才会使用：/review chain default ${name}。`}进行中的审核不受影响。`,
    chainDefault: (name) => `审核流程“${name}”已设为默认：其他流程的条件都不匹配时使用它。`,
    chainRemoved: (name) => `审核流程“${name}”已停用，进行中的审核不受影响。`,
    chainsImported: (names, d) => `已导入审核流程：${names}。默认流程：${d}。`,
    reasonWhat: { changes: "要求修改", reject: "驳回" },
  },
};
