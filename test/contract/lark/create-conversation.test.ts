// LarkChannel.createConversation: a group chat through the messenger's im.v1.chat.create, or a refusal when the
// messenger cannot (the incident declaration then falls back to the operations channel).
import { describe, expect, it } from "vitest";
import { LarkChannel } from "../../../src/adapters/lark/channel.js";
import type { LarkMessenger } from "../../../src/adapters/lark/client.js";
import { createLogger } from "../../../src/lib/logger.js";

const base: LarkMessenger = {
  send: async () => ({ messageId: "om_1", chatId: "oc_1" }),
  patch: async () => {},
};

describe("LarkChannel.createConversation", () => {
  it("creates a group chat named as asked with the people invited once each", async () => {
    const asked: [string, string[]][] = [];
    const channel = new LarkChannel({ ...base, createChat: async (name, ids) => (asked.push([name, ids]), { chatId: "oc_new" }) }, createLogger("silent"));
    expect(await channel.createConversation("inc-1126-1000-public_opinion 微博负面帖发酵", ["ou_1", "ou_2", "ou_1"])).toEqual({ conversationId: "oc_new", name: "inc-1126-1000-public_opinion 微博负面帖发酵" });
    expect(asked).toEqual([["inc-1126-1000-public_opinion 微博负面帖发酵", ["ou_1", "ou_2"]]]);
  });
  it("refuses when the messenger cannot create chats", async () => {
    await expect(new LarkChannel(base, createLogger("silent")).createConversation("x", [])).rejects.toThrow(/cannot create chats/);
  });
});
