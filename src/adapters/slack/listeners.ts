// Bolt listeners: ack first (Slack wants an answer within 3 s), then parse, call handleInbound once, and tell
// the person about a refusal, ephemerally. Results themselves travel through the outbox (SlackChannel).
import type { App, RespondFn, webApi } from "@slack/bolt";
import type { AppDeps } from "../../app/deps.js";
import { handleInbound, type InboundOutcome } from "../../app/handle-inbound.js";
import type { Locale } from "../../domain/locale.js";
import type { Log } from "../../lib/logger.js";
import type { InboundEvent } from "../../messaging/inbound.js";
import { FORM_CALLBACK_ID, commandForm, formSpecFor } from "./command-form.js";
import { blockActionsToClick, eventCallbackToEvent, formSubmissionToEvent, reasonOf, slashCommandToEvent, viewSubmissionToEvent, ZViewSubmission } from "./parse-inbound.js";
import { REASON_BLOCK_ID, REASON_CALLBACK_ID, reasonModal } from "./reason-modal.js";
import type { BackgroundWork } from "../../lib/background-work.js";

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

/** Registers the command, button, modal and event listeners on `app`. */
export function registerSlackListeners(app: App, opts: SlackListenerOptions): void {
  const { deps, defaultLocale, log, work } = opts;
  const run = (event: InboundEvent): Promise<InboundOutcome> => handleInbound(deps, event, defaultLocale);
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
  /** A refusal goes back through response_url when the request has one, else as an ephemeral message. */
  const refuse = async (outcome: InboundOutcome, event: InboundEvent, client: webApi.WebClient, respond?: RespondFn) => {
    if (outcome.ok) return;
    if (respond) await respond({ response_type: "ephemeral", replace_original: false, text: outcome.message });
    else await tellPrivately(client, event.conversation.externalId, event.actor.externalId, outcome.message);
  };

  // Every slash command of the app: /topic, /review, /sla, /incident, /kpi, /mediaops (help), and whatever the
  // manifest adds later; the command registry decides what is known.
  app.command(/^\/.+/, async ({ ack, body, respond, client }) => {
    await ack();
    await guarded("command", async () => {
      const event = slashCommandToEvent(body);
      // "/topic propose" alone: ask for the arguments in a modal rather than refuse the bare command.
      const spec = formSpecFor(event.text);
      if (spec && body.trigger_id) {
        const where = { channelId: event.conversation.externalId, channelName: event.conversation.name };
        if (await openModal(client, body.trigger_id, commandForm(spec, defaultLocale, where))) return;
      }
      await refuse(await run(event), event, client, respond);
    });
  });

  app.view({ callback_id: FORM_CALLBACK_ID, type: "view_submission" }, async ({ ack, body, client }) => {
    await ack();
    await guarded("command form", async () => {
      const event = formSubmissionToEvent(body);
      if (event) await refuse(await run(event), event, client);
    });
  });

  app.action({ type: "block_actions" }, async ({ ack, body, respond, client }) => {
    await ack();
    await guarded("block_actions", async () => {
      const click = blockActionsToClick(body);
      if (click.kind === "ignored") return void log.debug({ why: click.why }, "slack: click ignored");
      if (click.kind === "needs_reason") {
        const view = reasonModal({
          buttonLabel: click.label,
          prompt: click.prompt,
          click: { actionId: click.event.actionId, value: click.event.value, channelId: click.event.message.conversationId, channelName: click.event.conversation.name, messageTs: click.event.message.messageId },
        });
        if (view && (await openModal(client, click.triggerId, view))) return;
      }
      await refuse(await run(click.event), click.event, client, respond);
    });
  });

  app.view({ callback_id: REASON_CALLBACK_ID, type: "view_submission" }, async ({ ack, body, client }) => {
    // A blank reason is refused inside the modal (answering in the ack is the only way to show it there).
    const parsed = ZViewSubmission.safeParse(body);
    if (parsed.success && reasonOf(parsed.data.view) === "") {
      // Slack echoes the view's blocks; the input's label is the question to repeat under the field.
      const input = (body.view.blocks ?? []).find((b) => b.block_id === REASON_BLOCK_ID) as { label?: { text?: string } } | undefined;
      await ack({ response_action: "errors", errors: { [REASON_BLOCK_ID]: input?.label?.text ?? "?" } });
      return;
    }
    await ack();
    await guarded("view_submission", async () => {
      const event = viewSubmissionToEvent(body);
      if (event) await refuse(await run(event), event, client);
    });
  });

  // Events API requests were already acked by Bolt before listeners run.
  const onEvent = async ({ body, client }: { body: unknown; client: webApi.WebClient }) => {
    await guarded("event", async () => {
      const event = eventCallbackToEvent(body);
      if (event) await refuse(await run(event), event, client);
    });
  };
  app.event("app_mention", onEvent);
  app.event("message", onEvent);

  app.error(async (err) => {
    log.error({ err }, "slack: unhandled error in Bolt");
  });
}
