// The Slack requests the benchmark sends, built the way Slack sends them (test/support/slack-client.ts builders)
// and signed with a fresh timestamp. Each has its own trigger_id (and so its own response_url and event id), so
// the service does the full work behind every one: a repeated trigger_id would only hit the de-duplication.
import { signSlackRequest } from "../../src/adapters/slack/verify.js";
import { blockActions, slashCommand } from "../../test/support/slack-client.js";
import type { CardButton } from "./fake-slack.js";

export const SIGNING_SECRET = "bench-signing-secret-0123456789abcdef";

/** A Slack HTTP request: body bytes and headers, signed; its trigger names its response_url. */
export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
  trigger: string;
}

let serial = 0;
const run = Math.random().toString(36).slice(2, 8);

function trigger(): string {
  serial += 1;
  return `${serial}.${run}.bench${serial}`;
}

/** Signs `body` now, as Slack does. */
function sign(body: string, contentType: string, t: string): SignedRequest {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return { body, trigger: t, headers: { "content-type": contentType, "x-slack-request-timestamp": timestamp, "x-slack-signature": signSlackRequest(SIGNING_SECRET, timestamp, body) } };
}

/** `/topic <text>` typed by `user` in `channel`; a refusal goes to `responseBase` + the trigger. */
export function command(text: string, user: string, channel: string, responseBase: string): SignedRequest {
  const t = trigger();
  const f = slashCommand({ command: "/topic", text, user, userName: user.toLowerCase(), channel, channelName: channel.toLowerCase(), trigger: t, responseUrl: `${responseBase}${t}` });
  return sign(f.body, f.contentType, t);
}

/** A block_actions click by `user` on `button`. */
export function click(button: CardButton, user: string, responseBase: string): SignedRequest {
  const t = trigger();
  const f = blockActions({ user, userName: user.toLowerCase(), channel: button.channel, messageTs: button.messageTs, actionId: button.actionId, value: button.value, label: button.label, trigger: t, responseUrl: `${responseBase}${t}` });
  return sign(f.body, f.contentType, t);
}

/** Varied titles (near-duplicate detection compares them), each carrying its token for the fake to find. */
const WORDS = ["春节返乡攻略", "年货清单", "城市夜跑", "咖啡地图", "周末露营", "通勤穿搭", "宠物日常", "家常菜谱", "读书打卡", "旧物改造", "骑行路线", "早餐十分钟"];
export function proposeTitle(n: number, token: string): string {
  return `${WORDS[n % WORDS.length]} 第${n}期 [bn:${token}]`;
}
