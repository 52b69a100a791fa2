// 客服消息: POST /cgi-bin/message/custom/send, a text to a person who wrote to the account. Allowed only within
// 48 hours of their last message (errcode 45015 after that; 45047 after too many in a row).
import type { WechatOaClient } from "./client.js";

/** Sends `text` to `openid`; throws WechatApiError. */
export async function sendCustomerText(client: WechatOaClient, openid: string, text: string): Promise<void> {
  await client.post<object>("/cgi-bin/message/custom/send", { touser: openid, msgtype: "text", text: { content: text } });
}
