// Slack payloads → the neutral InboundEvent. Pure: the shapes are checked with zod (only the fields we read),
// ids become neutral refs, and nothing here decides anything.
import { z } from "zod";
import { ALL_COMMANDS } from "../../../commands/index.js";
import type { InboundEvent } from "../../messaging/inbound.js";
import { decodeSlackActionId } from "./action-id.js";
import { FORM_CALLBACK_ID, commandTextFromForm, readFormMetadata } from "./command-form.js";
import { REASON_CALLBACK_ID, REASON_BLOCK_ID, readReasonMetadata } from "./reason-modal.js";

/** A slash command as Slack posts it (form fields). */
export const ZSlashCommand = z.object({
  command: z.string().regex(/^\/\S+$/),
  text: z.string().default(""),
  team_id: z.string().min(1),
  user_id: z.string().min(1),
  user_name: z.string().optional(),
  channel_id: z.string().min(1),
  channel_name: z.string().optional(),
  response_url: z.string().optional(),
  trigger_id: z.string().optional(),
});
/** A validated slash command. */
export type TSlashCommand = z.infer<typeof ZSlashCommand>;

const ZUser = z.object({ id: z.string().min(1), username: z.string().optional(), name: z.string().optional(), team_id: z.string().optional() });
const ZTeam = z.object({ id: z.string().min(1) }).nullable().optional();

/** A button click (block_actions interaction payload). */
export const ZBlockActions = z.object({
  type: z.literal("block_actions"),
  team: ZTeam,
  user: ZUser,
  channel: z.object({ id: z.string().min(1), name: z.string().optional() }).optional(),
  container: z.object({ type: z.string(), message_ts: z.string().optional(), channel_id: z.string().optional() }).optional(),
  message: z.object({ ts: z.string() }).optional(),
  trigger_id: z.string().optional(),
  response_url: z.string().optional(),
  actions: z.array(z.object({ type: z.string(), action_id: z.string(), value: z.string().optional(), text: z.object({ text: z.string() }).optional() })).min(1),
});
/** A validated block_actions payload. */
export type TBlockActions = z.infer<typeof ZBlockActions>;

/** A modal submission (view_submission interaction payload). */
export const ZViewSubmission = z.object({
  type: z.literal("view_submission"),
  team: ZTeam,
  user: ZUser,
  trigger_id: z.string().optional(),
  view: z.object({
    id: z.string().min(1),
    callback_id: z.string().optional(),
    private_metadata: z.string().optional(),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), z.object({ value: z.string().nullable().optional() }).loose())) }).optional(),
  }),
});
/** A validated view_submission payload. */
export type TViewSubmission = z.infer<typeof ZViewSubmission>;

/** An Events API delivery (event_callback envelope). */
export const ZEventCallback = z.object({
  type: z.literal("event_callback"),
  team_id: z.string().min(1),
  event_id: z.string().min(1),
  event: z.object({
    type: z.string(),
    user: z.string().optional(),
    text: z.string().optional(),
    channel: z.string().optional(),
    channel_type: z.string().optional(),
    subtype: z.string().optional(),
    bot_id: z.string().optional(),
  }),
});
/** A validated event_callback envelope. */
export type TEventCallback = z.infer<typeof ZEventCallback>;

/** What a Slack request is, once its body is known to have the shape of that kind. */
export type SlackBodyKind = "url_verification" | "command" | "block_actions" | "view_submission" | "event_callback" | "other";

const SCHEMAS = { command: ZSlashCommand, block_actions: ZBlockActions, view_submission: ZViewSubmission, event_callback: ZEventCallback } as const;

/** Names the kind of a decoded body and checks its shape; `problem` names the first bad field. */
export function classifySlackBody(body: Record<string, unknown>): { ok: true; kind: SlackBodyKind } | { ok: false; problem: string } {
  if (body["type"] === "url_verification") {
    return typeof body["challenge"] === "string" ? { ok: true, kind: "url_verification" } : { ok: false, problem: "challenge: expected a string" };
  }
  const kind = "command" in body ? "command" : typeof body["type"] === "string" ? (body["type"] as string) : undefined;
  if (kind === undefined) return { ok: false, problem: "neither a slash command nor a typed payload" };
  if (!(kind in SCHEMAS)) return { ok: true, kind: "other" }; // shortcuts, view_closed, app_rate_limited...: Bolt decides
  const parsed = SCHEMAS[kind as keyof typeof SCHEMAS].safeParse(body);
  if (parsed.success) return { ok: true, kind: kind as SlackBodyKind };
  const issue = parsed.error.issues[0]!;
  return { ok: false, problem: `${issue.path.map(String).join(".") || kind}: ${issue.message}` };
}

/** `/topic propose …` as typed: the neutral command event. Slash commands are not retried, trigger_id is unique. */
export function slashCommandToEvent(input: unknown): InboundEvent & { kind: "command" } {
  const c = ZSlashCommand.parse(input);
  const text = c.text.trim();
  return {
    kind: "command",
    eventId: c.trigger_id,
    actor: { platform: "slack", tenant: c.team_id, externalId: c.user_id, displayName: c.user_name },
    conversation: { platform: "slack", externalId: c.channel_id, name: c.channel_name },
    text: text ? `${c.command} ${text}` : c.command,
  };
}

