// The single entry for everything people do: resolve who and where, run the command or button, deliver
// what it wrote to the outbox, and turn refusals into a sentence in the actor's language.
import { randomUUID } from "node:crypto";
import { parseCommand } from "../../commands/index.js";
import { errorMessage } from "../../templates/strings/errors.js";
import { isStorageFailure } from "../db/errors.js";
import { AppError, isAppError } from "../domain/errors.js";
import type { Locale } from "../domain/locale.js";
import { decodeAction } from "../messaging/action.js";
import type { InboundEvent } from "../messaging/inbound.js";
import { ACTION_HANDLERS } from "./actions.js";
import { runCommand } from "./commands/dispatch.js";
import type { AppDeps } from "./deps.js";
import { checkIdentities } from "./identity/cache.js";
import { channelForConversation, firstDelivery, forgetDelivery, userForActor } from "./identity/enroll.js";
import { validSetupCode } from "./identity/first-admin.js";
import { withProfile } from "./identity/profiles.js";
import { toMember } from "./members.js";
import { deliverOutbox, type DeliveredRef } from "./outbox/deliver.js";
import { runPermitted } from "./permissions.js";
import { auditRefusal } from "./refusals.js";
import type { ChannelInfo, RequestScope } from "./scope.js";
import { rememberedTeam } from "./team.js";
import { takeWaitingReply } from "./sla/reply-capture.js";
import { replyToItem } from "./sla/reply-item.js";

/** What the adapter tells the platform: what was delivered, or the refusal to show the actor. */
export type InboundOutcome =
  | { ok: true; delivered: DeliveredRef[]; duplicate?: boolean }
  | { ok: false; kind: "refused" | "internal" | "unavailable"; code: string; message: string; locale: Locale };

/** What a person is told when the database cannot store anything (full disk, read-only file). */
export function cannotSaveMessage(locale: Locale): string {
  return locale === "en" ? "The server cannot save right now; nothing was changed. Please try again later." : "服务器现在无法保存，没有做任何更改。请稍后再试。";
}

/** The outcome for a change the database refused to store; the same request can succeed once the fault ends. */
export function cannotSave(locale: Locale): InboundOutcome {
  return { ok: false, kind: "unavailable", code: "storage.unavailable", message: cannotSaveMessage(locale), locale };
}

/** How a caller runs one event (the durable inbox's worker differs from a direct call). */
export interface HandleOptions {
  /** Dependencies the event's own work runs with (the inbox passes a fenced database); default `deps`. */
  workDeps?: AppDeps;
  /** De-duplicate by eventId here (default). The inbox turns it off: its insert already is the de-duplication. */
  dedup?: boolean;
  /**
   * Hands the request's outbox rows to a sender instead of sending them before returning: pacing belongs to
   * sending, so a worker must not wait while a busy channel's cards are paced out.
   */
  deliverLater?: (ids: number[]) => void;
}

/** The code of a `/mediaops setup <code>` typed in the console (where unknown handles may use one), else undefined. */
function consoleSetupCode(event: InboundEvent): string | undefined {
  if (event.kind !== "command" || event.actor.platform !== "console") return undefined;
  try {
    const cmd = parseCommand(event.text);
    return cmd.id === "admin.setup" ? cmd.args.code : undefined;
  } catch {
    return undefined;
  }
}

