// The /sla commands on one item, the same changes as its card's buttons, for people who type rather than
// click (and for hand-logged items whose card is long gone): show, claim, answer, dismiss and assign.
import { z } from "zod";
import { defineCommand } from "../spec.js";
import { ZHandle, ZText } from "../topic/args.js";

/** "#12", "12" or "＃12" → 12. */
export const ZSlaId = z.string().transform((raw, ctx) => {
  const m = /^[#＃]?(\d{1,9})$/.exec(raw.trim());
  if (!m) {
    ctx.addIssue({ code: "custom", message: "sla.bad_id", params: { value: raw } });
    return z.NEVER;
  }
  return Number(m[1]);
});

/** The note a person adds (the reply text or link, the reason), as long as a card button allows. */
const ZNote = ZText(2000).optional();

/** /sla show <id>: the item's card, with its buttons while it is open. */
export const slaShow = defineCommand({
  id: "sla.show", words: ["sla", "show"], positionals: [{ name: "id" }], options: [], args: z.object({ id: ZSlaId }),
  usage: "/sla show <id>", summary: { en: "Show an item's card", "zh-CN": "查看一条留言的卡片" }, examples: ["/sla show 12"],
});

/** /sla claim <id> [note]: I'm on it. */
export const slaClaim = defineCommand({
  id: "sla.claim", words: ["sla", "claim"], positionals: [{ name: "id" }, { name: "note", rest: true }], options: [], args: z.object({ id: ZSlaId, note: ZNote }),
  usage: "/sla claim <id> [note]", summary: { en: "Take an item on (I'm on it)", "zh-CN": "认领一条留言（我来处理）" }, examples: ["/sla claim 12"],
});

/** /sla answer <id> [note]: answered elsewhere; the note is the reply text or its link. */
export const slaAnswer = defineCommand({
  id: "sla.answer", words: ["sla", "answer"], positionals: [{ name: "id" }, { name: "note", rest: true }], options: [], args: z.object({ id: ZSlaId, note: ZNote }),
  usage: "/sla answer <id> [note]", summary: { en: "Mark an item answered (the note: the reply or its link)", "zh-CN": "标记留言已回复（备注：回复内容或链接）" },
  examples: [{ "zh-CN": "/sla answer 12 已私信用户，提供了物流单号", en: "/sla answer 12 sent the tracking number by DM" }],
});

/** /sla dismiss <id> [note]: no reply needed; the note says why. */
export const slaDismiss = defineCommand({
  id: "sla.dismiss", words: ["sla", "dismiss"], positionals: [{ name: "id" }, { name: "note", rest: true }], options: [], args: z.object({ id: ZSlaId, note: ZNote }),
  usage: "/sla dismiss <id> [note]", summary: { en: "Mark an item as needing no reply (the note: why)", "zh-CN": "标记留言无需回复（备注：原因）" },
  examples: [{ "zh-CN": "/sla dismiss 12 广告", en: "/sla dismiss 12 spam" }],
});

/** /sla assign <id> @user: hand an item to someone. */
export const slaAssign = defineCommand({
  id: "sla.assign", words: ["sla", "assign"], positionals: [{ name: "id" }, { name: "user" }], options: [], args: z.object({ id: ZSlaId, user: ZHandle }),
  usage: "/sla assign <id> <@user>", summary: { en: "Hand an item to someone", "zh-CN": "把留言转交给他人" }, examples: ["/sla assign 12 @chen.jie"],
});

/** /sla reply <id> <text>: reply on the platform (WeChat OA) or keep the reply on the card for copying. */
export const slaReply = defineCommand({
  id: "sla.reply", words: ["sla", "reply"], positionals: [{ name: "id" }, { name: "text", rest: true }], options: [], args: z.object({ id: ZSlaId, text: ZText(600) }),
  usage: "/sla reply <id> <text>",
  summary: { en: "Reply to an item: sent on WeChat OA, elsewhere kept on the card to copy", "zh-CN": "回复一条留言：公众号留言和私信直接发出，其他平台保存在卡片上供复制" },
  examples: [{ "zh-CN": "/sla reply 12 您好，订单已于今天发货，请留意物流信息。", en: "/sla reply 12 Hello, your order shipped today." }],
});

/** The item commands by id. */
export const SLA_ITEM_COMMANDS = { "sla.show": slaShow, "sla.claim": slaClaim, "sla.answer": slaAnswer, "sla.dismiss": slaDismiss, "sla.assign": slaAssign, "sla.reply": slaReply } as const;
