// Bolt listeners: parse, store the event in the durable inbox, and only then ack (Slack never redelivers an
// acknowledged event, so an event acknowledged before it is stored could be lost in a crash). A worker runs it
// and the refusal, if any, goes to the person ephemerally. Results travel through the outbox (SlackChannel).
// A bare command's form or a reason modal changes nothing, so those open after the ack, as before.
import type { App, webApi } from "@slack/bolt";
import type { AppDeps } from "../../app/deps.js";
import { cannotSaveMessage, type InboundOutcome } from "../../app/handle-inbound.js";
import { isStorageFailure } from "../../db/errors.js";
import type { InboxPayload } from "../../app/inbox/store.js";
import type { Locale } from "../../domain/locale.js";
import type { Log } from "../../lib/logger.js";
import type { InboundEvent } from "../../messaging/inbound.js";
import { FORM_CALLBACK_ID, commandForm, formSpecFor } from "./command-form.js";
import { blockActionsToClick, eventCallbackToEvent, formSubmissionToEvent, reasonOf, slashCommandToEvent, viewSubmissionToEvent, ZViewSubmission } from "./parse-inbound.js";
import { REASON_BLOCK_ID, REASON_CALLBACK_ID, reasonModal } from "./reason-modal.js";
import type { BackgroundWork } from "../../lib/background-work.js";
import { answerWithOf } from "./receiver.js";

/** What the listeners need besides Bolt. */
export interface SlackListenerOptions {
  deps: AppDeps;
  /** Language of refusals for someone the service does not know yet. */
  defaultLocale: Locale;
  log: Log;
  work: BackgroundWork;
}

/** Shows a refusal to the one person, in the conversation where they acted. */
async function tellPrivately(client: webApi.WebClient, channel: string, user: string, text: string): Promise<void> {
  // A direct message conversation has no "only visible to you": a plain reply there is already private.
  if (channel.startsWith("D")) await client.chat.postMessage({ channel, text });
  else await client.chat.postEphemeral({ channel, user, text });
}

/** Sends a refusal through the request's response_url (kept with the stored event), else ephemerally. */
async function tellRefusal(client: webApi.WebClient, payload: InboxPayload, outcome: InboundOutcome): Promise<void> {
  if (outcome.ok) return;
  const responseUrl = payload.reply?.["responseUrl"];
  if (!responseUrl) return tellPrivately(client, payload.event.conversation.externalId, payload.event.actor.externalId, outcome.message);
  const res = await fetch(responseUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ response_type: "ephemeral", replace_original: false, text: outcome.message }),
  });
  if (!res.ok) throw new Error(`slack: response_url answered ${res.status}`);
}