async function resolveScope(deps: AppDeps, event: InboundEvent, workDeps: AppDeps): Promise<RequestScope> {
  const { actor, conversation: conv } = event;
  const now = deps.clock.now();
  await checkIdentities(deps.db); // forgets remembered people, channels and teams if they changed anywhere
  // The first admin of an empty install may come from the console, where nobody is known yet: a handle is taken
  // in only with a valid setup code, so a wrong code leaves no stray person behind.
  const setupCode = consoleSetupCode(event);
  if (setupCode) await validSetupCode(deps.db, setupCode, now);
  const user = await withProfile(deps, await userForActor(deps.db, actor, now, { enrollConsole: setupCode !== undefined }), actor, now);
  const member = toMember(user);
  const channel = await channelForConversation(deps.db, conv, member.teamId, now);
  if (!channel || channel.teamId !== member.teamId) throw new AppError("channel.unknown", { channel: conv.externalId });
  const info: ChannelInfo = { id: channel.id, platform: channel.platform, externalId: channel.externalId, name: channel.name };
  return { deps: workDeps, actor: member, team: await rememberedTeam(deps.db, member.teamId, now), channel: info, now, outboxIds: [] };
}

async function run(scope: RequestScope, event: InboundEvent): Promise<void> {
  if (event.kind === "command" && !/^[/／]/.test(event.text.trim())) {
    // WeCom's Reply button: the next plain message within ten minutes is the reply (src/app/sla/reply-capture.ts).
    const waiting = await takeWaitingReply(scope);
    if (waiting !== undefined) {
      await runPermitted(scope, { kind: "command", id: "sla.reply" }, () => replyToItem(scope, waiting, event.text, { confirmWithCard: true }));
      return;
    }
  }
  if (event.kind === "command") {
    const cmd = parseCommand(event.text);
    await runPermitted(scope, { kind: "command", id: cmd.id }, () => runCommand(scope, cmd));
    return;
  }
  const payload = decodeAction(event.value, scope.deps.buttonKey);
  if (`${payload.subjectType}.${payload.action}` !== event.actionId) throw new AppError("action.malformed");
  const handler = ACTION_HANDLERS[payload.subjectType];
  if (!handler) throw new AppError("action.unknown", { action: event.actionId });
  return runPermitted(scope, { kind: "button", id: event.actionId }, () => handler(scope, payload, event.reason));
}

/** Handles one inbound event end to end; never throws for bad input. */
export async function handleInbound(deps: AppDeps, event: InboundEvent, fallbackLocale: Locale = "zh-CN", opts: HandleOptions = {}): Promise<InboundOutcome> {
  let locale = fallbackLocale;
  const dedup = opts.dedup !== false && event.eventId !== undefined;
  try {
    if (dedup && !(await firstDelivery(deps.db, event.actor.platform, event.eventId!, deps.clock.now()))) {
      return { ok: true, delivered: [], duplicate: true };
    }
    const scope = await resolveScope(deps, event, opts.workDeps ?? deps);
    locale = scope.actor.locale;
    await run(scope, event);
    if (deps.crashBeforeSend) process.kill(process.pid, "SIGKILL");
    if (opts.deliverLater) {
      opts.deliverLater(scope.outboxIds);
      return { ok: true, delivered: [] };
    }
    return { ok: true, delivered: await deliverOutbox(deps, scope.outboxIds) };
  } catch (err) {
    if (isAppError(err)) await auditRefusal(deps, event, err);
    if (isAppError(err)) return { ok: false, kind: "refused", code: err.code, message: errorMessage(locale, err), locale };
    // A failure on our side must not swallow the platform's redelivery of this event.
    if (dedup) await forgetDelivery(deps.db, event.actor.platform, event.eventId!).catch(() => undefined);
    if (isStorageFailure(err)) {
      deps.log.warn({ err: String(err), event: { kind: event.kind, platform: event.actor.platform } }, "inbound event not saved: the database cannot store anything now");
      return cannotSave(locale);
    }
    const ref = randomUUID().slice(0, 8);
    deps.log.error({ err, ref, event: { kind: event.kind, platform: event.actor.platform } }, "inbound event failed");
    const message = locale === "en" ? `Something went wrong on our side. Nothing was changed. Quote reference ${ref} to an admin.` : `系统出错了，没有做任何更改。请把编号 ${ref} 告诉管理员。`;
    return { ok: false, kind: "internal", code: "internal", message, locale };
  }
}
