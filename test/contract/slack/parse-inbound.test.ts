// Slack's documented payloads (test/fixtures/slack, each with its _source) → the neutral InboundEvent, as the
// route decodes them from the bytes Slack sends.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeSlackActionId, encodeSlackActionId } from "../../../src/adapters/slack/action-id.js";
import { decodeSlackBody, isSslCheck } from "../../../src/adapters/slack/body.js";
import { FORM_CALLBACK_ID, commandForm, formSpecFor } from "../../../src/adapters/slack/command-form.js";
import { parseCommand } from "../../../commands/index.js";
import {
  blockActionsToClick,
  classifySlackBody,
  commandTextOf,
  eventCallbackToEvent,
  formSubmissionToEvent,
  slashCommandToEvent,
  viewSubmissionToEvent,
} from "../../../src/adapters/slack/parse-inbound.js";
import { REASON_CALLBACK_ID, readReasonMetadata, reasonModal } from "../../../src/adapters/slack/reason-modal.js";
import { renderCard } from "../../../src/adapters/slack/render-card.js";
import { encodeAction } from "../../../src/messaging/action.js";

const raw = (name: string) => readFileSync(new URL(`../../fixtures/slack/${name}`, import.meta.url), "utf8");
const fixture = (name: string) => {
  const { _source, ...body } = JSON.parse(raw(name)) as Record<string, unknown>;
  void _source;
  return body;
};
const FORM = "application/x-www-form-urlencoded";

/** The body exactly as Slack delivers an interaction: payload=<url-encoded JSON>. */
function asInteraction(payload: unknown) {
  const decoded = decodeSlackBody(Buffer.from(new URLSearchParams({ payload: JSON.stringify(payload) }).toString()), FORM);
  if (!decoded.ok) throw new Error(decoded.problem);
  return decoded.body;
}

function asJson(body: unknown) {
  const decoded = decodeSlackBody(Buffer.from(JSON.stringify(body)), "application/json; charset=utf-8");
  if (!decoded.ok) throw new Error(decoded.problem);
  return decoded.body;
}

describe("slash commands", () => {
  const body = () => {
    const decoded = decodeSlackBody(Buffer.from(raw("slash-command.raw.txt")), FORM);
    if (!decoded.ok) throw new Error(decoded.problem);
    return decoded.body;
  };

  it("decodes the documented form body to the documented fields", () => {
    const { _raw_body, ...expected } = fixture("slash-command.json");
    void _raw_body;
    expect(body()).toEqual(expected);
    expect(classifySlackBody(body())).toEqual({ ok: true, kind: "command" });
  });

  it("becomes a command event: team as tenant, the command word and its text, trigger_id as the event id", () => {
    expect(slashCommandToEvent(body())).toEqual({
      kind: "command",
      eventId: "13345224609.738474920.8088930838d88f008e0",
      actor: { platform: "slack", tenant: "T0001", externalId: "U2147483697", displayName: "Steve" },
      conversation: { platform: "slack", externalId: "C2147483705", name: "test" },
      text: "/weather 94070",
    });
  });

  it("an empty text is the bare command (help for that command)", () => {
    expect(slashCommandToEvent({ ...body(), command: "/mediaops", text: "  " }).text).toBe("/mediaops");
  });

  it("a command body without user_id is malformed, naming the field", () => {
    const { user_id, ...rest } = body();
    void user_id;
    expect(classifySlackBody(rest)).toEqual({ ok: false, problem: "user_id: Invalid input: expected string, received undefined" });
  });
});

