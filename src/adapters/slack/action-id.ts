// How a card button's id travels through Slack. Block Kit wants each action_id unique within its block and at
// most 255 characters; a click must tell us the neutral actionId and, for buttons that ask for a reason, the
// question to put in the modal (an ephemeral message's click carries no copy of the message, so the
// action_id is the only place that comes back with every click). Format: `<actionId>~<index>[~<prompt>]`.

/** Block Kit's limit on action_id length. */
export const ACTION_ID_MAX = 255;

/** What a Slack action_id of ours says. */
export interface SlackActionId {
  actionId: string;
  /** The question to ask before sending the click, when the button wants a reason. */
  reasonPrompt?: string;
}

/** The action_id for the `index`-th button of a block. */
export function encodeSlackActionId(actionId: string, index: number, reasonPrompt?: string): string {
  const base = `${actionId}~${index}`;
  if (reasonPrompt === undefined) return base.slice(0, ACTION_ID_MAX);
  // The prompt is cut, never the id: a shortened question still asks for the reason.
  const room = ACTION_ID_MAX - base.length - 1;
  let text = "";
  // Whole code points only, so no surrogate pair is split.
  for (const ch of reasonPrompt.replace(/\s+/g, " ").trim()) {
    if (text.length + ch.length > room) break;
    text += ch;
  }
  return `${base}~${text || "?"}`;
}

/** Reads an action_id; one that is not ours is returned as the actionId (the click is then refused). */
export function decodeSlackActionId(slackActionId: string): SlackActionId {
  const first = slackActionId.indexOf("~");
  if (first < 0) return { actionId: slackActionId };
  const actionId = slackActionId.slice(0, first);
  const second = slackActionId.indexOf("~", first + 1);
  if (second < 0) return { actionId };
  return { actionId, reasonPrompt: slackActionId.slice(second + 1) };
}
