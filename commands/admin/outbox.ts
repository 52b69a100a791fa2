import { z } from "zod";
import { defineCommand } from "../spec.js";

/** /mediaops outbox: what the sender still owes, and the messages it gave up on, with a retry button each. */
export const adminOutbox = defineCommand({
  id: "admin.outbox",
  words: ["outbox"],
  positionals: [],
  options: [],
  args: z.object({}),
  usage: "/mediaops outbox",
  summary: { en: "Outbox: pending and undeliverable messages", "zh-CN": "发件箱：待发送和发送失败的消息" },
  examples: ["/mediaops outbox"],
});