describe("button clicks (block_actions)", () => {
  it("the documented payload becomes an action with the message ref from the container", () => {
    const body = asInteraction(fixture("block-actions.json"));
    expect(classifySlackBody(body)).toEqual({ ok: true, kind: "block_actions" });
    expect(blockActionsToClick(body)).toEqual({
      kind: "action",
      event: {
        kind: "action",
        eventId: "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3",
        actor: { platform: "slack", tenant: "T9TK3CUKW", externalId: "UA8RXUSPL", displayName: "jtorrance" },
        conversation: { platform: "slack", externalId: "CBR2V3XEX", name: "review-updates" },
        message: { platform: "slack", conversationId: "CBR2V3XEX", messageId: "1548261231.000200" },
        actionId: "WaXA",
        value: "click_me_123",
      },
    });
  });

  it("a button we rendered comes back as the card's actionId and value", () => {
    const value = encodeAction({ action: "accept", subjectType: "topic", subjectId: "42", stateVersion: 3 }, "k");
    const message = renderCard({ title: "#42", tone: "info", blocks: [{ type: "actions", buttons: [{ actionId: "topic.accept", label: "Accept", value }] }], fallbackText: "#42" });
    const actions = message.blocks.find((b) => b.type === "actions");
    const button = actions?.type === "actions" ? (actions.elements[0] as { action_id: string; value: string }) : undefined;
    const doc = fixture("block-actions.json") as { actions: Record<string, unknown>[] };
    const body = asInteraction({ ...doc, actions: [{ ...doc.actions[0], action_id: button!.action_id, value: button!.value }] });
    const click = blockActionsToClick(body);
    expect(click.kind === "action" && [click.event.actionId, click.event.value]).toEqual(["topic.accept", value]);
  });

  it("a button that wants a reason asks for it first: prompt, label, trigger, and the click without an event id", () => {
    const doc = fixture("block-actions.json") as { actions: Record<string, unknown>[] };
    const body = asInteraction({ ...doc, actions: [{ ...doc.actions[0], action_id: encodeSlackActionId("topic.reject", 1, "Why is it rejected?"), value: "v", text: { type: "plain_text", text: "Reject" } }] });
    const click = blockActionsToClick(body);
    expect(click).toMatchObject({ kind: "needs_reason", prompt: "Why is it rejected?", label: "Reject", triggerId: "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3" });
    expect(click.kind === "needs_reason" && click.event.eventId).toBeUndefined();
  });

  it("a click in a modal (no message) or on a select menu is not one of our card buttons", () => {
    const doc = fixture("block-actions.json") as Record<string, unknown> & { actions: Record<string, unknown>[] };
    const inModal = asInteraction({ ...doc, container: { type: "view", view_id: "V1" }, channel: undefined, message: undefined });
    expect(blockActionsToClick(inModal).kind).toBe("ignored");
    const select = asInteraction({ ...doc, actions: [{ ...doc.actions[0], type: "static_select" }] });
    expect(blockActionsToClick(select).kind).toBe("ignored");
  });
});

describe("modal submissions (view_submission)", () => {
  it("the documented payload is well-formed but is not our reason modal", () => {
    const body = asInteraction(fixture("view-submission.json"));
    expect(classifySlackBody(body)).toEqual({ ok: true, kind: "view_submission" });
    expect(viewSubmissionToEvent(body)).toBeUndefined();
  });

  it("our reason modal's submission is the original click plus the typed reason", () => {
    const view = reasonModal({ buttonLabel: "驳回", prompt: "驳回原因？", click: { actionId: "topic.reject", value: "m1.reject.topic.42.1.tag", channelId: "C1", channelName: "topics", messageTs: "1790000000.000100" } })!;
    expect(view).toMatchObject({ type: "modal", callback_id: REASON_CALLBACK_ID, title: { text: "驳回" }, submit: { text: "驳回" } });
    const doc = fixture("view-submission.json") as { view: Record<string, unknown> };
    const body = asInteraction({
      ...doc,
      view: { ...doc.view, callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values: { reason: { reason: { type: "plain_text_input", value: "  涉及肖像权风险 " } } } } },
    });
    expect(viewSubmissionToEvent(body)).toEqual({
      kind: "action",
      eventId: "111.222.valid",
      actor: { platform: "slack", tenant: "T111", externalId: "W111", displayName: "primary-owner" },
      conversation: { platform: "slack", externalId: "C1", name: "topics" },
      message: { platform: "slack", conversationId: "C1", messageId: "1790000000.000100" },
      actionId: "topic.reject",
      value: "m1.reject.topic.42.1.tag",
      reason: "涉及肖像权风险",
    });
  });

  it("private_metadata that is not ours is ignored; a title longer than 24 is cut", () => {
    expect(readReasonMetadata("This is for you!")).toBeUndefined();
    expect(readReasonMetadata(JSON.stringify({ actionId: "" }))).toBeUndefined();
    const view = reasonModal({ buttonLabel: "Reject this topic for good, with a reason", prompt: "Why?", click: { actionId: "a.b", value: "v", channelId: "C", messageTs: "1" } })!;
    expect([...view.title.text].length).toBe(24);
  });
});

