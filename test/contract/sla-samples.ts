// Sample view models of the SLA templates for the contract snapshots (spread into SAMPLES in sample-cards.ts).
import type { ModelOf } from "../../templates/index.js";
import { encodeAction } from "../../src/messaging/action.js";

const KEY = "contract-test-button-key";
const b = (action: string) => encodeAction({ action, subjectType: "sla", subjectId: "31", stateVersion: 2 }, KEY);

const item: ModelOf<"sla.item"> = {
  id: 31, platform: "wechat_oa", accountName: "品牌公众号", kind: "dm", author: "小林", text: "订单三天还没发货，怎么回事？",
  link: "https://mp.weixin.qq.com/", createdAt: "2026-11-26 09:10", deadline: "2026-11-26 13:10", leftMinutes: 95, urgency: "due_soon",
  status: "open", coverageGap: [], reason: "warn", buttons: { claim: b("claim"), answer: b("answer"), dismiss: b("dismiss"), reassign: b("reassign") },
};

/** Samples per SLA template. */
export const SLA_SAMPLES = {
  "sla.item": [
    { name: "warning", model: item },
    { name: "window-closed", model: { ...item, leftMinutes: -30, urgency: "window_closed" as const, reason: "escalate" as const, step: { n: 1, of: 2 }, coverageGap: [2027] } },
    {
      name: "answered",
      model: { ...item, status: "answered" as const, buttons: undefined, outcome: { status: "answered" as const, by: "陈杰", at: "2026-11-26 11:02", responseMinutes: 112, note: "已私信用户，提供了物流单号" } },
    },
  ],
  "sla.summary": [{ name: "three", model: { items: [item, { ...item, id: 32, leftMinutes: -10, urgency: "breached" as const }, { ...item, id: 33, kind: "comment" as const }] } }],
  "sla.list": [
    { name: "board", model: { scope: "board" as const, items: [{ ...item, assignee: "陈杰" }] } },
    { name: "empty", model: { scope: "mine" as const, items: [] } },
  ],
  "sla.sources": [
    {
      name: "polling-with-error",
      model: {
        sources: [
          { source: "wechat_oa_comments" as const, polling: true, everyMinutes: 10, days: 7, lastOkAt: "2026-11-26 10:00", lastRun: { seen: 12, added: 3, closed: 1 }, items: 40, error: { problem: "ip_whitelist" as const, code: 40164, ip: "203.0.113.7", at: "2026-11-26 09:50" } },
          { source: "wechat_oa" as const, lastOkAt: "2026-11-26 09:12", items: 5 },
          { source: "webhook" as const, items: 0 },
          { source: "csv" as const, lastOkAt: "2026-11-25 17:00", items: 120, error: { problem: "rejected" as const, detail: "c-9", reason: "createdAt is in the future", at: "2026-11-25 17:00" } },
          { source: "manual" as const, lastOkAt: "2026-11-26 08:40", items: 2 },
        ],
      },
      userContent: ["c-9"],
    },
    { name: "poll-off", model: { sources: [{ source: "wechat_oa_comments" as const, polling: false, items: 0, error: { problem: "no_account" as const, at: "2026-11-26 10:00" } }] } },
  ],
  "sla.stats": [
    {
      name: "week",
      model: {
        from: "2026-11-19", to: "2026-11-26", coverageGap: [],
        total: { key: "all", count: 10, answered: 8, medianMinutes: 42, p90Minutes: 190, breachRate: 0.2 },
        byPlatform: [{ key: "douyin", count: 10, answered: 8, medianMinutes: 42, p90Minutes: 190, breachRate: 0.2 }],
        byAccount: [], byPerson: [{ key: "陈杰", count: 8, answered: 8, medianMinutes: 40, p90Minutes: 100, breachRate: 0.125 }],
      },
    },
  ],
};
