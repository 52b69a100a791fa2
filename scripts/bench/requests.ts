// The Slack requests the benchmark sends, built per request the way Slack sends them (test/support/slack-client.ts
// builders) and signed with a fresh timestamp: each one has its own trigger_id, so the service does the full
// work behind every ack (a repeated trigger_id would only hit the de-duplication and do nothing).
import { signSlackRequest } from "../../src/adapters/slack/verify.js";
import { blockActions, slashCommand } from "../../test/support/slack-client.js";

export const SIGNING_SECRET = "bench-signing-secret-0123456789abcdef";
export const CHANNEL = "C0BENCH";
/** Types the commands; the proposer of the card. */
export const COMMANDER = { id: "U0BENCHCMD", name: "bench.cmd" };
/** Clicks +1 on the card: the first click votes, every later one is refused ("already voted") but acked. */
export const CLICKER = { id: "U0BENCHCLK", name: "bench.clk" };

/** A Slack HTTP request: body bytes and headers, signed. */
export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

let serial = 0;
const run = Math.random().toString(36).slice(2, 8);

function trigger(): string {
  serial += 1;
  return `${serial}.${run}.bench${serial}`;
}

/** Signs `body` now, as Slack does. */
export function sign(body: string, contentType: string): SignedRequest {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return { body, headers: { "content-type": contentType, "x-slack-request-timestamp": timestamp, "x-slack-signature": signSlackRequest(SIGNING_SECRET, timestamp, body) } };
}

/** `/topic <text>` from COMMANDER in CHANNEL; refusals go to `responseBase` + trigger. */
export function command(text: string, responseBase: string): SignedRequest {
  const t = trigger();
  const f = slashCommand({ command: "/topic", text, user: COMMANDER.id, userName: COMMANDER.name, channel: CHANNEL, trigger: t, responseUrl: `${responseBase}${t}` });
  return sign(f.body, f.contentType);
}

/** The +1 button of a posted card. */
export interface CardButton {
  actionId: string;
  value: string;
  label: string;
  messageTs: string;
}

/** A block_actions click by CLICKER on `button`. */
export function click(button: CardButton, responseBase: string): SignedRequest {
  const t = trigger();
  const f = blockActions({ user: CLICKER.id, userName: CLICKER.name, channel: CHANNEL, messageTs: button.messageTs, actionId: button.actionId, value: button.value, label: button.label, trigger: t, responseUrl: `${responseBase}${t}` });
  return sign(f.body, f.contentType);
}

/** Finds the button whose action_id starts with `prefix~` in a chat.postMessage's blocks. */
export function buttonOf(post: Record<string, unknown>, prefix: string): CardButton {
  type El = { action_id?: string; value?: string; text?: { text?: string } };
  const blocks = (post["blocks"] ?? []) as { type: string; elements?: El[] }[];
  const el = blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : [])).find((e) => e.action_id?.startsWith(`${prefix}~`));
  if (!el?.action_id || el.value === undefined) throw new Error(`no ${prefix} button on the posted card`);
  return { actionId: el.action_id, value: el.value, label: el.text?.text ?? prefix, messageTs: String(post["ts"]) };
}