describe("command forms (a bare command that needs arguments)", () => {
  it("opens for a command whose arguments are required and missing, not otherwise", () => {
    expect(formSpecFor("/topic propose")?.id).toBe("topic.propose");
    expect(formSpecFor("/mediaops topic propose")?.id).toBe("topic.propose");
    expect(formSpecFor("/topic propose 春节攻略")).toBeUndefined();
    expect(formSpecFor("/topic list")).toBeUndefined();
    expect(formSpecFor("/topic")).toBeUndefined();
    expect(formSpecFor("/mediaops")).toBeUndefined();
  });

  it("has a field per argument and an optional field per option, with the spec's help in the team's language", () => {
    const view = commandForm(formSpecFor("/topic propose")!, "zh-CN", { channelId: "C1", channelName: "topics" });
    expect(view).toMatchObject({ type: "modal", callback_id: FORM_CALLBACK_ID, title: { text: "/topic propose" }, submit: { text: "提交" } });
    const inputs = view.blocks.filter((b) => b.type === "input") as { block_id: string; optional?: boolean; hint?: { text: string } }[];
    expect(inputs.map((b) => [b.block_id, b.optional ?? false])).toEqual([
      ["p:title", false], ["o:theme", true], ["o:platform", true], ["o:format", true], ["o:date", true], ["o:angle", true], ["o:refs", true],
    ]);
    expect(inputs[2]!.hint!.text).toContain("用逗号分隔");
    expect(JSON.parse(view.private_metadata!)).toEqual({ id: "topic.propose", channelId: "C1", channelName: "topics" });
  });

  it("its submission is the command the registry would have parsed from typed text, quotes and spaces included", () => {
    const view = commandForm(formSpecFor("/topic propose")!, "en", { channelId: "C1", channelName: "topics" });
    const value = (v: string) => ({ value: { type: "plain_text_input", value: v } });
    const doc = fixture("view-submission.json") as { view: Record<string, unknown> };
    const body = asInteraction({
      ...doc,
      view: {
        ...doc.view, callback_id: view.callback_id, private_metadata: view.private_metadata,
        state: { values: { "p:title": value('The "best" --theme of 2026\nwinter'), "o:platform": value("douyin, weibo"), "o:date": value("2026-12-03 20:30"), "o:angle": value("  "), "o:theme": value("tips") } },
      },
    });
    const event = formSubmissionToEvent(body)!;
    expect(event).toMatchObject({ kind: "command", eventId: "111.222.valid", actor: { externalId: "W111" }, conversation: { externalId: "C1", name: "topics" } });
    expect(parseCommand(event.text)).toEqual({
      id: "topic.propose",
      args: { title: 'The "best" --theme of 2026 winter', theme: "tips", platform: ["douyin", "weibo"], date: "2026-12-03 20:30" },
    });
  });
});

