// Sends requests to /slack/events the way Slack does: form or JSON bodies, signed with X-Slack-Signature over
// the exact bytes, X-Slack-Request-Timestamp in whole seconds, retries marked with X-Slack-Retry-Num.
import { signSlackRequest } from "../../src/adapters/slack/verify.js";

/** What came back, and how long it took. */
export interface SlackAnswer {
  status: number;
  text: string;
  contentType: string | null;
}

/** Overrides for one request. */
export interface SendOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Replaces the computed signature. */
  signature?: string;
  headers?: Record<string, string>;
}

/** A form body (slash commands). */
export function form(fields: Record<string, string>): { body: string; contentType: string } {
  return { body: new URLSearchParams(fields).toString(), contentType: "application/x-www-form-urlencoded" };
}

/** An interactivity body: one `payload` field holding JSON. */
export function interaction(payload: unknown): { body: string; contentType: string } {
  return form({ payload: JSON.stringify(payload) });
}

/** An Events API body. */
export function json(body: unknown): { body: string; contentType: string } {
  return { body: JSON.stringify(body), contentType: "application/json" };
}

/** A client for one service's /slack/events with one signing secret. */
export function slackSender(serviceUrl: string, signingSecret: string) {
  return async function send(req: { body: string; contentType: string }, opts: SendOptions = {}): Promise<SlackAnswer> {
    const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
    const signature = opts.signature ?? signSlackRequest(signingSecret, timestamp, req.body);
    const res = await fetch(`${serviceUrl}/slack/events`, {
      method: "POST",
      headers: { "content-type": req.contentType, "x-slack-request-timestamp": timestamp, "x-slack-signature": signature, ...opts.headers },
      body: req.body,
    });
    const text = await res.text();
    return { status: res.status, text, contentType: res.headers.get("content-type") };
  };
}

/** A slash command as Slack posts it (fields as in the docs' payload example). */
export function slashCommand(p: { command: string; text: string; user: string; userName: string; channel: string; channelName?: string; trigger: string; responseUrl: string; team?: string }) {
  return form({
    token: "gIkuvaNzQIHg97ATvDxqgjtO",
    team_id: p.team ?? "T0001",
    team_domain: "example",
    channel_id: p.channel,
    channel_name: p.channelName ?? p.channel.toLowerCase(),
    user_id: p.user,
    user_name: p.userName,
    command: p.command,
    text: p.text,
    response_url: p.responseUrl,
    trigger_id: p.trigger,
    api_app_id: "A0001",
  });
}

/** A button click on a posted message (block_actions, shaped like the docs' example). */
export function blockActions(p: { user: string; userName: string; channel: string; messageTs: string; actionId: string; value: string; label: string; trigger: string; responseUrl: string; team?: string }) {
  const team = p.team ?? "T0001";
  return interaction({
    type: "block_actions",
    team: { id: team, domain: "example" },
    user: { id: p.user, username: p.userName, team_id: team },
    api_app_id: "A0001",
    token: "9s8d9as89d8as9d8as989",
    container: { type: "message", message_ts: p.messageTs, channel_id: p.channel, is_ephemeral: false },
    trigger_id: p.trigger,
    channel: { id: p.channel, name: p.channel.toLowerCase() },
    message: { type: "message", ts: p.messageTs, text: "" },
    response_url: p.responseUrl,
    actions: [{ action_id: p.actionId, block_id: "b1", text: { type: "plain_text", text: p.label, emoji: true }, value: p.value, type: "button", action_ts: "1790000001.000001" }],
  });
}

/** A modal submission with the private_metadata and input values of the opened view. */
export function viewSubmission(p: { user: string; userName: string; view: { callback_id: string; private_metadata: string; blocks?: unknown[] }; reason?: string; values?: Record<string, string>; trigger: string; team?: string }) {
  // Each input's value is at state.values[block_id][action_id]; the reason modal's ids are both "reason".
  const inputs = p.values ?? { reason: p.reason ?? "" };
  const values = Object.fromEntries(Object.entries(inputs).map(([blockId, value]) => [blockId, { [blockId === "reason" ? "reason" : "value"]: { type: "plain_text_input", value } }]));
  const team = p.team ?? "T0001";
  return interaction({
    type: "view_submission",
    team: { id: team, domain: "example" },
    user: { id: p.user, username: p.userName, name: p.userName, team_id: team },
    api_app_id: "A0001",
    token: "verification_token",
    trigger_id: p.trigger,
    view: {
      id: "V0001",
      team_id: team,
      type: "modal",
      callback_id: p.view.callback_id,
      private_metadata: p.view.private_metadata,
      blocks: p.view.blocks ?? [],
      state: { values },
      hash: "1596530361.3wRYuk3R",
    },
    response_urls: [],
  });
}

/** An Events API delivery of one inner event. */
export function eventCallback(p: { eventId: string; event: Record<string, unknown>; team?: string }) {
  return json({ token: "XXYYZZ", team_id: p.team ?? "T0001", api_app_id: "A0001", event: p.event, type: "event_callback", event_id: p.eventId, event_time: 1790000000 });
}
