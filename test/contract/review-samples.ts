// Sample view models of the review templates for the contract snapshots (spread into SAMPLES in sample-cards.ts).
import type { ModelOf } from "../../templates/index.js";
import type { LevelLineView } from "../../templates/review/review-view.js";
import { encodeAction } from "../../src/messaging/action.js";

const KEY = "contract-test-button-key";
const b = (action: string, version: number) => encodeAction({ action, subjectType: "review", subjectId: "5", stateVersion: version }, KEY);
const editorial = { "zh-CN": "编辑初审", en: "Editorial" };
const compliance = { "zh-CN": "合规审核", en: "Compliance" };
const brand = { "zh-CN": "品牌审核", en: "Brand" };

const level1: LevelLineView = {
  level: 1, levels: 3, name: editorial, rule: "any", reviewerCount: 2, pass: 1, status: "approved",
  decisions: [{ by: "李伟", decision: "approve", at: "10:02", reason: null }], pending: [], deadline: "11-27 10:00", overdue: false, tookMinutes: 2,
  outcome: { status: "approved", by: ["李伟"], at: "10:02", reason: null, sentBackTo: null },
};
const level2: LevelLineView = {
  level: 2, levels: 3, name: compliance, rule: "all", reviewerCount: 2, pass: 1, status: "pending",
  decisions: [{ by: "刘洋", decision: "approve", at: "10:30", reason: null }], pending: ["Emma Clarke"], deadline: "11-27 10:02", overdue: true, tookMinutes: null, outcome: null,
};
const level3: LevelLineView = {
  level: 3, levels: 3, name: brand, rule: { atLeast: 2 }, reviewerCount: 3, pass: 0, status: "not_asked",
  decisions: [], pending: [], deadline: null, overdue: false, tookMinutes: null, outcome: null,
};

const request: ModelOf<"review.request"> = {
  reviewId: 5, topicId: 12, title: "双十一后的退货潮：三个省心技巧", author: "陈杰", version: 2, level: 2, levels: 3, levelName: compliance, rule: "all",
  reviewers: [{ name: "刘洋", approved: true }, { name: "Emma Clarke", approved: false }], deadline: "11-27 10:02", urgent: false, sensitive: true,
  draft: { link: "https://docs.example.com/d/42", text: null }, note: "按意见改了标题",
  changes: { from: 1, lines: [{ op: "del", text: "…史上最全退货攻略…" }, { op: "add", text: "…三个省心退货技巧…" }], omitted: 0, asked: { by: "李伟", reason: "标题夸大，违反广告法" } },
  earlier: [level1], needsSecondPerson: false, outcome: null,
  buttons: { approve: b("approve", 9), changes: b("changes", 9), reject: b("reject", 9), back: [{ level: 1, name: editorial, value: b("back_1", 9) }] },
};

const status: ModelOf<"review.status"> = {
  reviewId: 5, topicId: 12, title: "双十一后的退货潮：三个省心技巧", author: "陈杰", chain: { "zh-CN": "标准审核", en: "Standard review" }, status: "open", version: 2,
  urgent: false, sensitive: false, cc: ["王芳"], lines: [level1, level2, level3], history: null, outcome: null,
  buttons: { nudge: b("nudge", 2), withdraw: b("withdraw", 2) },
};

const alert: ModelOf<"review.alert"> = {
  kind: "reminder", reviewId: 5, topicId: 12, title: "双十一后的退货潮：三个省心技巧", version: 2, level: 2, levels: 3, levelName: compliance,
  deadline: "11-27 10:02", pending: ["Emma Clarke"], targets: [], by: null, reason: null,
};

/** Samples per review template. */
export const REVIEW_SAMPLES = {
  "review.request": [
    { name: "level-2-resubmitted", model: request },
    { name: "approved", model: { ...request, buttons: null, outcome: { status: "approved" as const, by: ["刘洋", "Emma Clarke"], at: "10:42", reason: null, sentBackTo: null } } },
    { name: "sent-back", model: { ...request, changes: null, draft: { link: null, text: "第一段：退货前先拍照。\n第二段：保留包装。" }, buttons: null, outcome: { status: "sent_back" as const, by: ["王芳"], at: "11:05", reason: "数据来源需要编辑复核", sentBackTo: 1 } } },
  ],
  "review.status": [
    { name: "open", model: status },
    {
      name: "approved-with-history",
      model: {
        ...status, status: "approved" as const, buttons: null, outcome: { status: "approved" as const, by: "王芳", at: "11-27 15:20", reason: null },
        history: [
          { number: 1, by: "陈杰", at: "11-26 10:00", note: null, status: "changes_requested" as const, passes: [{ ...level1, status: "changes_requested" as const, outcome: { status: "changes_requested" as const, by: ["李伟"], at: "10:05", reason: "标题夸大", sentBackTo: null } }] },
          { number: 2, by: "陈杰", at: "11-26 14:00", note: "按意见改了标题", status: "approved" as const, passes: [level1] },
        ],
      },
    },
  ],
  "review.list": [
    { name: "board", model: { kind: "board" as const, items: [{ reviewId: 5, topicId: 12, title: "退货潮技巧", version: 2, level: 2, levels: 3, levelName: compliance, pending: ["Emma Clarke"], since: "11-26 10:00", deadline: "11-27 10:02", overdue: true }] } },
    { name: "pending-empty", model: { kind: "pending" as const, items: [] } },
  ],
  "review.chains": [
    {
      name: "two",
      model: {
        chains: [
          { name: "standard", displayName: { "zh-CN": "标准审核", en: "Standard review" }, isDefault: true, priority: 100, when: {}, cc: [], levels: [{ name: editorial, reviewers: { users: ["li.wei", "zhang.min"] }, rule: "any" as const, hours: 8, escalateTo: { users: ["wang.fang"] }, repeatHours: 4 }] },
          { name: "urgent", displayName: "加急审核", isDefault: false, priority: 20, when: { urgent: true }, cc: ["wang.fang"], levels: [{ name: "加急", reviewers: { users: [], role: "reviewer" as const }, rule: { atLeast: 2 }, hours: 2, escalateTo: { users: [], role: "manager" as const }, repeatHours: 1 }] },
        ],
      },
    },
    { name: "none", model: { chains: [] } },
  ],
  "review.alert": [
    { name: "reminder", model: alert },
    { name: "escalation", model: { ...alert, kind: "escalation" as const, targets: ["王芳"] } },
    { name: "rejected", model: { ...alert, kind: "rejected" as const, by: "刘洋", reason: "使用了未授权的背景音乐", pending: [] } },
  ],
};