describe("Events API", () => {
  it("url_verification is recognised (the route answers the challenge)", () => {
    expect(classifySlackBody(asJson(fixture("url-verification.json")))).toEqual({ ok: true, kind: "url_verification" });
  });

  it("an app mention becomes a command event of the words after the mention", () => {
    const body = asJson(fixture("app-mention.json"));
    expect(classifySlackBody(body)).toEqual({ ok: true, kind: "event_callback" });
    expect(eventCallbackToEvent(body)).toEqual({
      kind: "command",
      eventId: "Ev123ABC456",
      actor: { platform: "slack", tenant: "T123ABC456", externalId: "U061F7AUR" },
      conversation: { platform: "slack", externalId: "C123ABC456" },
      text: "/is it everything a river should be?",
    });
  });

  it("a direct message to the bot becomes a command event; bot messages, edits and channel chatter do not", () => {
    const doc = fixture("message-im.json") as { event: Record<string, unknown> };
    expect(eventCallbackToEvent(asJson(doc))).toMatchObject({ kind: "command", eventId: "Ev0PV52K21", conversation: { externalId: "D024BE91L" }, text: "/Hello hello can you hear me?" });
    expect(eventCallbackToEvent(asJson({ ...doc, event: { ...doc.event, bot_id: "B1" } }))).toBeUndefined();
    expect(eventCallbackToEvent(asJson({ ...doc, event: { ...doc.event, subtype: "message_changed" } }))).toBeUndefined();
    expect(eventCallbackToEvent(asJson({ ...doc, event: { ...doc.event, channel_type: "channel" } }))).toBeUndefined();
  });

  it("mention text: the mention is dropped, a leading slash is optional, an empty mention asks for help", () => {
    expect(commandTextOf("<@U0LAN0Z89> topic list --status idea")).toBe("/topic list --status idea");
    expect(commandTextOf("<@U0LAN0Z89|mediaops> /topic show 3")).toBe("/topic show 3");
    expect(commandTextOf("<@U0LAN0Z89>")).toBe("/mediaops");
  });

  it("other typed bodies (app_rate_limited, shortcuts) are passed on for Bolt to ignore", () => {
    expect(classifySlackBody({ token: "t", type: "app_rate_limited", team_id: "T1", minute_rate_limited: 1518467820, api_app_id: "A1" })).toEqual({ ok: true, kind: "other" });
  });
});

describe("raw bodies", () => {
  it("refuses what Slack never sends, saying why", () => {
    const bad = (body: string | Buffer, type = "application/json") => {
      const r = decodeSlackBody(Buffer.isBuffer(body) ? body : Buffer.from(body), type);
      return r.ok ? "ok" : r.problem;
    };
    expect(bad("[1]")).toBe("body is not a JSON object");
    expect(bad("{")).toBe("body is not valid JSON");
    expect(bad("payload=%7B", FORM)).toBe("payload is not valid JSON");
    expect(bad(Buffer.from([0x7b, 0xff, 0x7d]))).toBe("body is not valid UTF-8");
    expect(bad("x", "text/plain")).toBe('unsupported content type "text/plain"');
    expect(bad("x", "")).toBe('unsupported content type "none"');
    expect(classifySlackBody({ hello: "world" })).toEqual({ ok: false, problem: "neither a slash command nor a typed payload" });
  });

  it("recognises Slack's SSL check", () => {
    const r = decodeSlackBody(Buffer.from("ssl_check=1&token=abc"), FORM);
    expect(r.ok && isSslCheck(r.body)).toBe(true);
  });
});

describe("action_id codec", () => {
  it("round-trips ids and prompts, and stays within 255 characters however long the prompt", () => {
    expect(decodeSlackActionId(encodeSlackActionId("topic.accept", 0))).toEqual({ actionId: "topic.accept" });
    expect(decodeSlackActionId(encodeSlackActionId("topic.reject", 1, "Why ~ rejected?"))).toEqual({ actionId: "topic.reject", reasonPrompt: "Why ~ rejected?" });
    const long = encodeSlackActionId("topic.reject", 1, "为什么".repeat(200));
    expect(long.length).toBeLessThanOrEqual(255);
    expect(decodeSlackActionId(long).reasonPrompt).toMatch(/^(为什么)+/);
    expect(decodeSlackActionId("WaXA")).toEqual({ actionId: "WaXA" });
  });
});