/** Registers the command, button, modal and event listeners on `app`. */
export function registerSlackListeners(app: App, opts: SlackListenerOptions): void {
  const { deps, defaultLocale, log, work } = opts;
  const inbox = deps.inbox;
  if (!inbox) throw new Error("slack: the durable inbox is not set up (deps.inbox)");
  inbox.onRun("slack", (payload, outcome) => tellRefusal(app.client, payload, outcome));
  /**
   * Stores the event: "kept" when it is stored (or was already). Otherwise the request is refused with 503
   * (Slack retries events and interactivity) and nothing is acked; "unsaved" when the database cannot store
   * anything now (a slash command then tells the person so instead, since Slack does not retry it).
   */
  const keep = async (event: InboundEvent, context: unknown, responseUrl?: string, orTell?: (text: string) => Promise<void>): Promise<boolean> => {
    try {
      const stored = await inbox.store(event, { locale: defaultLocale, reply: responseUrl ? { responseUrl } : undefined });
      if (stored.kind !== "busy") return true;
      log.warn({ waiting: stored.waiting }, "slack: inbox full; delivery refused with 503 (Slack retries)");
    } catch (err) {
      log.error({ err }, "slack: could not store the event; delivery refused");
      if (orTell && isStorageFailure(err)) {
        await orTell(cannotSaveMessage(defaultLocale));
        return false;
      }
    }
    answerWithOf(context)?.({ status: 503, body: "" });
    return false;
  };
  const guarded = (what: string, body: () => Promise<void>) =>
    work.start(async () => {
      try {
        await body();
      } catch (err) {
        log.error({ err, what }, "slack: listener failed");
      }
    });
  /** Opens a modal; when Slack refuses (an expired trigger), the request runs without it and is refused with help. */
  const openModal = async (client: webApi.WebClient, triggerId: string, view: Parameters<webApi.WebClient["views"]["open"]>[0]["view"]) => {
    try {
      await client.views.open({ trigger_id: triggerId, view });
      return true;
    } catch (err) {
      log.warn({ err: String(err) }, "slack: views.open failed; running the request without the modal");
      return false;
    }
  };


  // Every slash command of the app: /topic, /review, /sla, /incident, /kpi, /mediaops (help), and whatever the
  // manifest adds later; the command registry decides what is known.
  app.command(/^\/.+/, async ({ ack, body, client, context }) => {
    const event = slashCommandToEvent(body);
    // "/topic propose" alone: ask for the arguments in a modal rather than refuse the bare command.
    const spec = formSpecFor(event.text);
    if (spec && body.trigger_id) {
      await ack();
      await guarded("command form", async () => {
        const where = { channelId: event.conversation.externalId, channelName: event.conversation.name };
        if (!(await openModal(client, body.trigger_id, commandForm(spec, defaultLocale, where)))) await keep(event, context, body.response_url);
      });
      return;
    }
    const tell = async (text: string) => void (await ack({ response_type: "ephemeral", text }));
    if (await keep(event, context, body.response_url, tell)) await ack();
  });

  app.view({ callback_id: FORM_CALLBACK_ID, type: "view_submission" }, async ({ ack, body, context }) => {
    const event = formSubmissionToEvent(body);
    if (!event || (await keep(event, context))) await ack();
  });

  app.action({ type: "block_actions" }, async ({ ack, body, client, context }) => {
    const click = blockActionsToClick(body);
    if (click.kind === "ignored") {
      await ack();
      return void log.debug({ why: click.why }, "slack: click ignored");
    }
    const responseUrl = (body as { response_url?: string }).response_url;
    if (click.kind === "needs_reason") {
      await ack();
      await guarded("block_actions", async () => {
        const view = reasonModal({
          buttonLabel: click.label,
          prompt: click.prompt,
          click: { actionId: click.event.actionId, value: click.event.value, channelId: click.event.message.conversationId, channelName: click.event.conversation.name, messageTs: click.event.message.messageId },
        });
        if (!(view && (await openModal(client, click.triggerId, view)))) await keep(click.event, context, responseUrl);
      });
      return;
    }
    if (await keep(click.event, context, responseUrl)) await ack();
  });

  app.view({ callback_id: REASON_CALLBACK_ID, type: "view_submission" }, async ({ ack, body, context }) => {
    // A blank reason is refused inside the modal (answering in the ack is the only way to show it there).
    const parsed = ZViewSubmission.safeParse(body);
    if (parsed.success && reasonOf(parsed.data.view) === "") {
      // Slack echoes the view's blocks; the input's label is the question to repeat under the field.
      const input = (body.view.blocks ?? []).find((b) => b.block_id === REASON_BLOCK_ID) as { label?: { text?: string } } | undefined;
      await ack({ response_action: "errors", errors: { [REASON_BLOCK_ID]: input?.label?.text ?? "?" } });
      return;
    }
    const event = viewSubmissionToEvent(body);
    if (!event || (await keep(event, context))) await ack();
  });

  // Events API requests: the receiver answers once this listener has stored the event (see receiver.ts).
  const onEvent = async ({ body, context }: { body: unknown; context: unknown }) => {
    const event = eventCallbackToEvent(body);
    if (event) await keep(event, context);
  };
  app.event("app_mention", onEvent);
  app.event("message", onEvent);

  app.error(async (err) => {
    log.error({ err }, "slack: unhandled error in Bolt");
  });
}