/** A click, a click that first needs a reason, or something that is not one of our card buttons. */
export type SlackClick =
  | { kind: "action"; event: InboundEvent & { kind: "action" } }
  | { kind: "needs_reason"; prompt: string; label: string; triggerId: string; event: InboundEvent & { kind: "action" } }
  | { kind: "ignored"; why: string };

/** A block_actions payload → the neutral action (message ref from the container), or why it is not ours. */
export function blockActionsToClick(input: unknown): SlackClick {
  const b = ZBlockActions.parse(input);
  const action = b.actions[0]!;
  if (action.type !== "button") return { kind: "ignored", why: `not a button (${action.type})` };
  const channelId = b.container?.channel_id ?? b.channel?.id;
  const messageTs = b.container?.message_ts ?? b.message?.ts;
  if (!channelId || !messageTs) return { kind: "ignored", why: "not a click on a message" };
  const id = decodeSlackActionId(action.action_id);
  const event: InboundEvent & { kind: "action" } = {
    kind: "action",
    eventId: b.trigger_id,
    actor: { platform: "slack", tenant: b.team?.id ?? b.user.team_id ?? "", externalId: b.user.id, displayName: b.user.username ?? b.user.name },
    conversation: { platform: "slack", externalId: channelId, name: b.channel?.name },
    message: { platform: "slack", conversationId: channelId, messageId: messageTs },
    actionId: id.actionId,
    value: action.value ?? "",
  };
  if (id.reasonPrompt === undefined) return { kind: "action", event };
  if (!b.trigger_id) return { kind: "ignored", why: "a reason is needed but the click has no trigger_id" };
  // The modal's submission is a new request with its own trigger_id; the click itself changes nothing.
  const { eventId: _none, ...pending } = event;
  return { kind: "needs_reason", prompt: id.reasonPrompt, label: action.text?.text ?? id.actionId, triggerId: b.trigger_id, event: pending };
}

/** The reason typed into our modal, trimmed ("" when blank). */
export function reasonOf(view: TViewSubmission["view"]): string {
  return view.state?.values[REASON_BLOCK_ID]?.[REASON_BLOCK_ID]?.value?.trim() ?? "";
}

/** Our reason modal's submission → the original click with the typed reason; undefined for other modals. */
export function viewSubmissionToEvent(input: unknown): (InboundEvent & { kind: "action" }) | undefined {
  const v = ZViewSubmission.parse(input);
  if (v.view.callback_id !== REASON_CALLBACK_ID) return undefined;
  const meta = readReasonMetadata(v.view.private_metadata ?? "");
  if (!meta) return undefined;
  return {
    kind: "action",
    eventId: v.trigger_id ?? `view:${v.view.id}`,
    actor: { platform: "slack", tenant: v.team?.id ?? v.user.team_id ?? "", externalId: v.user.id, displayName: v.user.username ?? v.user.name },
    conversation: { platform: "slack", externalId: meta.channelId, name: meta.channelName },
    message: { platform: "slack", conversationId: meta.channelId, messageId: meta.messageTs },
    actionId: meta.actionId,
    value: meta.value,
    reason: reasonOf(v.view),
  };
}

/** A command form's submission → the command as if typed in the channel it was opened from. */
export function formSubmissionToEvent(input: unknown): (InboundEvent & { kind: "command" }) | undefined {
  const v = ZViewSubmission.parse(input);
  if (v.view.callback_id !== FORM_CALLBACK_ID) return undefined;
  const meta = readFormMetadata(v.view.private_metadata ?? "");
  const spec = meta && ALL_COMMANDS.find((c) => c.id === meta.id);
  if (!meta || !spec) return undefined;
  return {
    kind: "command",
    eventId: v.trigger_id ?? `view:${v.view.id}`,
    actor: { platform: "slack", tenant: v.team?.id ?? v.user.team_id ?? "", externalId: v.user.id, displayName: v.user.username ?? v.user.name },
    conversation: { platform: "slack", externalId: meta.channelId, name: meta.channelName },
    text: commandTextFromForm(spec, v.view.state?.values ?? {}),
  };
}

/** `<@U123> topic list` → `/topic list`; an empty mention asks for help. */
export function commandTextOf(text: string): string {
  const words = text.replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, " ").trim();
  if (!words) return "/mediaops";
  return /^[/／]/.test(words) ? words : `/${words}`;
}

/** An app mention or a direct message to the bot → a command event; other events are not for us. */
export function eventCallbackToEvent(input: unknown): (InboundEvent & { kind: "command" }) | undefined {
  const e = ZEventCallback.parse(input);
  const ev = e.event;
  const isMention = ev.type === "app_mention";
  const isDirect = ev.type === "message" && ev.channel_type === "im" && ev.subtype === undefined;
  if (!(isMention || isDirect) || ev.bot_id || !ev.user || !ev.channel) return undefined;
  return {
    kind: "command",
    eventId: e.event_id,
    actor: { platform: "slack", tenant: e.team_id, externalId: ev.user },
    conversation: { platform: "slack", externalId: ev.channel },
    text: commandTextOf(ev.text ?? ""),
  };
}
