// Refusal messages of the admin tools, in both languages.
import type { ErrorCatalog } from "../catalog.js";

/** Admin error messages. */
export const adminErrors: ErrorCatalog = {
  en: {
    "outbox.not_dead": (p) => `Message #${p.id} is not undeliverable (it was retried or sent already). Nothing was changed.`,
  },
  "zh-CN": {
    "outbox.not_dead": (p) => `消息 #${p.id} 不在发送失败列表中（可能已重试或已发送），没有做任何更改。`,
  },
};
