// One-line confirmations for topic commands, in both languages.
import type { Locale } from "../../src/domain/locale.js";

/** What the actor is told after a topic command succeeds. */
export const topicNotices: Record<Locale, {
  transitioned: (id: number, status: string) => string;
  voted: (id: number, count: number) => string;
  assigned: (id: number, owner: string, status: string) => string;
  scheduled: (id: number, when: string) => string;
  planned: (id: number, when: string, status: string) => string;
}> = {
  en: {
    transitioned: (id, status) => `Topic #${id} is now ${status}.`,
    voted: (id, n) => `+1 recorded on topic #${id} (${n} in all).`,
    assigned: (id, owner, status) => `${owner} now owns topic #${id} (${status}).`,
    scheduled: (id, when) => `Topic #${id} is scheduled for ${when}.`,
    planned: (id, when, status) => `Topic #${id} is planned for ${when}. It is ${status}; it becomes scheduled once approved.`,
  },
  "zh-CN": {
    transitioned: (id, status) => `选题 #${id} 现在的状态：${status}。`,
    voted: (id, n) => `已为选题 #${id} +1（共 ${n} 票）。`,
    assigned: (id, owner, status) => `选题 #${id} 的负责人已改为 ${owner}（${status}）。`,
    scheduled: (id, when) => `选题 #${id} 已排期：${when}。`,
    planned: (id, when, status) => `选题 #${id} 计划于 ${when} 发布。当前状态为“${status}”，审核通过后即可正式排期。`,
  },
};
